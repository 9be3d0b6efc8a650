"""CPython's reading and spelling of floats and of a link's query, on either Python the page runs on.

What a student must read exactly is shown as CPython would show it, but MicroPython differs: its float()
can be an ulp off for a long decimal ("13.337369477691485" reads as 13.33736947769148), its repr takes
17 digits where fewer do (0.09437331727736707), and it has no urllib. Under MicroPython (in the browser,
and in Node for the tests) JavaScript does these exactly: a Float64Array reads a decimal correctly
rounded, String() writes the shortest decimal that reads back (the digits of CPython's repr), and
URLSearchParams decodes a query as parse_qsl does. Under CPython, CPython does them. And the messages quote a value
as CPython's repr does (cpython_repr), which MicroPython's repr does not for a string that is not ASCII.
"""

import math
import struct
import sys

if sys.implementation.name == "micropython":
    import js

    def parse_float(text):
        x = float(text)  # says what is a number (ValueError otherwise), and reads inf and nan
        if x != x or x - x != 0:
            return x
        # Bytes, not the JS number: an integral JS number comes into MicroPython as a 32-bit int.
        raw = js.Uint8Array.new(js.Float64Array.of(text.strip().replace("_", "")).buffer)
        return struct.unpack("<d", bytes([raw[i] for i in range(8)]))[0]

    def _digits_text(x):
        return js.String(x)

    def query_pairs(query):
        """(key, value) pairs of a URL query such as "?n_h=4&seed=7", decoded, in the link's order."""
        entries = getattr(js.Array, "from")(js.URLSearchParams.new(query))
        return [(entries[i][0], entries[i][1]) for i in range(entries.length)]
else:
    from urllib.parse import parse_qsl

    parse_float = float
    _digits_text = repr

    def query_pairs(query):
        """(key, value) pairs of a URL query such as "?n_h=4&seed=7", decoded, in the link's order."""
        return parse_qsl(query[1:] if query.startswith("?") else query, keep_blank_values=True)


def shortest(x):
    """A finite float as CPython's repr spells it, without a trailing ".0": 0.1, 10, 1e-07, -2.5e+16."""
    if x != x or x - x != 0:
        raise ValueError("{} is not a finite number".format(x))
    negative = struct.pack(">d", x)[0] >= 0x80  # the sign bit, so that -0.0 is "-0" as in CPython
    mantissa, _, exponent = _digits_text(abs(x)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    point = len(whole) + int(exponent or "0") - (len(whole + fraction) - len(digits))
    digits = digits.rstrip("0")
    return ("-" if negative else "") + (_layout(digits, point) if digits else "0")


def _layout(digits, point):
    """CPython's repr of 0.digits * 10 ** point, without a trailing ".0": positional from 1e-4 to 1e16."""
    if -4 < point <= 16:
        if point <= 0:
            return "0." + "0" * -point + digits
        if point >= len(digits):
            return digits + "0" * (point - len(digits))
        return digits[:point] + "." + digits[point:]
    exponent = point - 1
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return "{}e{}{:02d}".format(mantissa, "-" if exponent < 0 else "+", abs(exponent))


# Characters that CPython's repr escapes, besides the ASCII ones: every assigned code point that str.isprintable
# rejects (Unicode 14, CPython 3.11), as ranges. MicroPython has no Unicode database (nor str.isprintable) and its
# repr escapes every non-ASCII character, so cpython_repr spells strings itself; unassigned code points are shown as
# they are.
NOT_PRINTABLE = (
    (0x0, 0x1F),
    (0x7F, 0xA0),
    (0xAD, 0xAD),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x2064),
    (0x2066, 0x206F),
    (0x3000, 0x3000),
    (0xD800, 0xF8FF),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
)
ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(char):
    """Whether CPython's repr shows char as it is: str.isprintable, or without it (MicroPython) the table."""
    if hasattr(char, "isprintable"):
        return char.isprintable()
    return printable_code(ord(char))


def printable_code(code):
    """Whether the code point is printable by the NOT_PRINTABLE table."""
    return all(not low <= code <= high for low, high in NOT_PRINTABLE)


def cpython_repr(value):
    """repr(value) as CPython spells it, for the messages: the same words as the model's on either Python."""
    if isinstance(value, float) and math.isfinite(value):
        text = shortest(value)
        return text if "." in text or "e" in text else text + ".0"
    if not isinstance(value, str) or not value or max(value) < "\x80":
        return repr(value)  # ASCII: MicroPython's repr is CPython's
    quote = '"' if "'" in value and '"' not in value else "'"
    out = [quote]
    for char in value:
        code = ord(char)
        if char == quote:
            out.append("\\" + char)
        elif char in ESCAPES:
            out.append(ESCAPES[char])
        elif printable(char):
            out.append(char)
        else:
            spelling = "\\x{:02x}" if code < 0x100 else "\\u{:04x}" if code < 0x10000 else "\\U{:08x}"
            out.append(spelling.format(code))
    out.append(quote)
    return "".join(out)
