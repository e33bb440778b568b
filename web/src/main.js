// The workbench page: a YAML editor with the server's diagnostics as you type, a table of the stances,
// runs with the headline and the models' forecasts, trajectories, exchanges and tables, Monte Carlo and
// sensitivity with live progress, and a pinned run to compare with (docs/web.md). Every number comes from `parley serve`.

import { EditorView, basicSetup } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./style.css";
import { call, followJob, hasToken } from "./api.js";
import { element, htmlTable, number, records } from "./tables.js";
import { stanceTable } from "./stances.js";
import { exchangeMatrix } from "./exchanges.js";

const $ = (id) => document.getElementById(id);

const state = {
  file: "scenario.yaml",
  scenario: null,  // the last scenario that validated, as JSON
  result: null,    // the last run's body
  pinned: null,    // {result, scenario}: run A of a comparison
  validated: 0,    // sequence numbers: a late answer never overwrites a newer one
  ran: 0,
  chart: null,
};

function setStatus(text) {
  $("run-status").textContent = text;
}

// ---- the editor and its diagnostics

let editTimer = 0;
const editor = new EditorView({
  parent: $("editor"),
  extensions: [
    basicSetup,
    yaml(),
    lintGutter(),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      // Typing waits for a pause; a whole change (the table, a new scenario) is checked at once.
      const typing = update.transactions.some((t) => t.isUserEvent("input") || t.isUserEvent("delete"));
      clearTimeout(editTimer);
      editTimer = setTimeout(validate, typing ? 250 : 0);
    }),
  ],
});

function text() {
  return editor.state.doc.toString();
}

function setText(yamlText) {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: yamlText } });
}

// A diagnostic's place in the document: its line and column, to the end of the word there.
function range(diagnostic) {
  const doc = editor.state.doc;
  const line = doc.line(Math.min(Math.max(diagnostic.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(diagnostic.column, 1) - 1, line.to);
  const rest = doc.sliceString(from, line.to);
  const word = rest.match(/^[^\s,}\]]*/)[0].length;
  return { from, to: Math.min(from + Math.max(word, 1), doc.length) };
}

function showDiagnostics(errors, warnings) {
  const marks = [];
  const list = $("diagnostics");
  list.replaceChildren();
  const add = (diagnostic, severity) => {
    if (diagnostic.line > 0) marks.push({ ...range(diagnostic), severity, message: diagnostic.message });
    const where = diagnostic.line > 0 ? `${diagnostic.line}:${diagnostic.column}` : "";
    const jump = element("button", { onclick: () => jumpTo(diagnostic) }, `${state.file}:${where}`);
    list.append(element("div", { class: severity, "data-line": diagnostic.line, "data-column": diagnostic.column },
      jump, `: ${severity}: ${diagnostic.path ? diagnostic.path + ": " : ""}${diagnostic.message}`));
  };
  errors.forEach((d) => add(d, "error"));
  warnings.forEach((d) => add(d, "warning"));
  editor.dispatch(setDiagnostics(editor.state, marks));
}

function jumpTo(diagnostic) {
  if (diagnostic.line <= 0) return;
  showView("yaml");
  const { from } = range(diagnostic);
  editor.dispatch({ selection: { anchor: from }, scrollIntoView: true });
  editor.focus();
}

// POSTs `body`; null, with the status line saying so, when the server cannot be reached.
async function post(path, body) {
  try {
    return await call(path, { method: "POST", body });
  } catch (error) {
    setStatus(`the server cannot be reached (${error.message}); is parley serve still running?`);
    return null;
  }
}

async function validate() {
  const sequence = ++state.validated;
  const answer = await post("/api/validate", { yaml: text(), file: state.file });
  if (!answer) return;
  const { status, body } = answer;
  if (sequence !== state.validated) return;
  if (status !== 200) {
    setStatus(`validation failed: ${body.error}`);
    return;
  }
  showDiagnostics(body.errors, body.warnings);
  if (!body.ok) {
    setStatus(`${body.errors.length} error${body.errors.length === 1 ? "" : "s"} in the scenario: the forecast shown is the last valid one`);
    stanceTable($("stance-table"), state.scenario, editor, true);
    return;
  }
  state.scenario = body.scenario;
  stanceTable($("stance-table"), state.scenario, editor, false);
  if ($("auto-run").checked) await runScenario();
  else setStatus("valid; press Run");
}

