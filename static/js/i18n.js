// The page's language, chosen before Python runs: lang= in the link, else the browser's languages, else English
// (the source language). The compiled catalogs are static/i18n/<lang>.json, listed with their names in
// static/i18n/languages.json (tools/catalogs.py writes both from locale/*/LC_MESSAGES/messages.po). This module
// translates the page's own HTML (its units are what tools/i18n_html.py extracts), says the texts of boot.js
// (_), and hands the catalog's text to the page's Python (py/main.py gives it to py/shared/i18n.py).
const SOURCE = "en";
const I18N = new URL("./static/i18n/", document.baseURI);
const ATTRIBUTES = ["aria-label", "title", "placeholder", "alt"];
const SKIPPED = new Set(["script", "style"]);
const root = document.documentElement;

let messages = {};

export function _(message) {
  const translated = messages[message];
  return typeof translated === "string" && translated ? translated : message;
}

// A message's {name} placeholders filled from fields (as Python's str.format does them on the page).
export function fill(text, fields) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => fields[name] ?? whole);
}

function normal(text) {
  return text.replace(/\s+/g, " ").trim();
}

function translated(text) {
  const key = normal(text);
  const found = messages[key];
  return typeof found === "string" && found ? found : null;
}

function hasOwnText(element) {
  return [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.data.trim());
}

// An element with text of its own is one message: its content as HTML, inline markup and all; an element
// without is a container whose children are looked at. Attributes that people read are messages of their own.
function translateElement(element) {
  if (SKIPPED.has(element.localName) || element.getAttribute("translate") === "no") return;
  for (const name of ATTRIBUTES) {
    const text = element.hasAttribute(name) && translated(element.getAttribute(name));
    if (text) element.setAttribute(name, text);
  }
  if (element.localName === "meta" && element.name === "description") {
    const text = translated(element.content);
    if (text) element.content = text;
  }
  if (element.localName === "template") {
    for (const child of element.content.children) translateElement(child);
  } else if (hasOwnText(element)) {
    const text = translated(element.innerHTML);
    if (text) element.innerHTML = text;
  } else {
    for (const child of element.children) translateElement(child);
  }
}

// "de-AT" is served by "de"; codes compare without case.
function match(wanted, available) {
  const code = wanted.trim().toLowerCase();
  if (!code) return null;
  const codes = Object.keys(available);
  return codes.find((known) => known.toLowerCase() === code)
    ?? codes.find((known) => known.toLowerCase() === code.split("-")[0])
    ?? null;
}

async function fetchJSON(name) {
  const response = await fetch(new URL(name, I18N));
  if (!response.ok) throw new Error(`Could not load ${response.url} (HTTP ${response.status}).`);
  return response;
}

// {language, requested (lang= when the page has no such catalog, else ""), languages {code: name}, text (the
// catalog's JSON, "" for English)}.
async function choose() {
  const requested = new URLSearchParams(location.search).getAll("lang").pop()?.trim() ?? "";
  const languages = await (await fetchJSON("languages.json")).json();
  const fromLink = match(requested, languages);
  const language = fromLink
    ?? (requested ? SOURCE : navigator.languages.map((code) => match(code, languages)).find(Boolean))
    ?? SOURCE;
  const result = { language, requested: requested && !fromLink ? requested : "", languages, text: "" };
  if (language !== SOURCE) {
    result.text = await (await fetchJSON(`${language}.json`)).text();
    messages = JSON.parse(result.text).messages;
    translateElement(document.head);
    translateElement(document.body);
  }
  root.lang = language;
  return result;
}

// English pages show at once; another language's page stays hidden (lab.css) until its words are in, rather
// than showing English first and then moving as longer words replace it.
const wanted = new URLSearchParams(location.search).getAll("lang").pop() ?? navigator.language ?? SOURCE;
if (!wanted.trim().toLowerCase().startsWith(SOURCE)) root.dataset.translating = "";

// The language menu: each language by its own name; picking one opens this page (the address holds its settings)
// in it, with the run on screen.
function fillMenu({ language, languages }) {
  const menu = document.getElementById("language");
  if (!menu) return;
  for (const [code, name] of Object.entries(languages)) {
    const option = new Option(name, code, false, code === language);
    option.lang = code;
    menu.append(option);
  }
  menu.addEventListener("change", () => {
    const url = new URL(location.href);
    url.searchParams.set("lang", menu.value);
    // The page's Python, once it runs, keeps the run on screen for the page in the new language (app/share/carry.py).
    if (globalThis.backpropSwitchLanguage) globalThis.backpropSwitchLanguage(url.href);
    else location.assign(url);
  });
}

export const language = choose()
  .catch((error) => ({ language: SOURCE, requested: "", languages: { [SOURCE]: "English" }, text: "", error }))
  .then((chosen) => {
    fillMenu(chosen);
    return chosen;
  })
  .finally(() => delete root.dataset.translating);
globalThis.backpropLanguage = language;
