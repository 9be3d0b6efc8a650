"""The Notebook view's sections as HTML (py/worker/notebook/html.py), from real dicts of
py/worker/notebook/sections.py.

Oracles: the seed notebook's printout (shared/seed/ann_xor_notebook.txt: Z1[0,0], J, A2, the notebook check's
prints, the training log's first line), the worker's own texts (equations, verdicts) and HTML structure read
back with html.parser.
"""

import json

import pytest
from notebook_html_tree import check_tables, copied, dicts, tree

from backprop import Run
from worker.notebook.html import (
    SECTION_KEYS,
    SECTION_TITLES,
    backward_html,
    forward_html,
    log_html,
    notebook_check_html,
    page,
    section_html,
    setup_html,
    step_html,
)
from worker.notebook.sections import notebook

GRADIENTS = ["dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"]


@pytest.fixture(scope="module")
def default():
    return dicts()["default"]


@pytest.fixture(scope="module")
def notebook_mode():
    return dicts()["notebook_mode"]


@pytest.fixture(scope="module")
def relu3():
    return dicts()["relu3"]


@pytest.fixture(scope="module")
def diverged():
    return dicts()["diverged"]


@pytest.fixture(scope="module")
def not_finite():
    return dicts()["not_finite"]


@pytest.fixture(scope="module")
def without_numeric():
    return dicts()["without_numeric"]


# ---------------------------------------------------------------- escaping


def test_the_dicts_texts_come_out_escaped(default):
    nb = copied(default)
    evil = "<script>alert('x & y')</script>"
    nb["setup"][0]["code"] = evil
    nb["setup"][0]["comment"] = '"quoted" & <b>'
    nb["forward"]["matrix"][0]["code"] = evil
    nb["forward"]["hidden"][0]["terms"][0]["weight"]["text"] = '"><script>x</script>'
    nb["backward"]["gradients"][0]["code_lines"][0]["code"] = evil
    nb["backward"]["gradients"][0]["verdict_text"] = evil
    nb["step"]["code"] = [evil]
    nb["log"]["lines"][0]["text"] = evil
    for key in SECTION_KEYS:
        markup = section_html(key, nb)
        assert "<script>" not in markup and "<b>" not in markup, key
        root = tree(markup)
        assert root.find_all("script") == [] and root.find_all("b") == []
    root = tree(setup_html(nb["setup"]))
    assert root.find("code").text().startswith(evil + '  # "quoted" & <b>\n')
    root = tree(forward_html(nb["forward"]))
    button = root.find("button", data_term="W0[0,0]")
    assert button.attrs["aria-label"] == 'W0[0,0] = "><script>x</script>'  # an attribute value, read back
    assert evil in [code.text() for code in root.find_all("code")]
    assert evil in tree(backward_html(nb["backward"])).text()


# ---------------------------------------------------------------- 1. setup


def test_setup_is_cell_3(default):
    root = tree(setup_html(default["setup"]))
    code = root.find("code", cls="language-python").text()
    assert code.splitlines()[:3] == [
        "A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])  # Inputs.",
        "Y = np.array([1, 1, 0, 0])  # Outputs. This is a XOR function.",
        "n = len(A0)  # Number of features.",
    ]
    assert "np.random.seed(2)\nW0 = np.random.randn(n_h, n) * 0.1  # Weights between input and hidden layers." in code
    prints = [samp.text() for samp in root.find_all("samp")]
    assert "[[-0.04167578 -0.00562668]\n [-0.21361961  0.16402708]]" in prints and "[1 1 0 0]" in prints
    scalars = root.find_all("dl", cls="nb-scalars")[0]
    assert [d.text() for d in scalars.elements()] == ["n", "2", "m", "4", "n_h", "2", "n_o", "1"]
    assert root.find_all(cls="nb-changed") == []


def test_setup_shows_parameters_that_changed(default):
    run = Run()
    run.train(3)
    root = tree(setup_html(notebook(run, numeric=False, log=False)["setup"]))
    assert len(root.find_all(cls="nb-changed")) == 4
    tables = check_tables(root)
    assert "W0 now, shape (2, 2)" in tables and "b1 now, shape (1, 1)" in tables
    assert tables["W0 now, shape (2, 2)"] != tables["W0, shape (2, 2)"]


