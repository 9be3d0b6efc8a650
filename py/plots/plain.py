"""Numbers as JSON carries them (shared/protocol.py's plain: a float that is not finite travels as the text "NaN",
"Infinity" or "-Infinity"), for NumPy arrays."""

import numpy as np

from shared.protocol import plain


def plain_list(values):
    return [plain(x) for x in np.asarray(values, dtype=float).reshape(-1).tolist()]


__all__ = ["plain", "plain_list"]
