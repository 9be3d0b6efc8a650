"""The page layer under the page's own MicroPython: where MicroPython and CPython differ (float texts, repr of
strings, dict order, UTF-8 decoding, format options), the page must still say what it says under CPython.

Run by tests/test_app_in_micropython.py through tools/micropython_run.mjs, with py/ on sys.path. Plain asserts,
no pytest; MicroPython-compatible (no dataclasses, no !r in f-strings). Every expected text below was written
down from a CPython run of the same call (CPython's repr, format and urllib.parse are the oracles), and
tests/app/test_page_layer_checks.py runs the same checks under CPython to keep them so; floats whose decimal
text MicroPython may read back wrongly are built from their IEEE 754 bits.
"""

import json
import struct
import sys

import app.canvas
import app.cpython
import app.door
import app.exercises.results
import app.exercises.runner
import app.exercises.view
import app.lab.controls
import app.lab.cost_chart
import app.lab.diagram
import app.lab.predictions
import app.lab.readouts
import app.lab.surface
import app.lab.view
import app.landscape.plot
import app.landscape.view
import app.notebook.terms
import app.notebook.view
import app.pacing
import app.settings
import app.share.export_menu
import app.share.importer
import app.share.lesson
import app.stages
import app.sweep.plots
import app.sweep.view
import app.tabs
import exercises
from app.door import ModelError, Refused, decode, settings_json
from app.lab.diagram import format_value, param_keys, param_name, param_values, stroke_width, tooltip_text
from app.lab.predictions import bar_width, format_a2, rows
from app.lab.readouts import format_cost, summary, thousands
from app.lab.surface import circles_path, to_canvas
from app.notebook.terms import example_of, parameter_of
from app.settings import DEFAULTS, parse_query, quote, read_link, shortest, spell, validate, write_link
from app.share.export_menu import plot_file_name
from app.share.importer import imported_settings, too_large
from app.share.lesson import buttons_note, lesson_query, names

CHECKS = []


def check(name):
    def register(function):
        CHECKS.append((name, function))
        return function

    return register


def from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def equal(got, expected, what):
    assert got == expected, "{}: got {} expected {}".format(what, repr(got), repr(expected))


# --- floats as CPython's repr spells them --------------------------------------------------------------------------


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
        equal(struct.unpack("<Q", struct.pack("<d", app.settings.parse_float(text)))[0], bits, "the float of " + text)
    equal(validate("learning_rate", "13.337369477691485"), from_bits(4623697889580987650), "learning_rate")


# --- links ------------------------------------------------------------------------------------------------------------


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
        app.settings._repr(every_ascii),
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
        equal(app.settings._repr(value), text, "the repr of " + text)


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
        "&notebook_mode=false&speed=10&log_scale=false&embed=false&view=lab",
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


# --- readouts, plots --------------------------------------------------------------------------------------------------


@check("readouts: thousands separators and CPython's number formats")
def _():
    for n, text in [
        (1234567, "1,234,567"),
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (-1234567, "-1,234,567"),
        (10**18 + 7, "1,000,000,000,000,000,007"),
        (12345.6, "12,346"),
        (2.5, "2"),
    ]:
        equal(thousands(n), text, "thousands")
    for cost, text, spoken in [
        (0.12519375208599626, "0.1251937521", "Paused. Step 5, cost 0.1252."),
        (0.00018512952151354307, "0.0001851295215", "Paused. Step 5, cost 0.0001851."),
        (0.044109941906362596, "0.04410994191", "Paused. Step 5, cost 0.04411."),
        (0.0015874322882328462, "0.001587432288", "Paused. Step 5, cost 0.001587."),
    ]:
        equal(format_cost(cost), text, "format_cost")
        equal(summary({"step": 5, "cost": cost}, "paused"), spoken, "summary")