// ---- runs

function runRequest() {
  const request = { yaml: text(), file: state.file };
  const boxes = [...document.querySelectorAll("#model-list input")];
  const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
  if (chosen.length !== boxes.length) request.models = chosen;
  const seed = $("seed").value.trim();
  if (seed !== "") request.seed = seed;
  if ($("at").value !== "") request.at = $("at").value;
  return request;
}

async function runScenario() {
  const sequence = ++state.ran;
  setStatus("running…");
  const started = performance.now();
  const answer = await post("/api/run", runRequest());
  if (!answer) return;
  const { status, body } = answer;
  if (sequence !== state.ran) return;
  if (status !== 200) {
    setStatus(status === 503 ? body.error : `the run failed: ${body.error}`);
    if (body.diagnostics) showDiagnostics(body.diagnostics, []);
    return;
  }
  state.result = body;
  $("note").textContent = body.note ?? "";
  render();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  setStatus(`forecast of ${body.run.scenario.name} at ${body.run.at}, seed ${body.run.seed}, in ${seconds} s`);
}

function render() {
  renderHeadline();
  renderForecasts();
  renderChartControls();
  renderChart();
  renderTableSelect();
  exchangeMatrix($("exchanges"), state.result.tables.exchanges, showTrades);
}

// The model table shows the exchanges between actors `a` and `b` only.
function showTrades(a, b) {
  const table = state.result.tables.exchanges;
  const i = table.columns.indexOf("i_actor");
  const j = table.columns.indexOf("j_actor");
  const rows = table.rows.filter((row) => [row[i], row[j]].sort().join(" ") === `${a} ${b}`);
  $("table-select").value = "exchanges";
  $("model-table").replaceChildren(element("p", { class: "hint" }, `the exchanges between ${a} and ${b}`),
    htmlTable({ columns: table.columns, rows }));
  $("model-table").scrollIntoView({ block: "nearest" });
}

function renderHeadline() {
  const answer = state.result.run.answer;
  const target = $("headline");
  if (!answer) {
    target.replaceChildren(element("p", { class: "hint" }, "No headline: the ensemble did not run (select it, or every model)."));
    return;
  }
  const head = element("tr", {}, ...["issue", "forecast", "50 %", "80 %", "95 %", ""].map((h) => element("th", {}, h)));
  const rows = answer.issues.map((issue) => {
    const scale = state.result.run.scenario && state.scenario
      ? state.scenario.issues.find((i) => i.id === issue.issue)?.scale : null;
    const low = scale?.min ?? 0;
    const high = scale?.max ?? 100;
    const at = (x) => `${(100 * (x - low)) / (high - low)}%`;
    const width = (a, b) => `${(100 * (b - a)) / (high - low)}%`;
    const [i50, i80, i95] = ["50", "80", "95"].map((k) => issue.intervals[k]);
    const bar = element("span", { class: "interval", title: `${low}–${high}` },
      element("span", { style: `left:${at(i95[0])};width:${width(i95[0], i95[1])};opacity:.45` }),
      element("span", { style: `left:${at(i80[0])};width:${width(i80[0], i80[1])}` }),
      element("span", { class: "inner", style: `left:${at(i50[0])};width:${width(i50[0], i50[1])}` }),
      element("i", { style: `left:${at(issue.forecast)}` }));
    const interval = (pair) => `${number(pair[0])} – ${number(pair[1])}`;
    return element("tr", { "data-issue": issue.issue }, element("td", {}, issue.issue),
      element("td", { class: "forecast" }, number(issue.forecast)), element("td", {}, interval(i50)),
      element("td", {}, interval(i80)), element("td", {}, interval(i95)), element("td", {}, bar));
  });
  target.replaceChildren(element("table", {}, element("thead", {}, head), element("tbody", {}, ...rows)),
    element("p", { class: "hint" }, `${answer.rule.description}; intervals from its errors out of sample on ${answer.calibration.domain}.`));
}

