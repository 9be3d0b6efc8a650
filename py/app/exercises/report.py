"""The report "Download my work" saves: one JSON file with each exercise's code as it was last checked, that
check's results and when it ran (ISO time), the network it ran on, and the questions answered. An instructor's
tools/recheck_reports.py runs the same checker on the code again and never trusts the stored results.

Plain Python for MicroPython and CPython: the page gives the marks (app/exercises/path.py), the code in the editor
and the time."""

import exercises

FORMAT = "backprop-lab-work"
VERSION = 1


def file_name(saved_at):
    """backprop-lab-work-<date>.json, the date of saved_at (an ISO time such as 2026-12-07T17:29:30.000Z)."""
    return "{}-{}.json".format(FORMAT, str(saved_at)[:10])


def build(order, marks, codes, saved_at):
    """The report as a dict: order (the exercises of the path), marks (path.Marks), codes {name: the code in the
    editor now} and saved_at (ISO time)."""
    work = []
    for name in order:
        entry = marks.exercises.get(name) or {}
        checked = "checked_at" in entry
        item = {
            "name": name,
            "title": exercises.get(name).TITLE,
            "status": entry.get("status") or "not started",
            "code": entry.get("code") if checked else codes.get(name),
            "checked_at": entry.get("checked_at") if checked else None,
            "network": entry.get("network") if checked else None,
            "result": (
                {
                    "right": entry.get("right"),
                    "total": entry.get("total"),
                    "summary": entry.get("summary"),
                    "rows": entry.get("rows") or [],
                }
                if checked
                else None
            ),
        }
        if checked and codes.get(name) is not None and codes.get(name) != entry.get("code"):
            item["code_since"] = codes[name]  # edited after its last check: not checked
        work.append(item)
    questions = []
    for key in sorted(marks.questions):
        entry = marks.questions[key]
        if entry.get("exercise") in order:
            question = {"id": key}
            question.update(entry)
            questions.append(question)
    return {"format": FORMAT, "version": VERSION, "saved_at": saved_at, "exercises": work, "questions": questions}