@check("diagram and predictions texts")
def _():
    minus = "\u2212"
    equal(format_value(-0.21361960956684542), minus + "0.21361961", "format_value")
    equal(format_value(0.16402708084049886), "0.16402708", "format_value")
    equal(format_value(1e-05), "1e" + minus + "05", "format_value")
    equal(format_value(123456789.0), "1.2345679e+08", "format_value")
    equal(format_value(float("nan")), "NaN", "format_value")
    equal(
        tooltip_text(("W0", 1, 0), -0.21361960956684542, "-0.21361960956684542"),
        "W0[1,0] = " + minus + "0.21361960956684542 (negative, dashed): input x1 to hidden unit A1[1]",
        "tooltip",
    )
    equal("%.1f" % stroke_width(2.0), "4.7", "stroke width")
    equal(param_keys(1), [("W0", 0, 0), ("W0", 0, 1), ("W1", 0, 0), ("b0", 0, 0), ("b1", 0, 0)], "param_keys")
    equal(
        param_values({"W0": [1.0, 2.0], "b0": [3.0], "W1": [4.0], "b1": [5.0]}, 1),
        [1.0, 2.0, 4.0, 3.0, 5.0],
        "param_values",
    )
    equal(
        rows([0.51534589, 0.98, 0.016, float("nan")], [1.0, 1.0, 0.0, 0.0]),
        [
            ("0.5153", "51.5%", "\u2713 right", True),
            ("0.9800", "98.0%", "\u2713 right", True),
            ("0.0160", "1.6%", "\u2713 right", True),
            ("NaN", "0%", "\u2717 wrong", False),
        ],
        "rows",
    )
    # (MicroPython's "%.4f" can round a float within ~1e-16 of a decimal tie the other way, e.g. 0.99995:
    # "0.9999" where CPython says "1.0000"; a trained A2 is practically never that close to a tie.)
    equal(format_a2(0.98765432), "0.9877", "format_a2")
    equal(bar_width(0.12345), "12.3%", "bar_width")
    equal(to_canvas(0, 0, (40.0, 10.0, 348.0)), (127.0, 271.0), "to_canvas")
    equal(circles_path([(10, 20)], 5), "M15.0 20.0A5.0 5.0 0 1 0 5.0 20.0A5.0 5.0 0 1 0 15.0 20.0Z", "circles_path")


@check("links: the parameter or the example a notebook term names")
def _():
    for term, parameter, example in [
        ("W0[1,0]", "W0[1,0]", None),
        ("b0[1]", "b0[1]", None),
        ("b1", "b1", None),
        ("W1[0,1]", "W1[0,1]", None),
        ("A0[0,2]", None, 2),
        ("Z1[1,3]", None, 3),
        ("A1[15,0]", None, 0),
        ("Z2[0,3]", None, 3),
        ("A2[0,1]", None, 1),
    ]:
        equal(parameter_of(term), parameter, "parameter_of " + term)
        equal(example_of(term), example, "example_of " + term)
    # the diagram's names are the notebook's: each weight and bias links to itself
    equal(
        [parameter_of(param_name(key)) for key in param_keys(2)],
        ["W0[0,0]", "W0[0,1]", "W0[1,0]", "W0[1,1]", "W1[0,0]", "W1[0,1]", "b0[0]", "b0[1]", "b1"],
        "param_name",
    )


# --- the worker's answers -------------------------------------------------------------------------------------------


@check("app.door.decode turns the worker's NaN and Infinity texts into floats")
def _():
    data, body = app.door.read(
        [
            '{"data": {"snapshot": {"version": 3, "run_id": 1, "step": 1, "cost": "NaN", "status": "diverged", '
            '"reason": "r", "A2": [1.0, "NaN", 0.5, 1e-300], "Y": [1.0, 1.0, 0.0, 0.0], '
            '"A0": [[0, 1, 0, 1], [1, 0, 0, 1]], '
            '"params": {"W0": ["Infinity", "-Infinity"], "b0": [0.1], "W1": [-2], "b1": ["NaN"]}, '
            '"params_text": {"W0": ["inf", "-inf"], "b0": ["0.1"], "W1": ["-2.0"], "b1": ["nan"]}}}}',
            None,
        ]
    )
    assert body is None
    snap = decode(data["snapshot"])
    cost = snap["cost"]
    assert isinstance(cost, float) and cost != cost, "cost is NaN"
    assert snap["A2"][1] != snap["A2"][1] and snap["A2"][0] == 1.0
    equal(snap["params"]["W0"], [float("inf"), float("-inf")], "W0")
    assert isinstance(snap["params"]["W1"][0], float)
    b1 = snap["params"]["b1"][0]
    assert b1 != b1, "b1 is NaN"
    equal(snap["params_text"]["W0"], ["inf", "-inf"], "texts stay texts")
    for text, kind in [
        ('{"error": {"kind": "fatal", "message": "Traceback ...\\nZeroDivisionError: division by zero"}}', ModelError),
        ('{"error": {"kind": "refused", "message": "n_h must be a whole number from 1 to 16 (got 40)"}}', Refused),
    ]:
        try:
            app.door.read([text, None])
        except kind as err:
            assert str(err).endswith("division by zero") or str(err).endswith("(got 40)"), str(err)
        else:
            raise AssertionError("read accepted " + text)


