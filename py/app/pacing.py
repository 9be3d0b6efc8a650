"""How much to train in one animation frame, and how often to speak: plain timing, no browser."""

FRAME_BUDGET = 0.008  # seconds of training per frame, leaving the rest of a 60 Hz frame to drawing


class Pacer:
    """Steps per frame: the speed asked for, cut down to what fits the frame's time budget."""

    def __init__(self, budget=FRAME_BUDGET):
        self.budget = budget
        self.seconds_per_step = None  # unknown until a first chunk was timed

    def steps(self, speed):
        if self.seconds_per_step is None:
            return 1
        return max(1, min(speed, int(self.budget / self.seconds_per_step)))

    def observe(self, steps, seconds):
        """Learn from a timed chunk; a moving average so one slow frame does not halve the speed."""
        if steps <= 0:
            return
        measured = seconds / steps
        previous = self.seconds_per_step
        self.seconds_per_step = measured if previous is None else 0.7 * previous + 0.3 * measured


class RateMeter:
    """Steps per second over the last `window` seconds or so."""

    def __init__(self, window=1.0):
        self.window, self.started, self.count, self.rate = window, None, 0, None

    def add(self, steps, now):
        if self.started is None:
            self.started, self.count = now, 0
        self.count += steps
        if now - self.started >= self.window:
            self.rate = self.count / (now - self.started)
            self.started, self.count = now, 0
        return self.rate

    def stop(self):
        self.started, self.rate = None, None


class Throttle:
    """True at most once every `interval` seconds."""

    def __init__(self, interval):
        self.interval, self.last = interval, None

    def due(self, now):
        if self.last is None or now - self.last >= self.interval:
            self.last = now
            return True
        return False
