"""tools/recheck_reports.py: a folder of reports as the page writes them (app/exercises/report.py from the path's
marks of the page's checks) re-checked with the same checker gives the table the page showed; a report whose
stored results were edited is flagged; hostile code ends only its own check. Oracles: the checker's answers the
page showed (its "N of M right"), and reports edited by hand."""

import copy
import json
import subprocess
import sys

import pytest

import exercises
import recheck_reports as tool
import setup_runtime
from app.exercises import path, report
from checker import door
from shared.protocol import read

NETWORK = tool.default_network()
TOOL = setup_runtime.ROOT / "tools" / "recheck_reports.py"


def page_report(codes, network=NETWORK):
    """The report the page saves after checking each code: what the page showed, {name: summary}, and the report."""
    marks, shown = path.Marks(), {}
    for name, code in codes.items():
        answer, _ = read(door.check(name, code, json.dumps(network)))  # the answer the page shows
        marks.checked(name, answer, code, network, "2026-12-07T18:00:00.000Z")
        shown[name] = answer["summary"]
    return shown, report.build(tuple(codes), marks, dict(codes), "2026-12-07T18:10:00.000Z")


def bad_backward():
    return exercises.get("backward").SOLUTION.replace("dA2 = (A2 - Y) / m", "dA2 = (A2 - Y)")


@pytest.fixture
def folder(tmp_path):
    shown, alice = page_report({"forward": exercises.get("forward").SOLUTION, "backward": bad_backward()})
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / report.file_name(alice["saved_at"])).write_text(json.dumps(alice))
    return tmp_path, shown, alice


def test_the_re_check_gives_the_table_the_page_showed(folder):
    tmp_path, shown, _ = folder
    rows = tool.folder_rows(tmp_path)
    assert [(row["student"], row["exercise"], row["flag"]) for row in rows] == [
        ("alice", "forward", ""),
        ("alice", "backward", ""),
    ]
    for row in rows:
        assert row["rechecked"]["summary"] == shown[row["exercise"]]
    assert shown["backward"] != "8 of 8 right" and shown["forward"].split()[0] == shown["forward"].split()[2]
    done = subprocess.run([sys.executable, str(TOOL), str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:3] == ["student", "exercise", "re-checked"]
    for name in ("forward", "backward"):
        line = next(line for line in lines if line.startswith("alice ") and " " + name + " " in line)
        assert line.count(shown[name]) == 2 and "EDITED" not in line  # re-checked and in the report alike


def test_an_edited_report_is_caught(folder):
    tmp_path, _, alice = folder
    bob = copy.deepcopy(alice)
    result = bob["exercises"][1]["result"]
    result["right"], result["summary"] = result["total"], "8 of 8 right"
    result["rows"] = [{"name": row["name"], "status": "right"} for row in result["rows"]]
    (tmp_path / "bob.json").write_text(json.dumps(bob))
    carol = copy.deepcopy(alice)  # the code swapped for the solution, the results left as they were
    carol["exercises"][1]["code"] = exercises.get("backward").SOLUTION
    (tmp_path / "carol.json").write_text(json.dumps(carol))
    (tmp_path / "notes.json").write_text("[1, 2")
    rows = {(row["student"], row["exercise"]): row for row in tool.folder_rows(tmp_path)}
    assert rows[("bob", "backward")]["flag"].startswith("EDITED")
    assert rows[("bob", "backward")]["rechecked"]["summary"] == rows[("alice", "backward")]["rechecked"]["summary"]
    assert rows[("bob", "forward")]["flag"] == ""
    assert rows[("carol", "backward")]["flag"].startswith("EDITED")
    assert rows[("carol", "backward")]["rechecked"]["summary"] == "8 of 8 right"
    assert rows[("notes", "-")]["flag"].startswith("not a Backprop Lab report")
    done = subprocess.run([sys.executable, str(TOOL), str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert "2 report(s) flagged EDITED" in done.stdout


def test_hostile_code_ends_only_its_own_check(tmp_path):
    _, hostile = page_report({"forward": "def forward(:\n", "backward": "while True:\n    pass\n"})
    hostile["exercises"][0]["code"] = "import os\nos._exit(3)\n"  # not run here: it would end the tests' Python
    (tmp_path / "dave.json").write_text(json.dumps(hostile))
    rows = tool.folder_rows(tmp_path, timeout=30)
    # the checker may end os._exit as a stopped run itself; else the child process ends, and with it only its check
    assert rows[0]["flag"] in ("could not re-check", "")
    assert rows[0]["rechecked"].get("failed") or rows[0]["rechecked"]["summary"] == "did not run to the end"
    assert rows[1]["flag"] == "" and rows[1]["rechecked"]["summary"] == "did not run to the end"
