// The table view: actors × issues with each stance's position, salience and capability, as the YAML
// states them. An edit here is written into the YAML text at that value's place (the `yaml` package
// gives each value's offsets), so comments, order and layout stay as they are and undo works.

import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { element } from "./tables.js";

const FIELDS = ["position", "salience", "capability"];

// The text to write for what was typed: a number as typed, anything else quoted (the server then
// reports it, located, as not a number).
function literal(typed) {
  const value = typed.trim();
  return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) ? value : JSON.stringify(value);
}

function stanceNode(document, actorId, issue) {
  const actors = document.get("actors");
  if (!isSeq(actors)) return null;
  const actor = actors.items.find((item) => isMap(item) && String(item.get("id")) === actorId);
  const stances = actor?.get("stances");
  const stance = isMap(stances) ? stances.get(issue) : null;
  return isMap(stance) ? stance : null;
}

// Writes `field: typed` into the stance of `actorId` on `issue`; false when the YAML has no such stance.
export function writeStanceValue(editor, actorId, issue, field, typed) {
  const source = editor.state.doc.toString();
  const document = parseDocument(source);
  const stance = stanceNode(document, actorId, issue);
  if (!stance) return false;
  const value = literal(typed);
  const node = stance.get(field, true);
  if (isScalar(node) && node.range) {
    editor.dispatch({ changes: { from: node.range[0], to: node.range[1], insert: value } });
    return true;
  }
  if (node) return false;  // there, but not a plain value (an alias): left to the YAML view
  // The key is absent: add it to the stance.
  if (stance.flow) {
    const close = source.lastIndexOf("}", stance.range[1] - 1);
    const separator = stance.items.length === 0 ? "" : ", ";
    editor.dispatch({ changes: { from: close, insert: `${separator}${field}: ${value}` } });
    return true;
  }
  const first = stance.items[0]?.key;
  const last = stance.items[stance.items.length - 1];
  if (!first?.range || !last) return false;
  const lineStart = source.lastIndexOf("\n", first.range[0] - 1) + 1;
  const indent = " ".repeat(first.range[0] - lineStart);
  const end = (last.value?.range ?? last.key.range)[1];
  editor.dispatch({ changes: { from: end, insert: `\n${indent}${field}: ${value}` } });
  return true;
}

// Draws the table of `scenario` (the server's JSON of the last valid text) into `container`. While
// one of its inputs has the focus, it is left alone, so typing is never interrupted.
export function stanceTable(container, scenario, editor, stale) {
  container.classList.toggle("stale", stale);
  if (container.contains(document.activeElement)) return;
  if (!scenario) {
    container.replaceChildren(element("p", { class: "hint" }, "The table appears once the scenario reads without errors."));
    return;
  }
  const issues = scenario.issues.map((issue) => issue.id);
  const head = element("tr", {}, element("th", {}, "actor"), ...issues.map((id) => element("th", {}, id)));
  const rows = scenario.actors.map((actor) => element("tr", { "data-actor": actor.id },
    element("td", { title: actor.name ?? "" }, actor.id, element("div", { class: "hint" }, `capability ${actor.capability}`)),
    ...issues.map((issue) => {
      const stance = actor.stances?.[issue];
      if (!stance) return element("td", { class: "hint" }, "–");
      return element("td", { "data-issue": issue }, ...FIELDS.map((field) => {
        const input = element("input", {
          type: "text", inputmode: "decimal", "data-field": field, "aria-label": `${actor.id} ${issue} ${field}`,
          value: stance[field] ?? "", placeholder: field === "capability" ? String(actor.capability) : "",
        });
        input.addEventListener("change", () => {
          if (input.value.trim() === "") return;
          if (!writeStanceValue(editor, actor.id, issue, field, input.value)) input.classList.add("invalid");
        });
        return element("label", { class: "field" }, field.slice(0, 3), input);
      }));
    })));
  container.replaceChildren(element("table", {}, element("thead", {}, head), element("tbody", {}, ...rows)));
}