# ---------------------------------------------------------------- 2. forward


def test_unrolled_sums_show_the_notebooks_values(default):
    root = tree(forward_html(default["forward"]))
    z = root.find("button", data_term="Z1[0,0]")
    assert z.attrs["aria-label"] == "Z1[0,0] = 0.09437331727736706" and z.text() == "Z1[0,0]"
    assert root.find("button", data_term="W0[1,0]").attrs["aria-label"] == "W0[1,0] = \u22120.21361960956684542"
    items = root.find_all("ol", cls="nb-entries")
    hidden, output = [ol.find_all("li") for ol in items]
    assert len(hidden) == 8 and len(output) == 4
    for li, entry in zip(hidden + output, default["forward"]["hidden"] + default["forward"]["output"]):
        sum_line, activation_line = li.find_all("p", cls="equation")
        assert sum_line.text() == entry["text"]
        assert activation_line.text() == entry["activation_text"]
    assert hidden[0].find_all("p")[0].text().endswith(" = 0.09437331727736706")
    # the output bias is b1 (one number), which the notebook's sums write b1[0]
    b1 = output[0].find("button", data_term="b1")
    assert b1.text() == "b1[0]" and b1.attrs["aria-label"] == "b1[0] = 0.1"
    assert root.find("p", cls="nb-scalar").text() == "J = 0.12519375208599626"
    assert "[[0.51534589 0.52474844 0.51842557 0.52156619]]" in [s.text() for s in root.find_all("samp")]
    assert len(root.find_all("p", cls="same")) == 5


def test_the_matrix_pass_is_cell_13(default):
    root = tree(forward_html(default["forward"]))
    codes = [code.text() for code in root.find_all("code", cls="language-python")]
    assert codes == [
        "Z1 = np.dot(W0, A0) + b0",
        "A1 = np.tanh(Z1)",
        "Z2 = np.dot(W1, A1) + b1",
        "A2 = sigmoid(Z2)",
        "J = 1/2 * np.mean((A2 - Y)**2)",
    ]
    nb = copied(default)
    nb["forward"]["matrix"][1]["matches_unrolled"] = False
    root = tree(forward_html(nb["forward"]))
    assert root.find("p", cls="differ").text() == "\u2717 Not the same as the unrolled A1."


# ---------------------------------------------------------------- 3. backpropagation


def gradient_blocks(nb):
    root = tree(backward_html(nb["backward"]))
    return root, root.find_all("div", cls="nb-gradient")


def test_eight_gradients_each_with_a_verdict_in_words(default):
    root, blocks = gradient_blocks(default)
    assert [b.find("h4").text().split()[0] for b in blocks] == GRADIENTS
    for block, g in zip(blocks, default["backward"]["gradients"]):
        assert block.find("math").attrs["xmlns"] == "http://www.w3.org/1998/Math/MathML"
        assert block.find("p", cls="formula-text").text() == g["formula_text"]
        assert [c.text() for c in block.find_all("code")] == [line["code"] for line in g["code_lines"]]
        assert [c.text() for c in block.find_all("figcaption")] == [line["source"] for line in g["code_lines"]]
        verdict = block.find("p", cls="verdict")
        assert verdict.classes() == ["verdict", "right"]
        assert verdict.find("strong").text() == "\u2713 Right."
        assert verdict.text().endswith(g["verdict_text"])
        assert g["relative_error_text"] in block.find("p", cls="nb-error").text()
        assert "(h = 1e-05)" in block.find("p", cls="nb-error").text()
        tables = check_tables(block)
        assert len(tables) == 2
    assert root.find("p", cls="nb-summary").text() == "8 of 8 gradients right."
    assert root.find_all(cls="nb-notebook-mode") == [] and root.find_all(cls="nb-pending") == []


