// The Exercises view's code editor: CodeMirror 6 as @pyscript/core ships it (the same build as its py-editor),
// loaded only when the view first opens. The page's Python (MicroPython) calls BackpropEditor.mount and reads and
// writes the text through the object it returns; CodeMirror's extensions are JavaScript objects, hence this file.
// The editor lives in a shadow root: there CodeMirror styles itself with constructed style sheets, which the
// page's Content-Security-Policy (style-src 'self') allows, where in the document it would add <style> elements.
import { codemirror } from "../vendor/pyscript/core.js";

async function mount(host, text, label, onChange) {
  const [{ EditorView, basicSetup }, { python }, { keymap }, { indentWithTab }, { indentUnit }] = await Promise.all([
    codemirror.core, codemirror.python, codemirror.view, codemirror.commands, codemirror.language]);
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const sheet = document.createElement("link");
  sheet.rel = "stylesheet";
  sheet.href = new URL("../css/editor.css", import.meta.url).href;
  const parent = document.createElement("div");
  root.replaceChildren(sheet, parent);
  const view = new EditorView({
    doc: text,
    parent,
    root,
    extensions: [
      basicSetup,
      python(),
      indentUnit.of("    "),
      // Tab indents; Escape then Tab leaves the editor (CodeMirror's own escape hatch), so focus is never trapped.
      keymap.of([indentWithTab]),
      // tabindex: the scrolled content counts as reachable by keyboard for checkers such as axe (contenteditable alone
      // does not), and Tab already stops there.
      EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0" }),
      EditorView.updateListener.of((update) => { if (update.docChanged) onChange(update.state.doc.toString()); }),
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    setText(newText) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: newText } });
    },
    goToLine(number) {
      const line = view.state.doc.line(Math.max(1, Math.min(number, view.state.doc.lines)));
      view.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
      view.focus();
    },
    focus: () => view.focus(),
  };
}

globalThis.BackpropEditor = { mount };
