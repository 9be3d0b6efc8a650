"""Settings and links under the page's MicroPython (app/settings.py, app/cpython.py): floats spelled and read as
CPython spells and reads them, a link's messages in CPython's words, URLs as urllib.parse writes them. See
mpy_checks.py.
"""

import struct

from mpy_checks import Checks, equal, from_bits

import app.cpython
import app.settings
from app.link import parse_query, quote, read_link, write_link
from app.settings import DEFAULTS, shortest, spell, validate

CHECKS = Checks()
check = CHECKS.check


@check("shortest() and spell() give CPython's repr texts")
def _():
    # literals that MicroPython reads exactly (checked by their bits), then floats built from their bits
    literals = [
        (0.09437331727736706, 4591464734847550014, "0.09437331727736706"),
        (0.1, 4591870180066957722, "0.1"),
        (10.0, 4621819117588971520, "10"),
        (0.46, 4601958243232267633, "0.46"),
        (1e-07, 4502148214488346440, "1e-07"),
        (0.0003, 4554169646866313825, "0.0003"),
        (1e16, 4846369599423283200, "1e+16"),
        (2.5, 4612811918334230528, "2.5"),
    ]
    for x, bits, text in literals:
        equal(struct.unpack("<Q", struct.pack("<d", x))[0], bits, "the bits of " + text)
        equal(shortest(x), text, "shortest")
    by_bits = [
        (2175216119781798972, "2.7715077941825975e-163"),
        (4623697889580987650, "13.337369477691485"),  # MicroPython reads this text one ulp off
        (4600339106326540249, "0.37011984636205636"),
        (4636665142166196318, "98.97469836525985"),
        (1, "5e-324"),
        (4503599627370496, "2.2250738585072014e-308"),
        (9218868437227405311, "1.7976931348623157e+308"),
        (4845873199050653696, "9007199254740992"),
        (4599075939470750516, "0.30000000000000004"),
        (4950912855330343670, "1e+23"),
        (4934958393344299186, "8.41e+21"),
        (4728057454347157504, "123456789"),
        (4962081040295098078, "5.4502129611923374e+23"),
        (9760739982473961004, "-9.757616154823731e-273"),
        (6452401368179794041, "2.2752391121070993e+123"),
        (7040034410502124773, "4.324929419707295e+162"),
        (18384435278091108338, "-2.5558054640684247e+304"),
        (8901269978258336017, "1.1260220435732253e+287"),
        (11868796516244653275, "-7.90209403202441e-132"),
        (8489528731230206040, "3.241296519064596e+259"),
        (15944342593535127068, "-2.0657987672527624e+141"),
        (4199297348741437105, "5.781058527075639e-28"),
        (30730008068983558, "1.2983270370473831e-306"),
        (11515064201115358905, "-1.7320888999331388e-155"),
        (0, "0"),
        (1 << 63, "-0"),
    ]
    for bits, text in by_bits:
        equal(shortest(from_bits(bits)), text, "shortest of bits " + str(bits))
    equal(spell(10.0), "10", "spell")
    equal(spell(0.1), "0.1", "spell")
    equal(spell(True), "true", "spell")
    equal(spell(False), "false", "spell")
    equal(spell(16), "16", "spell")
    equal(spell("XOR"), "XOR", "spell")


@check("a number's text is read as CPython's float() reads it")
def _():
    # MicroPython's float() reads some of these one ulp off; the page must not (a link's learning rate)
    for text, bits in [
        ("13.337369477691485", 4623697889580987650),
        ("0.37011984636205636", 4600339106326540249),
        ("98.97469836525985", 4636665142166196318),
        ("2.7715077941825975e-163", 2175216119781798972),
        ("4.9e-324", 1),
        ("2.4703282292062328e-324", 1),
        ("2.4703282292062327e-324", 0),
        ("1.7976931348623157e308", 9218868437227405311),
        ("9007199254740993", 4845873199050653696),
        ("0.46", 4601958243232267633),
        (" +1_0.5e-1 ", 4607407598781385933),
        ("-0.0", 1 << 63),
        ("1e400", 0x7FF << 52),
        ("-Infinity", 0xFFF << 52),
    ]:
        equal(struct.unpack("<Q", struct.pack("<d", app.cpython.parse_float(text)))[0], bits, "the float of " + text)
    equal(validate("learning_rate", "13.337369477691485"), from_bits(4623697889580987650), "learning_rate")