@check("app.door.settings_json sends floats as CPython reads them back")
def _():
    sent = json.loads(settings_json({"learning_rate": 0.46, "n_h": 3, "notebook_mode": True, "table": "OR"}))
    equal(sent, {"learning_rate": "0.46", "n_h": 3, "notebook_mode": True, "table": "OR"}, "settings JSON")
    equal(
        json.loads(settings_json({"learning_rate": from_bits(4623697889580987650)}))["learning_rate"],
        "13.337369477691485",
        "settings JSON",
    )


@check("the page's clock counts seconds")
def _():
    first = app.pacing.clock()
    assert isinstance(first, float)
    meter = app.pacing.RateMeter(window=1.0)
    meter.add(100, 10.0)
    equal(meter.add(100, 11.0), 200.0, "rate")


# --- Many seeds and the cost landscape --------------------------------------------------------------------------------


@check("the Many seeds view's texts")
def _():
    summary = {"step": 12000, "steps": 10000, "done": False, "eta_seconds": 12.6}
    equal(app.sweep.view.progress_text(summary), "12,000 of 10,000", "progress")
    equal(app.sweep.view.time_left_text(summary), "about 13 s", "time left")
    equal(app.sweep.view.time_left_text(dict(summary, eta_seconds=None)), "estimating…", "no estimate")
    equal(app.sweep.view.time_left_text(dict(summary, done=True)), "done", "done")
    equal(app.sweep.view.time_left_text(summary, stopped=True), "stopped", "stopped")
    equal(app.sweep.view.seeds_heading("training", 1, 1), "Still improving: 1 network", "heading")
    equal(app.sweep.view.seeds_heading("stuck", 120, 50), "Stuck: 120 networks (the first 50 listed)", "heading")


@check("a histogram's bar chosen by keyboard")
def _():
    bars = [{}, {}, {}]
    bar_index = app.sweep.plots.bar_index
    equal(
        [
            bar_index(bars, None, "ArrowRight"),
            bar_index(bars, None, "End"),
            bar_index(bars, 1, "ArrowLeft"),
            bar_index(bars, 2, "ArrowRight"),
            bar_index(bars, 0, "ArrowLeft"),
            bar_index(bars, 0, "End"),
            bar_index([], None, "Home"),
        ],
        [0, 2, 0, 2, 0, 2, None],
        "bars chosen",
    )


@check("the landscape's axes, range, legend and parameters")
def _():
    equal(app.settings.parameter_names(1), ["W0[0,0]", "W0[0,1]", "b0[0,0]", "W1[0,0]", "b1[0,0]"], "parameters")
    equal(len(app.settings.parameter_names(16)), 16 * 4 + 1, "16 hidden units")
    equal(validate("landscape_axes", " W1[0,0], b0[1,0] "), "W1[0,0],b0[1,0]", "axes")
    equal(validate("landscape_axes", "Random"), "random", "random axes")
    for bad in ("W1[0,0],W1[0,0]", "W1[0,0]", "W2[0,0],W1[0,0]", "W0[16,0],W1[0,0]"):
        try:
            validate("landscape_axes", bad)
        except ValueError as err:
            assert str(err).startswith("landscape_axes must be random or two different parameters"), str(err)
        else:
            raise AssertionError("accepted " + bad)
    equal(validate("landscape_span", "0.5"), 0.5, "span")
    try:
        validate("landscape_span", "101")
    except ValueError as err:
        equal(str(err), "landscape_span must be a number greater than 0 and at most 100 (got '101')", "message")
    equal(app.landscape.view.axes_request("W1[0,0],b0[1,0]"), ["W1[0,0]", "b0[1,0]"], "request")
    equal(app.landscape.view.axes_request("random"), "random", "random request")
    equal(app.landscape.view.axes_setting("random", "W1[0,0]"), "random", "either random")
    equal(app.landscape.view.other_parameter(["a", "b", "c"], "c"), "a", "the other parameter")
    equal(
        app.landscape.plot.legend_gradient([[0.0, "#440154"], [0.25, "#3b528b"], [1.0, "#fde725"]]),
        "linear-gradient(to right, #440154 0%, #3b528b 25%, #fde725 100%)",
        "legend",
    )
    equal(
        app.landscape.plot.contour_text([{"label": "J = 0.01"}, {"label": "J = 0.1"}]),
        "White contour lines at J = 0.01, J = 0.1.",
        "contours",
    )
    equal(write_link(dict(DEFAULTS, landscape_span=0.25)).split("&")[-1], "landscape_span=0.25", "link")