function forecastGrid(result) {
  const grid = new Map();
  for (const row of records(result.tables.forecast)) {
    if (!grid.has(row.issue)) grid.set(row.issue, new Map());
    grid.get(row.issue).set(row.model, row.forecast);
  }
  return grid;
}

function renderForecasts() {
  const grid = forecastGrid(state.result);
  const models = [...new Set(records(state.result.tables.forecast).map((row) => row.model))];
  const pinned = state.pinned ? forecastGrid(state.pinned.result) : null;
  const head = element("tr", {}, element("th", {}, "issue"), ...models.map((m) => element("th", {}, m)));
  const rows = [...grid.entries()].map(([issue, byModel]) => element("tr", { "data-issue": issue },
    element("td", {}, issue),
    ...models.map((model) => {
      const value = byModel.get(model);
      const cell = element("td", { "data-model": model }, number(value));
      const before = pinned?.get(issue)?.get(model);
      if (pinned && before !== undefined && value !== null && before !== null) {
        const delta = value - before;
        cell.append(element("div", { class: `delta ${delta > 0.05 ? "delta-up" : delta < -0.05 ? "delta-down" : ""}`,
          title: `A: ${number(before, 2)}` }, `${delta >= 0 ? "+" : ""}${number(delta)}`));
      }
      return cell;
    })));
  const parts = [element("table", {}, element("thead", {}, head), element("tbody", {}, ...rows))];
  if (state.pinned) parts.unshift(element("div", { id: "compare", class: "hint" }, ...compareLines()));
  $("forecasts").replaceChildren(...parts);
}

// What differs between the pinned run's scenario and this one: stances, capabilities, the request.
function compareLines() {
  const a = state.pinned.scenario;
  const b = state.scenario;
  const lines = [];
  for (const actor of b?.actors ?? []) {
    const before = a?.actors.find((x) => x.id === actor.id);
    if (!before) {
      lines.push(`${actor.id} added`);
      continue;
    }
    if (before.capability !== actor.capability) lines.push(`${actor.id} capability ${before.capability} → ${actor.capability}`);
    for (const [issue, stance] of Object.entries(actor.stances ?? {})) {
      const old = before.stances?.[issue];
      for (const field of ["position", "salience", "capability"]) {
        if (old?.[field] !== stance[field]) lines.push(`${actor.id} ${issue} ${field} ${old?.[field] ?? "–"} → ${stance[field] ?? "–"}`);
      }
    }
  }
  const seedA = state.pinned.result.run.seed;
  const seedB = state.result.run.seed;
  if (seedA !== seedB) lines.push(`seed ${seedA} → ${seedB}`);
  if (state.pinned.result.run.at !== state.result.run.at) lines.push(`at ${state.pinned.result.run.at} → ${state.result.run.at}`);
  const shown = lines.length === 0 ? ["A and B have the same stances, seed and date."] : lines.slice(0, 12);
  return [element("strong", {}, "Compared with the pinned run A (each cell: B, and B − A below): "), shown.join("; ")];
}

function renderChartControls() {
  const trajectories = records(state.result.tables.trajectories);
  const fill = (select, values) => {
    const keep = select.value;
    select.replaceChildren(...values.map((v) => element("option", { value: v }, v)));
    if (values.includes(keep)) select.value = keep;
  };
  const models = [...new Set(trajectories.map((r) => r.model))];
  const first = $("chart-model").value === "";
  fill($("chart-model"), models);
  fill($("chart-issue"), [...new Set(trajectories.map((r) => r.issue))]);
  // At first, the first model that moves over rounds (the closed-form ones have round 0 only).
  if (first) $("chart-model").value = models.find((m) => trajectories.some((r) => r.model === m && r.round > 0)) ?? models[0];
}

