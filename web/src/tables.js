// HTML tables from the API's {columns, rows}, and the small formatting helpers the views share.

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child));
  return node;
}

export function number(value, digits = 1) {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : Number(value).toFixed(digits);
}

// Rows of {columns, rows} as objects keyed by column name.
export function records(table) {
  if (!table) return [];
  return table.rows.map((row) => Object.fromEntries(table.columns.map((name, i) => [name, row[i]])));
}

// The table itself, at most `limit` rows (with a line saying how many were left out).
export function htmlTable(table, limit = 400) {
  const head = element("tr", {}, ...table.columns.map((name) => element("th", {}, name)));
  const body = table.rows.slice(0, limit).map((row) =>
    element("tr", {}, ...row.map((cell) => element("td", { class: typeof cell === "number" ? "" : "text" },
      cell === null ? "" : typeof cell === "number" ? String(Math.round(cell * 1e6) / 1e6) : String(cell)))));
  const result = element("div", {}, element("table", {}, element("thead", {}, head), element("tbody", {}, ...body)));
  if (table.rows.length > limit) {
    result.append(element("p", { class: "hint" }, `${table.rows.length - limit} more rows in the downloaded folder`));
  }
  return result;
}