@check("read_link of a link with bad values gives CPython's messages, in the link's order")
def _():
    settings, messages = read_link(
        "?n_h=17&activation=softmax&learning_rate=ten&seed=-3&table=caf%C3%A9&notebook_mode=maybe&speed=7"
        "&log_scale=%F0%9F%98%80&embed=2&view=graph&hidden=4&%3Cb%3E=x"
    )
    equal(settings, DEFAULTS, "settings")
    expected = [
        "The link's n_h was ignored, so it is 2: n_h must be a whole number from 1 to 16 (got '17').",
        "The link's activation was ignored, so it is tanh: activation must be one of tanh, sigmoid, relu "
        "(got 'softmax').",
        "The link's learning_rate was ignored, so it is 10: learning_rate must be a finite number greater than 0 "
        "(got 'ten').",
        "The link's seed was ignored, so it is 2: seed must be a whole number from 0 to 4294967295 (got '-3').",
        "The link's table was ignored, so it is XOR: table must be one of XOR, XNOR, AND, OR, NAND, NOR "
        "(got 'caf\u00e9').",
        "The link's notebook_mode was ignored, so it is false: notebook_mode must be true or false (got 'maybe').",
        "The link's speed was ignored, so it is 10: speed must be one of 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 "
        "steps per frame (got '7').",
        "The link's log_scale was ignored, so it is false: log_scale must be true or false (got '\U0001f600').",
        "The link's embed was ignored, so it is false: embed must be true or false (got '2').",
        "The link's view was ignored, so it is lab: view must be one of lab, notebook, exercise, sweep (got 'graph').",
        "The link's setting 'hidden' is not one this page has; it was ignored.",
        "The link's setting '<b>' is not one this page has; it was ignored.",
    ]
    equal(len(messages), len(expected), "number of messages")
    for got, want in zip(messages, expected):
        equal(got, want, "message")

    settings, messages = read_link(
        "?cost=it%27s&table=say+%22hi%22&n_h=%00&seed=%ED%A0%80&learning_rate=1e999&activation=%E2%80%A8"
    )
    expected = [
        "The link's cost was ignored, so it is half_mse: cost must be one of half_mse, cross_entropy (got \"it's\").",
        "The link's table was ignored, so it is XOR: table must be one of XOR, XNOR, AND, OR, NAND, NOR "
        "(got 'say \"hi\"').",
        "The link's n_h was ignored, so it is 2: n_h must be a whole number from 1 to 16 (got '\\x00').",
        "The link's seed was ignored, so it is 2: seed must be a whole number from 0 to 4294967295 "
        "(got '\ufffd\ufffd\ufffd').",
        "The link's learning_rate was ignored, so it is 10: learning_rate must be a finite number greater than 0 "
        "(got '1e999').",
        "The link's activation was ignored, so it is tanh: activation must be one of tanh, sigmoid, relu "
        "(got '\\u2028').",
    ]
    equal(messages, expected, "messages")

    _, messages = read_link("?table=" + "A" * 10000)
    equal(len(messages[0]), 240, "length of a clipped message")
    assert messages[0].endswith("\u2026")