function renderChart() {
  const model = $("chart-model").value;
  const issue = $("chart-issue").value;
  const rows = records(state.result.tables.trajectories).filter((r) => r.model === model && r.issue === issue);
  const rounds = [...new Set(rows.map((r) => r.round))].sort((x, y) => x - y);
  const actors = [...new Set(rows.map((r) => r.actor))];
  const data = [rounds, ...actors.map((actor) => rounds.map((round) =>
    rows.find((r) => r.actor === actor && r.round === round)?.position ?? null))];
  const palette = ["#2457a6", "#b3261e", "#0a7a32", "#8a5a00", "#6a3fa0", "#00767a", "#a0366b", "#4d5b6b", "#c25b00", "#3d7a00"];
  const options = {
    width: Math.max(420, $("chart").clientWidth || 600),
    height: 280,
    scales: { x: { time: false } },
    axes: [{ label: "round" }, { label: issue }],
    series: [{ label: "round" }, ...actors.map((actor, i) => ({ label: actor, stroke: palette[i % palette.length], width: 1.5 }))],
  };
  state.chart?.destroy();
  $("chart").replaceChildren();
  state.chart = new uPlot(options, data, $("chart"));
}

function renderTableSelect() {
  const select = $("table-select");
  const names = Object.keys(state.result.tables).filter((name) => name !== "forecast" && name !== "trajectories");
  const keep = select.value;
  select.replaceChildren(...["forecast", "trajectories", ...names].map((n) => element("option", { value: n }, n)));
  select.value = names.includes(keep) || keep === "trajectories" ? keep : "forecast";
  renderModelTable();
}

function renderModelTable() {
  const table = state.result?.tables[$("table-select").value];
  $("model-table").replaceChildren(table ? htmlTable(table) : "");
}

// ---- Monte Carlo and sensitivity: jobs with a live progress bar and a cancel button

// The controls named PREFIX-samples, -start, -cancel, -progress, -percent and -summary run the job
// of `path` and show its result with `show(result)`.
function jobPanel(prefix, path, show) {
  const part = (name) => $(`${prefix}-${name}`);
  let job = null;
  const finish = (status) => {
    job = null;
    part("start").disabled = false;
    part("cancel").disabled = true;
    const summary = part("summary");
    if (status.state === "lost") {
      summary.replaceChildren(element("p", { class: "error" }, "the connection to the server was lost"));
    } else if (status.state === "cancelled") {
      summary.replaceChildren(element("p", { class: "hint" }, `${status.reason}: ${status.done} of ${status.total} samples were done.`));
    } else if (status.status !== 200) {
      summary.replaceChildren(element("p", { class: "error" }, status.result.error));
    } else {
      summary.replaceChildren(...show(status.result));
    }
  };
  part("start").addEventListener("click", async () => {
    const request = { ...runRequest(), samples: Number(part("samples").value) };
    const { status, body } = await call(path, { method: "POST", body: request });
    if (status !== 202) {
      part("summary").replaceChildren(element("p", { class: "error" }, body.error));
      return;
    }
    job = body.id;
    part("start").disabled = true;
    part("cancel").disabled = false;
    part("progress").value = 0;
    part("percent").textContent = "0 %";
    part("summary").replaceChildren(element("p", { class: "hint" }, "running…"));
    followJob(body.id, (status) => {
      const percent = status.total > 0 ? Math.floor((100 * status.done) / status.total) : 0;
      part("progress").value = percent;
      part("percent").textContent = `${percent} %`;
      if (["done", "cancelled", "lost"].includes(status.state)) finish(status);
    });
  });
  part("cancel").addEventListener("click", async () => {
    if (job) await call(`/api/jobs/${job}`, { method: "DELETE" });
  });
}

// Columns `keep` of a table, in that order.
function pick(table, keep) {
  const index = keep.map((c) => table.columns.indexOf(c));
  return { columns: keep, rows: table.rows.map((row) => index.map((i) => row[i])) };
}

