"""The gradient checks' verdicts and what the Notebook view says about them: the band of each relative error
(CS231n's, backprop.gradcheck's RIGHT and SUSPICIOUS), its sentence, the section's count, and the note on the
notebook's slip in notebook mode."""

import math

from backprop.gradcheck import RIGHT, SUSPICIOUS, error_band
from shared.i18n import N_, _, ngettext


def _band_text(bound):
    """1e-07 as "1e-7"."""
    return f"{bound:.0e}".replace("e-0", "e-")


RIGHT_TEXT, SUSPICIOUS_TEXT = _band_text(RIGHT), _band_text(SUSPICIOUS)  # "1e-7", "1e-4"
VERDICTS = ("right", "suspicious", "wrong", "undefined")
VERDICT_WORDS = {  # a gradient check's verdict, its sign first (translate the word only)
    "right": N_("\u2713 Right"),
    "suspicious": N_("? Suspicious"),
    "wrong": N_("\u2717 Wrong"),
    "undefined": N_("\u2013 Undefined"),
}


def verdict(error):
    """error_band(error), or "undefined" when the error is not a finite number (a diverged network)."""
    if not math.isfinite(error):
        return "undefined"
    return error_band(error)


def verdict_text(name, error, band, h, kink_units=(), slip=False):
    """The verdict on gradient d<name> in words. kink_units: the hidden sums within h of relu's kink, when
    this gradient's numeric derivative goes through them; slip: the notebook's slip changes this gradient."""
    values = {"d": "d" + name, "e": f"{error:.1e}", "right": RIGHT_TEXT, "suspicious": SUSPICIOUS_TEXT}
    if band == "undefined":
        return _(
            "The relative error of {d} is not a number: the network's values are no longer finite "
            "(it has diverged), so backprop and the numeric derivative cannot be compared."
        ).format(**values)
    if band == "right":
        return _(
            "Relative error {e}, at most {right}: backprop's {d} agrees with the numeric derivative. "
            "This gradient is right."
        ).format(**values)
    if band == "suspicious":
        text = _(
            "Relative error {e}, above {right} but at most {suspicious}: suspicious. A correct backprop "
            "can give this where gradients all but vanish; look closer before trusting {d}."
        ).format(**values)
    else:
        text = _(
            "Relative error {e}, above {suspicious}: backprop's {d} disagrees with the numeric derivative. It is wrong."
        ).format(**values)
    if kink_units:
        text += " " + ngettext(
            "But {units} lies within h = {h} of relu's kink at 0, where relu has no derivative: the central "
            "difference straddles the kink, so the error may be the kink's, not backprop's.",
            "But {units} lie within h = {h} of relu's kink at 0, where relu has no derivative: the central "
            "difference straddles the kink, so the error may be the kink's, not backprop's.",
            len(kink_units),
        ).format(units=", ".join(kink_units), h=repr(h))
    if slip and band == "wrong":
        text += " " + _("This is the notebook's slip in dZ1, which dW0 and db0 inherit (see the note).")
    return text


def _other_count(band, n):
    """The summary's count of the gradients of a verdict other than right: "2 wrong"."""
    if band == "suspicious":
        return ngettext("{n} suspicious", "{n} suspicious", n).format(n=n)
    if band == "wrong":
        return ngettext("{n} wrong", "{n} wrong", n).format(n=n)
    return ngettext("{n} undefined", "{n} undefined", n).format(n=n)


def summary(gradients):
    """ "6 of 8 gradients right; 2 wrong." from the gradients' verdicts."""
    counts = {}
    for g in gradients:
        counts[g["verdict"]] = counts.get(g["verdict"], 0) + 1
    others = [_other_count(v, counts[v]) for v in VERDICTS[1:] if counts.get(v)]
    values = {"right": counts.get("right", 0), "total": len(gradients), "others": ", ".join(others)}
    if others:
        return ngettext(
            "{right} of {total} gradient right; {others}.",
            "{right} of {total} gradients right; {others}.",
            len(gradients),
        ).format(**values)
    return ngettext("{right} of {total} gradient right.", "{right} of {total} gradients right.", len(gradients)).format(
        **values
    )


def notebook_note(activation):
    """What notebook mode repeats of the notebook's 1 - tanh(A1)**2 slip, for this activation."""
    if activation == "tanh":
        return _(
            "The notebook computes dZ1 = dA1 * (1 - tanh(A1)**2). The chain rule needs tanh′ at Z1: "
            "tanh′(Z1) = 1 - tanh(Z1)**2, and since A1 = tanh(Z1) that is 1 - A1**2. Taking tanh of A1 "
            "applies tanh twice, so dZ1 comes out slightly wrong, and dW0 and db0, computed from dZ1, "
            "with it. The gradient check catches it: cell 30's numeric db0 ends in -0.00059, cell 31's "
            "analytic db0 in -0.00058. The network still learns, because the direction is nearly right."
        )
    if activation == "sigmoid":
        return _(
            "Notebook mode repeats the notebook's 1 - tanh(A1)**2 slip with the activation in use: it "
            "evaluates g′ at A1 instead of Z1, σ(A1)(1 - σ(A1)) where the chain rule says "
            "σ(Z1)(1 - σ(Z1)) = A1(1 - A1). dZ1, and dW0 and db0 computed from it, come out wrong."
        )
    return _(
        "Notebook mode repeats the notebook's 1 - tanh(A1)**2 slip, evaluating g′ at A1 instead of Z1. "
        "For relu that does no harm: A1 = max(Z1, 0) is above 0 exactly when Z1 is."
    )
