"""The predict-then-see questions before an exercise, as the page shows them: each a group of radio buttons with a
"Check my answer" button, then right or not and the explanation with the numbers. The exercise worker makes the
questions from the network on screen (checker/questions/) and writes every number; this lays them out and
compares the choice with the answer's index. Nothing here blocks the path: the next step is always open.
"""

from app.exercises.results import element
from shared.i18n import _, ngettext


class QuestionsView:
    def __init__(self, document, answered):
        """answered(exercise, question, choice) is called when the student checks an answer."""
        self.document, self.answered = document, answered
        self.box = document.getElementById("exercise-questions-list")
        self.status = document.getElementById("exercise-questions-status")
        self.name, self.marks, self.asked = None, None, []

    def _el(self, tag, text=None, class_name=None):
        return element(self.document, tag, text, class_name)

    def waiting(self, name):
        self.name = name
        self.box.replaceChildren()
        self.status.textContent = _("Making the questions from the network on screen…")

    def failed(self, text):
        self.status.textContent = text

    def show(self, name, asked, marks):
        """The questions asked (checker/questions/'s dicts); answers already in marks are shown as answered."""
        self.name, self.asked, self.marks = name, asked, marks
        self.box.replaceChildren()
        if not asked:
            self.status.textContent = _("No questions for this exercise: go on to it.")
            return
        for number, question in enumerate(asked):
            self.box.appendChild(self._question(number, question))
        self._score()

    def _score(self):
        right, answered = self.marks.score(self.name)
        self.status.textContent = ngettext(
            "{answered} of {n} question answered, {right} right.",
            "{answered} of {n} questions answered, {right} right.",
            len(self.asked),
        ).format(answered=answered, n=len(self.asked), right=right)

    def _question(self, number, question):
        group = self._el("fieldset", None, "question")
        group.appendChild(
            self._el("legend", _("Question {number}: {prompt}").format(number=number + 1, prompt=question["prompt"]))
        )
        radios = []
        base = "q-" + question["id"].replace(".", "-")
        kept = self.marks.questions.get(question["id"]) if self.marks is not None else None
        if kept is not None and kept.get("choices") != list(question["choices"]):
            kept = None  # asked on another network, with other choices
        for index, text in enumerate(question["choices"]):
            line = self._el("div", None, "choice")
            radio = self._el("input")
            radio.type = "radio"
            radio.name = base
            radio.id = "{}-{}".format(base, index)
            radio.value = str(index)
            radio.checked = kept is not None and kept["choice"] == index
            label = self._el("label", text)
            label.setAttribute("for", radio.id)
            line.appendChild(radio)
            line.appendChild(label)
            group.appendChild(line)
            radios.append(radio)
        button = self._el("button", _("Check my answer"))
        button.type = "button"
        verdict = self._el("p", None, "verdict")
        verdict.setAttribute("aria-live", "polite")
        button.addEventListener("click", lambda event: self._check(question, radios, verdict))
        group.appendChild(button)
        group.appendChild(verdict)
        if kept is not None:
            self._verdict(question, kept["choice"], verdict)
        return group

    def _check(self, question, radios, verdict):
        choice = None
        for index, radio in enumerate(radios):
            if radio.checked:
                choice = index
        if choice is None:
            verdict.textContent = _("Choose an answer first.")
            return
        self._verdict(question, choice, verdict)
        self.answered(self.name, question, choice)
        self._score()

    def _verdict(self, question, choice, verdict):
        answer = question["answer"]
        if choice == answer:
            # Translators: {explanation} is the question's explanation, a sentence or more.
            words = _("Right. {explanation}")
            verdict.className = "verdict verdict-right"
        else:
            # Translators: {answer} is the right choice's text; {explanation} is the question's explanation.
            words = _("Not quite: the answer is “{answer}”. {explanation}")
            verdict.className = "verdict verdict-wrong"
        verdict.textContent = words.format(answer=question["choices"][answer], explanation=question["explanation"])