function showMonteCarlo(result) {
  const summary = result.tables.mc_summary;
  const keep = ["model", "issue", "mean", "sd", "q05", "q50", "q95"].filter((c) => summary.columns.includes(c));
  const note = result.uncertain ? `${result.samples} samples`
    : `${result.samples} samples; the scenario has no uncertainty block, so every sample is the same scenario`;
  return [element("p", { class: "hint" }, note), htmlTable(pick(summary, keep))];
}

// The inputs that drive each forecast most: every (model, issue, input) by total index, largest first.
function showSensitivity(result) {
  const table = pick(result.tables.sensitivity, ["model", "issue", "input", "first", "total", "total_low", "total_high"]);
  table.rows.sort((a, b) => (b[4] ?? -1) - (a[4] ?? -1));
  return [element("p", { class: "hint" }, `${result.samples} base samples, ${result.evaluations} model runs; `
    + "the share of each forecast's variance due to an input, alone (first) or with others (total), largest first"),
  htmlTable(table, 40)];
}

// ---- download

async function download() {
  setStatus("preparing the run folder…");
  const response = await call("/api/download", { method: "POST", body: runRequest() });
  if (response.status !== 200) {
    setStatus(`the download failed: ${response.body.error}`);
    return;
  }
  const link = element("a", { href: URL.createObjectURL(response.blob), download: "parley-run.zip" });
  document.body.append(link);
  link.click();
  link.remove();
  setStatus("downloaded parley-run.zip");
}

// ---- views and start-up

function showView(view) {
  for (const tab of document.querySelectorAll(".tabs button")) tab.setAttribute("aria-selected", String(tab.dataset.view === view));
  $("yaml-view").hidden = view !== "yaml";
  $("table-view").hidden = view !== "table";
}

async function loadScenario(name) {
  const { status, body } = await call(`/api/scenarios/${encodeURIComponent(name)}`);
  if (status !== 200) {
    setStatus(body.error);
    return;
  }
  state.file = `${name}.yaml`;
  state.pinned = null;
  $("unpin").hidden = true;
  setText(body.yaml);
}

async function start() {
  if (!hasToken()) {
    setStatus("this page needs the address `parley serve` printed, with its ?token=");
    return;
  }
  const [scenarios, models] = await Promise.all([call("/api/scenarios"), call("/api/models")]);
  if (scenarios.status !== 200) {
    setStatus(scenarios.body.error);
    return;
  }
  const select = $("scenario-select");
  select.replaceChildren(...scenarios.body.scenarios.map((s) => element("option", { value: s.name }, s.name)));
  const first = scenarios.body.scenarios.find((s) => s.default) ?? scenarios.body.scenarios[0];
  select.value = first.name;
  select.addEventListener("change", () => loadScenario(select.value));
  $("model-list").replaceChildren(...["ensemble", ...models.body.models.map((m) => m.name)].map((name) =>
    element("label", {}, element("input", { type: "checkbox", value: name, checked: "" }), ` ${name}`)));
  $("model-list").addEventListener("change", () => $("auto-run").checked && runScenario());
  for (const tab of document.querySelectorAll(".tabs button")) tab.addEventListener("click", () => showView(tab.dataset.view));
  $("run").addEventListener("click", runScenario);
  $("download").addEventListener("click", download);
  $("chart-model").addEventListener("change", renderChart);
  $("chart-issue").addEventListener("change", renderChart);
  $("table-select").addEventListener("change", renderModelTable);
  jobPanel("mc", "/api/mc", showMonteCarlo);
  jobPanel("sa", "/api/sensitivity", showSensitivity);
  $("pin").addEventListener("click", () => {
    if (!state.result) return;
    state.pinned = { result: state.result, scenario: state.scenario };
    $("unpin").hidden = false;
    renderForecasts();
  });
  $("unpin").addEventListener("click", () => {
    state.pinned = null;
    $("unpin").hidden = true;
    renderForecasts();
  });
  await loadScenario(first.name);
}

// For tests and the browser's console: the editor's whole text (CodeMirror draws only what is in view).
window.workbench = { text };

start().catch((error) => setStatus(`the workbench could not start: ${error.message}`));