def test_notebook_mode_flags_exactly_dZ1_dW0_db0(notebook_mode):
    root, blocks = gradient_blocks(notebook_mode)
    verdicts = {b.find("h4").text().split()[0]: b.find("p", cls="verdict") for b in blocks}
    wrong = [name for name, p in verdicts.items() if "wrong" in p.classes()]
    assert wrong == ["dZ1", "dW0", "db0"]
    for name in wrong:
        assert verdicts[name].find("strong").text() == "\u2717 Wrong."
    assert root.find("p", cls="nb-summary").text() == "5 of 8 gradients right; 3 wrong."
    note = root.find("p", cls="nb-notebook-mode")
    assert note.text() == notebook_mode["backward"]["notebook_note"] and "1 - tanh(A1)**2" in note.text()
    assert blocks[5].find("code").text() == notebook_mode["backward"]["gradients"][5]["code_lines"][0]["code"]
    assert blocks[5].find("code").text() == "dZ1 = dA1 * act.g_prime(A1, act.g(A1))"  # the model's slip branch


def test_a_kink_is_noted(relu3):
    nb = copied(relu3)
    nb["backward"]["kink_units"] = ["Z1[0,2]"]
    for g in nb["backward"]["gradients"]:
        g["kink"] = g["of"] in ("Z1", "W0", "b0")
    _, blocks = gradient_blocks(nb)
    kinks = [b.find("h4").text().split()[0] for b in blocks if b.find_all(cls="nb-kink")]
    assert kinks == ["dZ1", "dW0", "db0"]
    assert blocks[5].find("p", cls="nb-kink").text() == "Near relu's kink at 0 (within h): Z1[0,2]."


def test_a_diverged_network(diverged, not_finite):
    root, blocks = gradient_blocks(not_finite)
    assert len(blocks) == 8
    assert "undefined" in blocks[0].find("p", cls="verdict").classes()
    assert blocks[0].find("strong").text() == "\u2013 Undefined."
    assert "gradients right" in root.find("p", cls="nb-summary").text()
    forward = tree(forward_html(not_finite["forward"]))
    assert forward.find("p", cls="nb-scalar").text() == "J = nan"
    z2 = not_finite["forward"]["output"][0]["Z"]
    assert z2["text"] == "-inf"
    assert forward.find("button", data_term="Z2[0,0]").attrs["aria-label"] == "Z2[0,0] = \u2212infinity"
    assert check_tables(forward)["Z1, shape (16, 4)"][0][0] == "7.69857819e+305"
    nb = copied(not_finite)
    nb["forward"]["output"][1]["A"]["text"] = "nan"
    assert tree(forward_html(nb["forward"])).find("button", data_term="A2[0,1]").attrs["aria-label"] == "A2[0,1] = NaN"
    log = tree(log_html(diverged["log"]))
    assert log.find("p", cls="nb-diverged").text() == "This run diverged: " + diverged["log"]["reason"] + "."


def test_without_numeric_gradients(without_numeric):
    root, blocks = gradient_blocks(without_numeric)
    assert root.find("p", cls="nb-pending").text() == "The numeric check is computed when this section is shown."
    assert root.find_all(cls="nb-summary") == [] and root.find_all(cls="verdict") == []
    assert [len(check_tables(b)) for b in blocks] == [1] * 8
    check = tree(notebook_check_html(without_numeric["notebook_check"]))
    assert check.find("p", cls="nb-pending").text() == "The numeric check is computed when this section is shown."
    assert len(check.find_all("div", cls="nb-cell")) == 8 and check.find_all(cls="agreement") == []


# ---------------------------------------------------------------- 4. the notebook's own check


def test_the_notebooks_own_check_prints_as_the_notebook(default, notebook_mode):
    root = tree(notebook_check_html(default["notebook_check"]))
    checks = root.find_all("div", cls="nb-check")
    assert [c.find("h4").text() for c in checks][-1] == "db0: cells 30 and 31"
    cells = checks[0].find_all("div", cls="nb-cell")
    assert [c.find("p").text() for c in cells] == [
        "In [16]: forward difference, delta = 1e-09",
        "In [17]: the analytic formula",
    ]
    assert [c.find("samp").text() for c in cells] == ["[[-0.12116 -0.11881  0.12961  0.13039]]"] * 2
    assert root.find("p", cls="nb-summary").text() == "8 of 8 prints agree."
    root = tree(notebook_check_html(notebook_mode["notebook_check"]))
    db0 = root.find_all("div", cls="nb-check")[-1]
    assert [s.text() for s in db0.find_all("samp")] == ["[[-0.00089]\n [-0.00059]]", "[[-0.00089]\n [-0.00058]]"]
    assert db0.find("p", cls="agreement").classes() == ["agreement", "differ"]
    assert root.find("p", cls="nb-summary").text() == "7 of 8 prints agree."
    assert len(root.find_all("p", cls="agree")) == 7


