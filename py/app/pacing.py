"""The page's clock, its steps-per-second meter and a throttle: plain timing, no browser."""

try:
    from time import perf_counter as clock
except ImportError:  # MicroPython: milliseconds since start (wraps after about 12 days)
    from time import ticks_ms

    def clock():
        return ticks_ms() / 1000


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
