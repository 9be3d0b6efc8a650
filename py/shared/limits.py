"""Limits both sides of the page/worker boundary hold to: the page validates a link's settings with them
(app/settings.py) and the model's worker refuses what lies outside them (worker/landscape, worker/sweep)."""

SEED_LIMIT = 2**32  # seeds are 0 to SEED_LIMIT - 1, as NumPy's seeding takes them (backprop.config's too)
SPAN_MAX = 100.0  # the cost landscape's largest range, on each side of the network's parameters
# The Many seeds sweep: the first seed, the number of networks and the steps each trains, (lowest, highest).
# The first seed leaves room for the largest sweep: its seeds are all below SEED_LIMIT.
SWEEP_LIMITS = {
    "sweep_first": (0, SEED_LIMIT - 1000),
    "sweep_count": (10, 1000),
    "sweep_steps": (100, 10000),
}