# ---------------------------------------------------------------- 5. step, 6. log


def test_one_step(default):
    root = tree(step_html(default["step"]))
    assert root.find("figure").find("code").text() == "grad *= c.learning_rate\ntheta -= grad"
    assert [h.text() for h in root.find_all("h4")] == [p["formula_text"] for p in default["step"]["params"]]
    tables = check_tables(root)
    assert len(tables) == 16
    assert tables["W0 before, shape (2, 2)"] == [["-0.04167578", "-0.00562668"], ["-0.21361961", "0.16402708"]]
    assert tables["W0 after, shape (2, 2)"] == [["-0.03644403", "-0.00122804"], ["-0.21092307", "0.16756886"]]
    dl = root.find("dl").elements()
    assert [d.text() for d in dl[:2]] == ["J before the step", "0.12519375208599626"]
    # the section ends with the lab's Step: one button, a plain button (no form to submit), last in the section
    buttons = root.find_all("button", data_action="step")
    assert len(buttons) == 1
    take = buttons[0]
    assert take.attrs["type"] == "button" and take.classes() == ["nb-take-step"]
    assert take.text() == "Take this step"
    assert root.elements()[-1].tag == "p" and root.elements()[-1].elements() == [take]
    assert root.find_all("button") == [take]  # the step section has no terms to confuse with it


def test_the_training_log(default):
    root = tree(log_html(default["log"]))
    tables = check_tables(root)
    log = tables["Cost J printed every 100 of 1000 steps, learning_rate = 10.0"]
    assert log[0] == ["0.12519375208599626"] and len(log) == 10
    assert [th.text() for th in root.find("table").find("tbody").find_all("th")][:2] == ["0", "100"]
    predictions = default["log"]["predictions"]
    assert root.find("samp").text() == "A2 = " + predictions["text"] + "\nY = [1 1 0 0]"
    rows = next(t for caption, t in tables.items() if caption.startswith("Predictions A2 after step 999"))
    assert rows[1] == ["1", "1", "0", "0"] and len(rows[0]) == 4
    assert root.find_all(cls="nb-diverged") == []


# ---------------------------------------------------------------- the page

TITLES = {
    "setup": "1. Setup",
    "forward": "2. Forward pass and cost, unrolled and as matrices",
    "backward": "3. Backpropagation and gradient checks",
    "notebook_check": "4. The notebook's own check",
    "step": "5. One gradient-descent step",
    "log": "6. The ANN class and its training log",
}


def test_the_page_is_each_section_in_the_notebooks_order(default, notebook_mode, without_numeric):
    view = page(default)
    assert set(view) == {"keys", "titles", "html"}
    assert view["keys"] == ["setup", "forward", "backward", "notebook_check", "step", "log"] == list(SECTION_KEYS)
    assert view["titles"] == TITLES and SECTION_TITLES == TITLES
    assert view["html"] == {key: section_html(key, default) for key in view["keys"]}
    assert json.loads(json.dumps(view)) == view  # plain strings, for the worker's answer
    # the log only when the dict has it
    for nb in (notebook_mode, without_numeric):
        assert "log" not in nb["sections"] and "log" not in nb
        view = page(nb)
        assert view["keys"] == ["setup", "forward", "backward", "notebook_check", "step"]
        assert view["titles"] == {key: TITLES[key] for key in view["keys"]}
        assert view["html"] == {key: section_html(key, nb) for key in view["keys"]}
    # the notebook's order, whatever order the dict lists its sections in
    listed = dict(default, sections=list(reversed(default["sections"])))
    assert page(listed)["keys"] == list(SECTION_KEYS)
