"""What a Run or a Check of the student's code found: the error and its line, the values returned, a row per
checked value (right / wrong / missing / wrong shape, relative error and its band, the likely mistake), the
first wrong one with the formula it should satisfy, and hints for it, one at a time, the solution's line last
and only once asked for. The checker (py/checker/) writes every word and number; this lays them out."""

import exercises

STATUS_TEXT = {"right": "right", "wrong": "wrong", "missing": "missing", "wrong shape": "wrong shape"}


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
            where = "Line {}: ".format(error["line"]) if error.get("line") else ""
            self.problem.appendChild(self._el("p", "{}{}: {}".format(where, error["kind"], error["message"])))
            if error.get("text"):
                self.problem.appendChild(self._el("pre", error["text"], "error-line"))
            if error.get("line"):
                button = self._el("button", "Go to line {}".format(error["line"]))
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
        self.box.appendChild(self._el("h3", "What your code returned"))
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
            formula.appendChild(self.document.createTextNode("The first one to fix, {}, should satisfy ".format(first)))
            formula.appendChild(self._el("code", answer["formula"]))
            self.box.appendChild(formula)
            self.box.appendChild(self._hints(exercise, first))
        self.box.appendChild(self._el("p", "Checked on: " + "; ".join(answer["networks"]) + ".", "caption"))

    def _table(self, answer):
        table = self._el("table", None, "check-table")
        table.appendChild(
            self._el(
                "caption",
                "Each value your code returned, against the numeric gradient"
                if answer["total"] == 8
                else "Each value your code returned, against the model",
            )
        )
        head = self._el("tr")
        for title in ("Value", "Result", "Relative error", "What it looks like"):
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
            box.appendChild(self._el("p", "Hint {} of {}: {}".format(i + 1, len(hints), hints[i]), "hint-text"))
        if shown < len(hints):
            button = self._el("button", "Hint {} of {} for {}".format(shown + 1, len(hints), name))
            button.type = "button"
            button.addEventListener("click", lambda event: self._more(box, exercise, name))
            box.appendChild(button)
        elif self.solutions:
            button = self._el("button", "Show the solution's line for {}".format(name))
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
        question = self._el("p", "This shows the answer itself. Show the solution's line for {}?".format(name))
        yes = self._el("button", "Yes, show it")
        yes.type = "button"
        no = self._el("button", "Not yet")
        no.type = "button"
        yes.addEventListener("click", lambda event: self._solution(box, exercise, name, question, yes, no))
        no.addEventListener("click", lambda event: box.replaceWith(self._hints(exercise, name)))
        for element in (question, yes, no):
            box.appendChild(element)
        no.focus()

    def _solution(self, box, exercise, name, *asked):
        for element in asked:
            element.remove()
        box.appendChild(self._el("p", "The solution's line:"))
        box.appendChild(self._el("pre", exercises.reference_line(exercise, name), "solution-line"))