@check("the messages quote values as CPython's repr does")
def _():
    every_ascii = "".join(chr(code) for code in range(128))
    equal(
        app.cpython.cpython_repr(every_ascii),
        "'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n\\x0b\\x0c\\r\\x0e\\x0f\\x10\\x11\\x12\\x13"
        "\\x14\\x15\\x16\\x17\\x18\\x19\\x1a\\x1b\\x1c\\x1d\\x1e\\x1f !\"#$%&\\'()*+,-./0123456789:;<=>?@"
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\\x7f'",
        "every ASCII character",
    )
    for value, text in [
        ("it's", '"it\'s"'),
        ('say "hi"', "'say \"hi\"'"),
        ("x'y\"z", "'x\\'y\"z'"),
        ("", "''"),
        ("caf\u00e9", "'caf\u00e9'"),
        ("\u00e9'", '"\u00e9\'"'),
        ("\u00a0\u00ad\x85", "'\\xa0\\xad\\x85'"),
        ("\u2028\u3000\ufeff", "'\\u2028\\u3000\\ufeff'"),
        ("\U0001f600\U000e0001", "'\U0001f600\\U000e0001'"),
        ("\u0442\u0430\u043d\u0445", "'\u0442\u0430\u043d\u0445'"),
        (2.5, "2.5"),
        (10.0, "10.0"),
        (-0.0, "-0.0"),
        (1e16, "1e+16"),
        (from_bits(4623697889580987650), "13.337369477691485"),
        (None, "None"),
        (True, "True"),
        (7, "7"),
    ]:
        equal(app.cpython.cpython_repr(value), text, "the repr of " + text)


@check("validate gives CPython's values and words for Python values")
def _():
    equal(validate("n_h", "4.0"), 4, "n_h")
    equal(validate("learning_rate", " 3 "), 3.0, "learning_rate")
    equal(validate("table", " nand "), "NAND", "table")
    equal(validate("notebook_mode", "TRUE"), True, "notebook_mode")
    equal(validate("speed", "500"), 500, "speed")
    equal(validate("view", " Notebook "), "notebook", "view")
    for name, value, message in [
        ("n_h", 2.5, "n_h must be a whole number from 1 to 16 (got 2.5)"),
        ("n_h", True, "n_h must be a whole number from 1 to 16 (got True)"),
        ("learning_rate", -0.46, "learning_rate must be a finite number greater than 0 (got -0.46)"),
        ("learning_rate", 0.0, "learning_rate must be a finite number greater than 0 (got 0.0)"),
        ("learning_rate", float("inf"), "learning_rate must be a finite number greater than 0 (got inf)"),
        ("learning_rate", None, "learning_rate must be a finite number greater than 0 (got None)"),
        ("seed", 2**32, "seed must be a whole number from 0 to 4294967295 (got 4294967296)"),
        ("activation", 1, "activation must be one of tanh, sigmoid, relu (got 1)"),
        ("view", "caf\u00e9", "view must be one of lab, notebook, exercise, sweep (got 'caf\u00e9')"),
        ("notebook_mode", "tab\there", "notebook_mode must be true or false (got 'tab\\there')"),
        ("hidden", 1, "'hidden' is not a setting of this page"),
    ]:
        try:
            validate(name, value)
        except ValueError as err:
            equal(str(err), message, "message for " + name)
        else:
            raise AssertionError(name + " accepted a bad value")


@check("write_link and read_link round-trip every setting")
def _():
    equal(
        write_link(DEFAULTS),
        "?n_h=2&activation=tanh&cost=half_mse&learning_rate=10&seed=2&table=XOR"
        "&notebook_mode=false&batch=full&speed=10&log_scale=false&embed=false&view=lab",
        "default link",
    )
    for learning_rate in (0.123456789, 0.46, 1e-07, from_bits(4623697889580987650), from_bits(1), 3.0):
        settings = dict(DEFAULTS)  # the views' own settings too, at their defaults
        settings.update(
            {
                "n_h": 7,
                "activation": "relu",
                "cost": "cross_entropy",
                "learning_rate": learning_rate,
                "seed": 4294967295,
                "table": "NAND",
                "notebook_mode": True,
                "batch": "shuffled",
                "speed": 500,
                "log_scale": True,
                "embed": True,
                "view": "notebook",
            }
        )
        again, messages = read_link(write_link(settings))
        equal(messages, [], "messages")
        for key in settings:
            equal(again[key], settings[key], key)
    equal(write_link(dict(DEFAULTS, learning_rate=0.46)).split("&")[3], "learning_rate=0.46", "link")


