"""What a Run or a Check of the student's code found: the error and its line, the values returned, a row per
checked value (right / wrong / missing / wrong shape, relative error and its band, the likely mistake), the
first wrong one with the formula it should satisfy, and hints for it, one at a time, the solution's line last
and only once asked for. The checker (py/checker/) writes every word and number; this lays them out."""

import exercises
from shared.i18n import N_, _

# A row's status as words (the checker's rows say theirs in result_text).
STATUS_TEXT = {"right": N_("right"), "wrong": N_("wrong"), "missing": N_("missing"), "wrong shape": N_("wrong shape")}


def element(document, tag, text=None, class_name=None):
    """A new element; its text set as text (never markup)."""
    made = document.createElement(tag)
    if text is not None:
        made.textContent = text
    if class_name:
        made.className = class_name
    return made


class ExerciseResults:
    def __init__(self, document, go_to_line):
        self.document, self.go_to_line = document, go_to_line
        self.problem = document.getElementById("exercise-error")
        self.box = document.getElementById("exercise-results")
        self.hints_shown = {}  # (exercise, name) -> hints shown so far
        self.solutions = True  # False: the instructor's link hides the solution's line (solutions=hide)

    def _el(self, tag, text=None, class_name=None):
        return element(self.document, tag, text, class_name)

    def clear(self):
        self.problem.replaceChildren()
        self.box.replaceChildren()

    def show_problem(self, error, stopped):
        """The error in the student's code (with its line and a button to go there), or why it was stopped."""
        self.problem.replaceChildren()
        if stopped:
            self.show_stopped(stopped["message"])
        elif error:
            # Translators: {kind} is Python's name of the error (NameError...), kept as it is; {message} is its message.
            words = _("Line {line}: {kind}: {message}") if error.get("line") else "{kind}: {message}"
            self.problem.appendChild(
                self._el("p", words.format(line=error.get("line"), kind=error["kind"], message=error["message"]))
            )
            if error.get("text"):
                self.problem.appendChild(self._el("pre", error["text"], "error-line"))
            if error.get("line"):
                button = self._el("button", _("Go to line {line}").format(line=error["line"]))
                button.type = "button"
                line = error["line"]
                button.addEventListener("click", lambda event: self.go_to_line(line))
                self.problem.appendChild(button)

    def show_stopped(self, message):
        self.problem.replaceChildren(self._el("p", message))

    def show_values(self, values):
        """What Run returned, value by value."""
        self.box.replaceChildren()
        if not values:
            return
        self.box.appendChild(self._el("h3", _("What your code returned")))
        listing = self._el("dl", None, "returned")
        for value in values:
            listing.appendChild(self._el("dt", value["name"]))
            listing.appendChild(self._el("dd", value["text"]))
        self.box.appendChild(listing)

    def show_check(self, answer, exercise):
        self.box.replaceChildren()
        heading = self._el("h3", answer["summary"], "check-summary")
        heading.id = "check-summary"
        self.box.appendChild(heading)
        if answer.get("note"):
            self.box.appendChild(self._el("p", answer["note"], "note"))
        self.box.appendChild(self._table(answer))
        first = answer.get("first_wrong")
        if first:
            formula = self._el("p", None, "formula")
            # Translators: {name} is a value's name (Z1, dW0...); {formula} is the formula it should satisfy, as code.
            words = _("The first one to fix, {name}, should satisfy {formula}").format(name=first, formula="\x00")
            before, _unused, after = words.partition("\x00")
            formula.appendChild(self.document.createTextNode(before))
            formula.appendChild(self._el("code", answer["formula"]))
            if after:
                formula.appendChild(self.document.createTextNode(after))
            self.box.appendChild(formula)
            self.box.appendChild(self._hints(exercise, first))
        # Translators: {networks} are the networks' names, separated by semicolons.
        checked_on = _("Checked on: {networks}.").format(networks="; ".join(answer["networks"]))
        self.box.appendChild(self._el("p", checked_on, "caption"))

    def _table(self, answer):
        table = self._el("table", None, "check-table")
        table.appendChild(
            self._el(
                "caption",
                _("Each value your code returned, against the numeric gradient")
                if answer["total"] == 8
                else _("Each value your code returned, against the model"),
            )
        )
        head = self._el("tr")
        # Translators: the check table's column headings.
        for title in (_("Value"), _("Result"), _("Relative error"), _("What it looks like")):
            cell = self._el("th", title)
            cell.setAttribute("scope", "col")
            head.appendChild(cell)
        table.appendChild(self._el("thead")).appendChild(head)
        body = self._el("tbody")
        for row in answer["rows"]:
            line = self._el("tr", None, "row-" + row["status"].replace(" ", "-"))
            if row["name"] == answer.get("first_wrong"):
                line.classList.add("first-wrong")
            name = self._el("th", row["name"])
            name.setAttribute("scope", "row")
            line.appendChild(name)
            line.appendChild(self._el("td", row["result_text"]))
            line.appendChild(self._el("td", row["error_text"]))
            line.appendChild(self._el("td", row["diagnosis"]["text"] if row.get("diagnosis") else ""))
            body.appendChild(line)
        table.appendChild(body)
        return table

    def _hints(self, exercise, name):
        """Hints for name, one more each press ("hint 1 of 3"), then the solution's line behind a confirmation."""
        box = self._el("div", None, "hints")
        box.setAttribute("aria-live", "polite")
        hints = exercise.HINTS.get(name, ())
        shown = self.hints_shown.get((exercise.ID, name), 0)
        for i in range(shown):
            words = _("Hint {number} of {count}: {hint}").format(number=i + 1, count=len(hints), hint=_(hints[i]))
            box.appendChild(self._el("p", words, "hint-text"))
        if shown < len(hints):
            # Translators: {name} is a value's name (Z1, dW0...), kept as it is.
            words = _("Hint {number} of {count} for {name}").format(number=shown + 1, count=len(hints), name=name)
            button = self._el("button", words)
            button.type = "button"
            button.addEventListener("click", lambda event: self._more(box, exercise, name))
            box.appendChild(button)
        elif self.solutions:
            button = self._el("button", _("Show the solution's line for {name}").format(name=name))
            button.type = "button"
            button.addEventListener("click", lambda event: self._confirm_solution(box, exercise, name))
            box.appendChild(button)
        return box

    def _more(self, box, exercise, name):
        key = (exercise.ID, name)
        self.hints_shown[key] = self.hints_shown.get(key, 0) + 1
        fresh = self._hints(exercise, name)
        box.replaceWith(fresh)
        button = fresh.querySelector("button")
        if button is not None:
            button.focus()

    def _confirm_solution(self, box, exercise, name):
        box.lastChild.remove()
        question = self._el(
            "p", _("This shows the answer itself. Show the solution's line for {name}?").format(name=name)
        )
        yes = self._el("button", _("Yes, show it"))
        yes.type = "button"
        no = self._el("button", _("Not yet"))
        no.type = "button"
        yes.addEventListener("click", lambda event: self._solution(box, exercise, name, question, yes, no))
        no.addEventListener("click", lambda event: box.replaceWith(self._hints(exercise, name)))
        for element in (question, yes, no):
            box.appendChild(element)
        no.focus()

    def _solution(self, box, exercise, name, *asked):
        for element in asked:
            element.remove()
        box.appendChild(self._el("p", _("The solution's line:")))
        box.appendChild(self._el("pre", exercises.reference_line(exercise, name), "solution-line"))
