"""A student's points in a link: `points=` holds each point as x1_x2_c, the points joined by "~", where c is the
class y plus 2 for a test point (0, 1: training points of class 0, 1; 2, 3: test points of class 0, 1), and the
numbers are written as CPython writes floats (exact, shortest): 0.25_-0.5_1~1.5_0.75_2.

"_", "~", ".", "-" and digits pass through a URL unencoded; an exponent is written without its "+" (1e-07 and 1e16,
not 1e+16, since "+" in a query means a space). The text is at most TEXT_LIMIT characters: beyond that the link
cannot hold the points (link_and_note says so), and the saved run (JSON) or the points' CSV carry them instead.
"""

from backprop import POINTS_LIMIT, check_point
from shared.i18n import N_, _

TEXT_LIMIT = 4000  # characters, as params=; about 250 clicked points (numbers of 2 decimals), 100 generated ones
POINT, SEPARATOR = "~", "_"
NOTE = N_("The link cannot hold {count} points: save the run (JSON) or export the points (CSV) instead.")


def _number(x):
    return repr(float(x)).replace("e+", "e")


def points_text(points):
    """The compact text of points [[x1, x2, y(, test)], ...] (of any length: see link_and_note for the limit)."""
    return POINT.join(
        SEPARATOR.join([_number(p[0]), _number(p[1]), str(int(p[2]) + 2 * (int(p[3]) if len(p) > 3 else 0))])
        for p in points
    )


def link_and_note(points):
    """(the points' link text, None), or (None, the note saying the link cannot hold them) when the text would be
    over TEXT_LIMIT characters."""
    text = points_text(points)
    if len(text) <= TEXT_LIMIT:
        return text, None
    return None, _(NOTE).format(count=f"{len(points):,}")


def points_from_text(text):
    """[[x1, x2, y, test], ...] (y and test ints) from points_text's text; ValueError naming the point (counted
    from 1) and what is wrong."""
    if not isinstance(text, str):
        raise ValueError(_("points must be text (got {kind})").format(kind=type(text).__name__))
    text = text.strip()
    if len(text) > TEXT_LIMIT:
        raise ValueError(
            _("points is {count} characters long; at most {limit}").format(
                count=f"{len(text):,}", limit=f"{TEXT_LIMIT:,}"
            )
        )
    if not text:
        raise ValueError(_("points is empty: it needs at least one point x1_x2_c"))
    pieces = text.split(POINT)
    if len(pieces) > POINTS_LIMIT:
        raise ValueError(
            _("points has {count} points; at most {limit}").format(count=f"{len(pieces):,}", limit=f"{POINTS_LIMIT:,}")
        )
    points = []
    for i, piece in enumerate(pieces, start=1):
        # Translators: where a refusal points in a link's points= ("points: point 3"); "points" is the link's key.
        where = _("points: point {i}").format(i=i)
        values = piece.replace(",", SEPARATOR).split(SEPARATOR)
        if len(values) != 3:
            shown = piece if len(piece) <= 40 else piece[:39] + "…"
            raise ValueError(
                _("{where} must be three values x1_x2_c (got {shown})").format(where=where, shown=repr(shown))
            )
        code = values[2].strip()
        if code not in ("0", "1", "2", "3"):
            raise ValueError(
                _("{where}: its class c must be 0 or 1, or 2 or 3 for a test point (got {code})").format(
                    where=where, code=repr(code[:40])
                )
            )
        x1, x2 = check_point(values[0], values[1], int(code) % 2, where)[:2]
        points.append([x1, x2, int(code) % 2, int(code) // 2])
    if all(point[3] for point in points):
        raise ValueError(_("points has no training point (c 0 or 1): at least one is needed"))
    return points
