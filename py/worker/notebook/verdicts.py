"""The gradient checks' verdicts and what the Notebook view says about them: the band of each relative error
(CS231n's, backprop.gradcheck's RIGHT and SUSPICIOUS), its sentence, the section's count, and the note on the
notebook's slip in notebook mode."""

import math

from backprop.gradcheck import RIGHT, SUSPICIOUS, error_band


def _band_text(bound):
    """1e-07 as "1e-7"."""
    return f"{bound:.0e}".replace("e-0", "e-")


RIGHT_TEXT, SUSPICIOUS_TEXT = _band_text(RIGHT), _band_text(SUSPICIOUS)  # "1e-7", "1e-4"
VERDICTS = ("right", "suspicious", "wrong", "undefined")
VERDICT_WORDS = {
    "right": "\u2713 Right",
    "suspicious": "? Suspicious",
    "wrong": "\u2717 Wrong",
    "undefined": "\u2013 Undefined",
}


def verdict(error):
    """error_band(error), or "undefined" when the error is not a finite number (a diverged network)."""
    if not math.isfinite(error):
        return "undefined"
    return error_band(error)


def verdict_text(name, error, band, h, kink_units=(), slip=False):
    """The verdict on gradient d<name> in words. kink_units: the hidden sums within h of relu's kink, when
    this gradient's numeric derivative goes through them; slip: the notebook's slip changes this gradient."""
    d = "d" + name
    if band == "undefined":
        return (
            f"The relative error of {d} is not a number: the network's values are no longer finite "
            "(it has diverged), so backprop and the numeric derivative cannot be compared."
        )
    e = f"{error:.1e}"
    if band == "right":
        return (
            f"Relative error {e}, at most {RIGHT_TEXT}: backprop's {d} agrees with the numeric derivative. "
            "This gradient is right."
        )
    if band == "suspicious":
        text = (
            f"Relative error {e}, above {RIGHT_TEXT} but at most {SUSPICIOUS_TEXT}: suspicious. A correct backprop "
            f"can give this where gradients all but vanish; look closer before trusting {d}."
        )
    else:
        text = (
            f"Relative error {e}, above {SUSPICIOUS_TEXT}: backprop's {d} disagrees with the numeric derivative. "
            "It is wrong."
        )
    if kink_units:
        text += (
            f" But {', '.join(kink_units)} lies within h = {h!r} of relu's kink at 0, where relu has no "
            "derivative: the central difference straddles the kink, so the error may be the kink's, "
            "not backprop's."
        )
    if slip and band == "wrong":
        text += " This is the notebook's slip in dZ1, which dW0 and db0 inherit (see the note)."
    return text


def summary(gradients):
    """ "6 of 8 gradients right; 2 wrong." from the gradients' verdicts."""
    counts = {}
    for g in gradients:
        counts[g["verdict"]] = counts.get(g["verdict"], 0) + 1
    text = "{} of {} gradients right".format(counts.get("right", 0), len(gradients))
    others = ["{} {}".format(counts[v], v) for v in VERDICTS[1:] if counts.get(v)]
    return text + ("; " + ", ".join(others) if others else "") + "."


def notebook_note(activation):
    """What notebook mode repeats of the notebook's 1 - tanh(A1)**2 slip, for this activation."""
    if activation == "tanh":
        return (
            "The notebook computes dZ1 = dA1 * (1 - tanh(A1)**2). The chain rule needs tanh′ at Z1: "
            "tanh′(Z1) = 1 - tanh(Z1)**2, and since A1 = tanh(Z1) that is 1 - A1**2. Taking tanh of A1 "
            "applies tanh twice, so dZ1 comes out slightly wrong, and dW0 and db0, computed from dZ1, "
            "with it. The gradient check catches it: cell 30's numeric db0 ends in -0.00059, cell 31's "
            "analytic db0 in -0.00058. The network still learns, because the direction is nearly right."
        )
    if activation == "sigmoid":
        return (
            "Notebook mode repeats the notebook's 1 - tanh(A1)**2 slip with the activation in use: it "
            "evaluates g′ at A1 instead of Z1, σ(A1)(1 - σ(A1)) where the chain rule says "
            "σ(Z1)(1 - σ(Z1)) = A1(1 - A1). dZ1, and dW0 and db0 computed from it, come out wrong."
        )
    return (
        "Notebook mode repeats the notebook's 1 - tanh(A1)**2 slip, evaluating g′ at A1 instead of Z1. "
        "For relu that does no harm: A1 = max(Z1, 0) is above 0 exactly when Z1 is."
    )
