// The exchange model's realised trades as a matrix of actors: cell (i, j) counts the exchanges between
// i and j over every round, shaded by their summed gain; hovering lists each trade, clicking one shows
// only its trades in the table below.

import { element, number, records } from "./tables.js";

export function exchangeMatrix(container, table, onPick) {
  const trades = records(table).filter((row) => row.i_actor && row.j_actor);
  if (trades.length === 0) {
    container.replaceChildren(element("p", { class: "hint" }, "No exchanges in this run (the exchange model did not run, or found no trade)."));
    return;
  }
  const actors = [...new Set(trades.flatMap((t) => [t.i_actor, t.j_actor]))].sort();
  const cells = new Map();
  for (const trade of trades) {
    const [a, b] = [trade.i_actor, trade.j_actor].sort();
    const key = `${a} ${b}`;
    if (!cells.has(key)) cells.set(key, { count: 0, gain: 0, lines: [] });
    const cell = cells.get(key);
    cell.count += 1;
    cell.gain += trade.gain ?? 0;
    // A side's vote is its start plus its move: where it ends up on the issue it gives ground on.
    cell.lines.push(`round ${trade.round}: ${trade.i_actor} gives ground on ${trade.i_supply_issue} `
      + `(${number(trade.i_start)} → ${number(trade.i_vote)}), ${trade.j_actor} on ${trade.j_supply_issue} `
      + `(${number(trade.j_start)} → ${number(trade.j_vote)}); gain ${number(trade.gain, 2)}`);
  }
  const most = Math.max(...[...cells.values()].map((c) => c.gain));
  const head = element("tr", {}, element("th", {}, ""), ...actors.map((a) => element("th", {}, a)));
  const rows = actors.map((row) => element("tr", {}, element("th", {}, row), ...actors.map((column) => {
    const [a, b] = [row, column].sort();
    const cell = row === column ? null : cells.get(`${a} ${b}`);
    if (!cell) return element("td", { class: "hint" }, "");
    const shade = most > 0 ? 0.12 + 0.75 * (cell.gain / most) : 0.3;
    const td = element("td", {
      class: "trade", title: cell.lines.join("\n"), "data-pair": `${a} ${b}`,
      style: `background: rgba(36, 87, 166, ${shade.toFixed(2)}); color: ${shade > 0.5 ? "#fff" : "inherit"}`,
      onclick: () => onPick(a, b),
    }, String(cell.count));
    return td;
  })));
  container.replaceChildren(
    element("p", { class: "hint" }, `${trades.length} exchanges; each cell counts a pair's trades, shaded by their summed gain. `
      + "Hover for the trades; click to list them below."),
    element("table", { class: "matrix" }, element("thead", {}, head), element("tbody", {}, ...rows)));
}
