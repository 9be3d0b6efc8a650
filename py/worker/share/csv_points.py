"""A student's points as CSV, read and written: a header naming the columns x1, x2, y (the class, 0 or 1) and
optionally split (train or test; without it every point is a training point), then a point a line.

    x1,x2,y,split
    0.25,-0.5,1,train
    -0.75,0.5,0,test

Reading is forgiving of form (any order of the columns, spaces around values, Windows or old Mac line ends, a byte-
order mark, blank lines, quoted values, ";" or a tab as the separator when the header has no comma, train/test in
any case) and strict about content: each bad line gets a message naming the line (counted from 1, the header's
included, as an editor counts them) and what is wrong, e.g. "line 5: x2 is not a number (got 'abc')". Writing
gives x1,x2,y,split with CPython's repr of each number, which reads back as the very same float.
"""

import csv

from backprop import POINTS_LIMIT, check_point
from shared.i18n import N_, _, ngettext

SIZE_LIMIT = 1_000_000  # bytes; 1,000 points take at most about 60 kB
COLUMNS = ("x1", "x2", "y")
SPLIT = "split"
SPLITS = {"train": 0, "test": 1}
HEADER = "x1,x2,y,split"
FORMAT = N_("the first line must be the header x1,x2,y (or x1,x2,y,split)")
QUOTE = 40  # characters of a bad value a message quotes


def _size(size):
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


def _quoted(text):
    return repr(text if len(text) <= QUOTE else text[: QUOTE - 1] + "…")


def _lines(text):
    """(line number, line) of each line of text, any line ends."""
    return list(enumerate(text.splitlines(), start=1))


def _separator(header):
    if "," in header:
        return ","
    return ";" if ";" in header else "\t" if "\t" in header else ","


def _fields(line, separator):
    return [field.strip() for field in next(csv.reader([line], delimiter=separator, skipinitialspace=True), [])]


def _columns(header, separator):
    """{column name: its index} from the header line; ValueError naming what is missing or unknown."""
    names = [name.lower() for name in _fields(header, separator)]
    if all(_is_number(name) for name in names if name):
        raise ValueError(_("line 1: {format} (got {header})").format(format=_(FORMAT), header=_quoted(header.strip())))
    where = {}
    for index, name in enumerate(names):
        if name not in COLUMNS + (SPLIT,):
            raise ValueError(
                _(
                    "line 1: the header names a column {name} this page does not know "
                    "(the columns: x1, x2, y and optionally split)"
                ).format(name=_quoted(name))
            )
        if name in where:
            raise ValueError(_("line 1: the header names the column {name} twice").format(name=name))
        where[name] = index
    missing = [name for name in COLUMNS if name not in where]
    if missing:
        values = {"format": _(FORMAT), "header": _quoted(header)}
        if len(missing) == 1:
            raise ValueError(
                _("line 1: the header has no {name} column: {format} (got {header})").format(name=missing[0], **values)
            )
        raise ValueError(
            _("line 1: the header has none of the columns {names}: {format} (got {header})").format(
                names=", ".join(missing), **values
            )
        )
    return where


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def parse_points(text):
    """The points of a CSV text (str or UTF-8 bytes) as [[x1, x2, y, test], ...] in the file's order (y and test
    ints 0 or 1); ValueError with a message for a student, naming the line (see the module's docstring)."""
    if isinstance(text, (bytes, bytearray)):
        if len(text) > SIZE_LIMIT:
            raise ValueError(
                _("the file is {size}; at most {limit}").format(size=_size(len(text)), limit=_size(SIZE_LIMIT))
            )
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise ValueError(_("the file is not text (not UTF-8 at byte {byte})").format(byte=err.start)) from None
    if not isinstance(text, str):
        raise ValueError(_("the points must be text (got {kind})").format(kind=type(text).__name__))
    size = len(text) if len(text) > SIZE_LIMIT else len(text.encode("utf-8", "surrogatepass"))
    if size > SIZE_LIMIT:
        raise ValueError(_("the file is {size}; at most {limit}").format(size=_size(size), limit=_size(SIZE_LIMIT)))
    lines = [(number, line) for number, line in _lines(text.removeprefix("\ufeff")) if line.strip()]
    if not lines:
        raise ValueError(_("the file is empty: {format}, then a point a line").format(format=_(FORMAT)))
    header_number, header = lines[0]
    if header_number != 1:  # blank lines before the header: count from the header's own line
        lines = [(number - header_number + 1, line) for number, line in lines]
    separator = _separator(header)
    where = _columns(header, separator)
    rows = lines[1:]
    if not rows:
        raise ValueError(_("the file has a header but no points: add a point a line, such as 0.5,-0.25,1"))
    if len(rows) > POINTS_LIMIT:
        raise ValueError(
            _("the file has {count} points; at most {limit}").format(count=f"{len(rows):,}", limit=f"{POINTS_LIMIT:,}")
        )
    width = len(_fields(header, separator))
    points = []
    for number, line in rows:
        fields = _fields(line, separator)
        # Translators: where a refusal points in a CSV file ("line 5").
        where_line = _("line {number}").format(number=number)
        values = {"where": where_line, "count": len(fields), "width": width, "line": _quoted(line.strip())}
        if len(fields) < width:
            missing = [name for name, index in where.items() if index >= len(fields)]
            raise ValueError(
                ngettext(
                    "{where}: {count} value where the header has {width}: no {missing} (got {line})",
                    "{where}: {count} values where the header has {width}: no {missing} (got {line})",
                    len(fields),
                ).format(missing=", ".join(missing), **values)
            )
        if len(fields) > width and any(fields[width:]):
            raise ValueError(
                ngettext(
                    "{where}: {count} value where the header has {width} (got {line})",
                    "{where}: {count} values where the header has {width} (got {line})",
                    len(fields),
                ).format(**values)
            )
        x1, x2, y = (fields[where[name]] for name in COLUMNS)
        x1, x2, y = check_point(x1, x2, y, where_line)
        test = 0
        if SPLIT in where:
            split = fields[where[SPLIT]].lower()
            if split not in SPLITS:
                raise ValueError(
                    _("{where}: split must be train or test (got {split})").format(
                        where=where_line, split=_quoted(fields[where[SPLIT]])
                    )
                )
            test = SPLITS[split]
        points.append([x1, x2, int(y), test])
    if all(point[3] for point in points):
        raise ValueError(
            ngettext(
                "the file has no training point: its {count} point is a test point; mark at least one split train",
                "the file has no training point: all {count} are test points; mark at least one split train",
                len(points),
            ).format(count=f"{len(points):,}")
        )
    return points


def points_csv(points):
    """The CSV text of points [[x1, x2, y(, test)], ...]: the header x1,x2,y,split, then a point a line, the
    numbers as CPython's repr writes them (exact), "\\n" line ends."""
    lines = [HEADER]
    for point in points:
        test = point[3] if len(point) > 3 else 0
        lines.append(f"{float(point[0])!r},{float(point[1])!r},{int(point[2])},{'test' if test else 'train'}")
    return "\n".join(lines) + "\n"