@check("the data in a link: a generated set by its parameters, the student's points by their text")
def _():
    spiral = dict(DEFAULTS, data="spiral", data_seed=3, noise=10)
    link = write_link(spiral)
    equal(
        link.split("&")[8:14],
        ["data=spiral", "data_seed=3", "data_size=200", "noise=10", "train_percent=50", "speed=10"],
        "a spiral's link",
    )
    equal(read_link(link), (spiral, []), "a spiral read back")
    points = dict(DEFAULTS, data="points", points="0.5_-1_1~1e-05_2_2")
    link = write_link(points)
    equal(link.endswith("&view=lab&points=0.5_-1_1~1e-05_2_2") and "data_seed" not in link, True, "points' link")
    equal(read_link(link), (points, []), "points read back")
    _, messages = read_link("?data=moons&points=1_2_0;x")
    equal(
        messages,
        [
            "The link's data was ignored, so it is table: data must be one of table, circle, xor_cloud, gaussians, "
            "spiral, points (got 'moons').",
            "The link's points was ignored, so it is empty: points must be at most 4000 characters of points x1_x2_c "
            "joined by ~ (got '1_2_0;x').",
        ],
        "bad data",
    )


@check("quote and parse_query agree with CPython's urllib.parse")
def _():
    for text, quoted in [
        ("two words", "two+words"),
        ("a+b&c=d", "a%2Bb%26c%3Dd"),
        ("caf\u00e9", "caf%C3%A9"),
        ("\U0001f600", "%F0%9F%98%80"),
        ("<b>'\"", "%3Cb%3E%27%22"),
        ("~_.-", "~_.-"),
    ]:
        equal(quote(text), quoted, "quote")
        equal(parse_query("?k=" + quoted)["k"], text, "parse_query of " + quoted)
    for quoted, text in [
        ("%zz", "%zz"),
        ("%4", "%4"),
        ("100%", "100%"),
        ("a+%2B", "a +"),
        ("%C3%A9%FF", "\u00e9\ufffd"),
        ("%E2%82", "\ufffd"),
        ("%ED%A0%80", "\ufffd\ufffd\ufffd"),
        ("%F4%90%80%80", "\ufffd\ufffd\ufffd\ufffd"),
        ("%C0%AF", "\ufffd\ufffd"),
    ]:
        equal(parse_query("?k=" + quoted)["k"], text, "parse_query of " + quoted)
    equal(parse_query("?a=1=2&b&=x&a=3&%3D=%26"), {"a": "3", "b": "", "": "x", "=": "&"}, "parse_query")


@check("the settings table: its keys in a link's order, its kinds, defaults and the lesson's controls")
def _():
    settings = app.settings
    equal(
        settings.MODEL_KEYS,
        (
            "n_h",
            "activation",
            "cost",
            "learning_rate",
            "seed",
            "table",
            "notebook_mode",
            "batch",
            "data",
            "data_seed",
            "data_size",
            "noise",
            "train_percent",
        ),
        "the model's",
    )
    equal(settings.VIEW_KEYS, ("speed", "log_scale", "embed", "view"), "the page's")
    equal(
        settings.OPTIONAL_KEYS,
        (
            "exercise",
            "exercises",
            "solutions",
            "sweep_first",
            "sweep_count",
            "sweep_steps",
            "landscape_axes",
            "landscape_span",
            "pictures",
            "hide",
            "lock",
            "params",
            "points",
            "lang",
        ),
        "the views' own",
    )
    for row in settings.SETTINGS:
        equal(row.check(row.default), row.default, "the default of " + row.name)
        equal(row.check(spell(row.default)), row.default, "the default of " + row.name + " as a link spells it")
    equal(validate("table", " xnor "), "XNOR", "a truth table in upper case")
    equal(validate("activation", " ReLU "), "relu", "the others in lower case")
    equal(
        settings.LESSON_CONTROLS[:3] + settings.LESSON_CONTROLS[-2:],
        ("learning_rate", "n_h", "activation", "import", "lesson"),
        "lesson",
    )
    equal(settings.LESSON_LABELS["n_h"], "Hidden units n_h", "a label")
    equal(len(settings.LESSON_LABELS), len(settings.LESSON_CONTROLS), "a label each")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
