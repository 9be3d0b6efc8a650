"""Re-check a folder of students' reports ("Download my work" in the Exercises view) with the same checker as the
page, and print a table per student and exercise.

    python3 tools/recheck_reports.py FOLDER

Plain CPython with NumPy. Every report (*.json, in FOLDER and its subfolders; the student is the file's path in
FOLDER) is read, and each exercise's code is checked again on the network it was checked on in the page
(py/checker/check.py, the same checker): the table's "re-checked" column comes from the code alone, never from the
results stored in the report. A report whose stored results differ from the re-check is flagged EDITED.

The students' code runs on this machine: each check runs in a child process of its own with a time limit and a
memory limit, but that is no sandbox against code written to do harm. Run the script in a throwaway account or a
container when you do not trust the files.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

FORMAT = "backprop-lab-work"
TIMEOUT = 60  # seconds for one exercise's check
MEMORY = 2 * 1024**3  # bytes a check may use
HEADERS = ("student", "exercise", "re-checked", "in the report", "checked at", "flag")


def check_one(name, code, network):
    """The checker's verdict on code, as the page shows it: {"right", "total", "summary", "rows": [{name, status}]}."""
    from checker.check import check

    answer = check(name, code, json.dumps(network))
    ran = not (answer.get("error") or answer.get("stopped"))
    return {
        "right": answer["right"] if ran else 0,
        "total": answer["total"],
        "summary": answer["summary"] if ran else "did not run to the end",
        "rows": [{"name": row["name"], "status": row["status"]} for row in answer["rows"]],
    }


def _limit_memory():
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    except (ImportError, ValueError, OSError):
        pass


def recheck(name, code, network, timeout=TIMEOUT):
    """check_one in a child process, so that code which hangs, exits or eats memory ends only that check."""
    request = json.dumps({"name": name, "code": code, "network": network})
    try:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--one"],
            input=request,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_limit_memory if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired:
        return {"failed": f"stopped after {timeout} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"failed": f"the check ended with exit code {done.returncode}"}
    try:
        return json.loads(lines[-1])
    except ValueError:
        return {"failed": "the check printed no result"}


def default_network():
    """The page's first network (seed 2, 2 hidden units, XOR, step 0), for code that was never checked."""
    from backprop import init_params

    params = init_params(2, 2)
    texts = {name: [repr(float(x)) for x in value.reshape(-1)] for name, value in params.items()}
    return {"n_h": 2, "table": "XOR", "seed": 2, "step": 0, "params": texts}


def stored(result):
    """What the report says its check found, in the re-check's terms (None when it holds no check)."""
    if not isinstance(result, dict):
        return None
    rows = result.get("rows") if isinstance(result.get("rows"), list) else []
    return {
        "right": result.get("right"),
        "total": result.get("total"),
        "rows": [{"name": row.get("name"), "status": row.get("status")} for row in rows if isinstance(row, dict)],
    }


def _verdict(result):
    if result is None:
        return "-"
    if "failed" in result:
        return "could not check: " + result["failed"]
    return f"{result['right']} of {result['total']} right"


def report_rows(student, report, timeout=TIMEOUT):
    """One row per exercise of one report: {"student", "exercise", "rechecked", "stored", "checked_at", "flag"}."""
    import exercises

    if not isinstance(report, dict) or report.get("format") != FORMAT or not isinstance(report.get("exercises"), list):
        return [_row(student, "-", None, None, None, "not a Backprop Lab report")]
    rows = []
    for entry in report["exercises"]:
        if not isinstance(entry, dict):
            rows.append(_row(student, "?", None, None, None, "EDITED: an entry is not an exercise"))
            continue
        name, code = entry.get("name"), entry.get("code")
        if name not in exercises.NAMES:
            rows.append(_row(student, str(name), None, None, None, "unknown exercise"))
            continue
        result = stored(entry.get("result"))
        if not isinstance(code, str) or not code.strip():
            flag = "EDITED: results without code" if result is not None else "no code"
            rows.append(_row(student, name, None, result, entry.get("checked_at"), flag))
            continue
        network = entry.get("network") if isinstance(entry.get("network"), dict) else None
        again = recheck(name, code, network or default_network(), timeout)
        if result is None:
            flag = "not checked in the page (re-checked on the first network)"
        elif "failed" in again:
            flag = "could not re-check"
        elif network is None:
            flag = "EDITED: results without the network they were checked on"
        elif (again["right"], again["total"], again["rows"]) != (result["right"], result["total"], result["rows"]):
            flag = "EDITED: the stored results are not the code's"
        else:
            flag = ""
        rows.append(_row(student, name, again, result, entry.get("checked_at"), flag))
    questions = [q for q in report.get("questions") or [] if isinstance(q, dict)]
    if questions:
        right = len([q for q in questions if q.get("right") is True])
        text = f"{right} of {len(questions)} right (as stored: answers are not re-checked)"
        rows.append({"student": student, "exercise": "questions", "rechecked": None, "stored": None,
                     "checked_at": None, "flag": text})  # fmt: skip
    return rows


def _row(student, exercise, again, result, checked_at, flag):
    return {
        "student": student,
        "exercise": exercise,
        "rechecked": again,
        "stored": result,
        "checked_at": checked_at if isinstance(checked_at, str) else None,
        "flag": flag,
    }


def folder_rows(folder, timeout=TIMEOUT):
    """Every report under folder, in the order of their paths."""
    folder = Path(folder)
    rows = []
    for path in sorted(folder.rglob("*.json")):
        student = path.relative_to(folder).with_suffix("").as_posix()
        if path.name.startswith(FORMAT) and path.parent != folder:  # a course site's folder per student
            student = path.parent.relative_to(folder).as_posix()
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            rows.append(_row(student, "-", None, None, None, "not a Backprop Lab report (not JSON)"))
            continue
        rows.extend(report_rows(student, report, timeout))
    return rows


def table(rows):
    """The rows as a plain text table, one line per student and exercise."""
    cells = [HEADERS] + [
        (
            row["student"],
            row["exercise"],
            _verdict(row["rechecked"]) if row["exercise"] != "questions" else "",
            _verdict(row["stored"]) if row["exercise"] != "questions" else "",
            row["checked_at"] or "",
            row["flag"],
        )
        for row in rows
    ]
    widths = [max(len(line[k]) for line in cells) for k in range(len(HEADERS) - 1)]
    lines = []
    for n, line in enumerate(cells):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths)) + "  " + line[-1])
        if n == 0:
            lines.append("  ".join("-" * width for width in widths) + "  " + "-" * 4)
    return "\n".join(line.rstrip() for line in lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="the folder of reports (*.json, subfolders too)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds for one exercise's check")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child: one check, stdin to stdout
    args = parser.parse_args(argv)
    if args.one:
        request = json.loads(sys.stdin.read())
        result = check_one(request["name"], request["code"], request["network"])
        sys.stdout.flush()
        print("\n" + json.dumps(result))
        return 0
    if not args.folder or not Path(args.folder).is_dir():
        parser.error("give the folder that holds the reports")
    rows = folder_rows(args.folder, args.timeout)
    if not rows:
        print(f"No reports (*.json) in {args.folder}.")
        return 1
    print(table(rows))
    edited = len({row["student"] for row in rows if row["flag"].startswith("EDITED")})
    if edited:
        print(f"\n{edited} report(s) flagged EDITED: their stored results are not what their code gives.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
