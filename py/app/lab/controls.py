"""The settings form: shows the settings in the fields, reads what the student typed, and shows a
field's error next to it; the data's fields show by the data's kind (a generated set's seed, size, noise and
training share for generated data, the truth table's choice for a truth table). No maths and no model state here."""

from app.settings import BY_NAME, DATA_PARAMETERS, FORM, GENERATED, SPEEDS, spell
from shared.i18n import _, ngettext

FIELDS = FORM + DATA_PARAMETERS  # the settings form's fields, in the page's order, then the data's own
CHECKBOXES = tuple(name for name in FORM if BY_NAME[name].kind == "flag")


class Controls:
    def __init__(self, document):
        self.document = document
        self.fields = {name: document.getElementById(name) for name in FIELDS}
        self.speed_value = document.getElementById("speed-value")
        self.buttons = {name: document.getElementById(name) for name in ("train", "step", "reset")}

    def show(self, settings):
        """Put every setting in its field, and clear the fields' errors."""
        values = dict(settings)
        values["speed"] = SPEEDS.index(settings["speed"])
        for name, field in self.fields.items():
            if name in CHECKBOXES:
                field.checked = bool(values[name])
            else:
                field.value = spell(values[name])
            self.clear_error(name)
        self.show_speed(settings["speed"])
        self.show_data(settings["data"])

    def show_data(self, kind):
        """Show the fields of the data's kind: a generated set's for generated data, the truth table's for a table
        (a field a lesson hides stays hidden)."""
        generated = self.document.getElementById("data-generated")
        if generated is not None:
            generated.hidden = kind not in GENERATED
        table = self.fields["table"].parentElement
        if not table.classList.contains("lesson-hidden"):
            table.hidden = kind != "table"

    def read(self, name):
        """A field's raw value as the model's parsers take it (the speed as steps per frame)."""
        field = self.fields[name]
        if name in CHECKBOXES:
            return bool(field.checked)
        if name == "speed":
            return SPEEDS[int(field.value)]
        return field.value

    def show_speed(self, speed):
        self.speed_value.textContent = ngettext("{n} step per frame", "{n} steps per frame", speed).format(n=speed)
        self.fields["speed"].setAttribute("aria-valuetext", self.speed_value.textContent)

    def show_error(self, name, message):
        """Show the model's message beside the field, whose label names it: "Must be ..."."""
        text = message[len(name) + 1 :] if message.startswith(name + " ") else message
        self.fields[name].setAttribute("aria-invalid", "true")
        self.document.getElementById(name + "-error").textContent = text[:1].upper() + text[1:] + "."

    def clear_error(self, name):
        self.fields[name].removeAttribute("aria-invalid")
        error = self.document.getElementById(name + "-error")
        if error is not None:
            error.textContent = ""

    def enable(self, enabled=True):
        for button in self.buttons.values():
            button.disabled = not enabled

    def show_training(self, training):
        # Translators: the Train button, which pauses while the network trains.
        self.buttons["train"].textContent = _("Pause") if training else _("Train")