@check("saving and lesson links: file names, size limits, imported settings and lesson queries")
def _():
    equal(
        plot_file_name("backprop-lab_xor_nh2_seed2_step0.png", "cost-chart"),
        "backprop-lab_xor_nh2_seed2_step0_cost-chart.png",
        "plot file name",
    )
    equal(too_large("run.json", 2000000), None, "a file at the limit")
    equal(
        too_large("junk.json", 10485760),
        "junk.json is 10.5 MB, too large for a saved run (at most 2.0 MB): this is not a file Backprop Lab saved.",
        "a file over the limit",
    )
    snap = json.loads(
        '{"config": {"n_h": 4, "activation": "relu", "cost": "cross_entropy", "learning_rate": 0.46, '
        '"seed": 4294967295, "table": "AND", "notebook_mode": true}}'
    )
    settings = imported_settings(dict(DEFAULTS, params="1_2"), snap, "0.46")
    equal(
        write_link(settings),
        "?n_h=4&activation=relu&cost=cross_entropy&learning_rate=0.46&seed=4294967295"
        "&table=AND&notebook_mode=true&speed=10&log_scale=false&embed=false&view=lab",
        "imported settings",
    )
    equal(
        lesson_query(DEFAULTS, ["table", "seed"], ["n_h", "seed"], "notebook", "0.5_-1e-07"),
        "?n_h=2&activation=tanh&cost=half_mse&learning_rate=10&seed=2&table=XOR&notebook_mode=false&speed=10"
        "&log_scale=false&embed=false&view=notebook&hide=seed%2Ctable&lock=n_h&params=0.5_-1e-07",
        "lesson query",
    )
    equal(names(read_link("?hide=table,SEED")[0]["hide"]), ["seed", "table"], "hidden controls")
    equal(buttons_note(["reset", "n_h", "train"]), "Locked by this lesson: Train, Reset.", "buttons' note")


@check("the exercises: the solution's line behind the hints, the state's choices")
def _():
    equal(exercises.reference_line(exercises.get("backward"), "dZ1"), "dZ1 = dA1 * (1 - A1**2)", "dZ1's line")
    equal(exercises.reference_line(exercises.get("forward"), "A2"), "A2 = sigmoid(Z2)", "A2's line")
    equal(app.settings.CHOICES["exercise"], exercises.NAMES, "exercise choices")
    equal(
        write_link(dict(DEFAULTS, view="exercise", exercise="backward")).split("&")[-2:],
        ["view=exercise", "exercise=backward"],
        "an exercise's link",
    )


def run_checks():
    """Run every check; returns the names of those that failed (each failure's traceback is printed)."""
    failed = []
    for name, function in CHECKS:
        try:
            function()
        except Exception as err:  # every check runs; the script fails at the end, naming each failure
            failed.append(name)
            print("FAILED:", name)
            if hasattr(sys, "print_exception"):
                sys.print_exception(err)
            else:
                print(repr(err))
        else:
            print("ok:", name)
    return failed


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    assert sys.implementation.name == "micropython", sys.implementation.name
    failures = run_checks()
    assert not failures, "{} of {} checks failed: {}".format(len(failures), len(CHECKS), "; ".join(failures))
