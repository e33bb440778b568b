// Browser tests of the workbench: parley-serve on a free port, Debian's Chromium driven by
// playwright-core (no browser download). Run by ctest (tests/CMakeLists.txt) as
//   node --test web/tests/   with PARLEY_SERVE=path/to/parley-serve [PARLEY_CHROMIUM=/usr/bin/chromium]
// Every check is on the page's DOM; each test also saves a screenshot beside the build for people.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const server = process.env.PARLEY_SERVE;
const browserPath = process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";
const shots = process.env.PARLEY_SCREENSHOTS ?? "workbench-screenshots";
let serve;
let url;
let browser;

before(async () => {
  assert.ok(server, "PARLEY_SERVE must name the parley-serve binary");
  serve = spawn(server, ["--port", "0", "--jobs", "2"], { stdio: ["ignore", "pipe", "inherit"] });
  let printed = "";
  serve.stdout.setEncoding("utf8");
  while (!/http:\/\/\S+token=\w+/.test(printed)) {
    const [chunk] = await once(serve.stdout, "data");
    printed += chunk;
  }
  url = printed.match(/http:\/\/\S+token=\w+/)[0];
  browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox", "--disable-gpu"] });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  serve?.kill("SIGTERM");
});

// A page on the workbench, once the first forecast is shown.
async function openWorkbench() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(url);
  await page.waitForSelector("#headline tbody tr");
  page.problems = problems;
  return page;
}

async function headline(page, issue) {
  return Number(await page.textContent(`#headline tr[data-issue="${issue}"] td.forecast`));
}

async function editStance(page, actor, issue, field, value) {
  await page.click('.tabs button[data-view="table"]');
  const input = page.locator(`#stance-table tr[data-actor="${actor}"] td[data-issue="${issue}"] input[data-field="${field}"]`);
  await input.fill(String(value));
  await input.press("Enter");
  return input;
}

test("the default scenario's headline and every model's forecast are shown", async () => {
  const page = await openWorkbench();
  assert.equal(await page.locator("#headline tbody tr").count(), 6);
  const models = await page.locator("#forecasts thead th").allTextContents();
  for (const model of ["ensemble", "compromise", "eum", "exchange", "smp"]) assert.ok(models.includes(model), model);
  assert.match(await page.textContent("#run-status"), /forecast of pakistan-2023\.yaml at 2023-01-05/);
  const canvas = await page.locator("#chart canvas").boundingBox();
  assert.ok(canvas.width > 100 && canvas.height > 100, "the trajectory chart is drawn");
  await page.screenshot({ path: `${shots}/workbench.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("changing PAK's airspace position in the table changes the forecast", async () => {
  const page = await openWorkbench();
  const before = await headline(page, "us_airspace");
  await page.click("#pin");
  const started = Date.now();
  await editStance(page, "PAK", "us_airspace", "position", 90);
  await page.waitForFunction((old) => {
    const cell = document.querySelector('#headline tr[data-issue="us_airspace"] td.forecast');
    return cell && Number(cell.textContent) !== old;
  }, before);
  const after = await headline(page, "us_airspace");
  console.log(`# from the edit to the new forecast on the page: ${Date.now() - started} ms`);
  assert.ok(after > before, `the airspace forecast moves towards PAK's new position (${before} → ${after})`);
  assert.match(await page.textContent("#compare"), /PAK us_airspace position 35 → 90/);
  assert.match(await page.evaluate(() => window.workbench.text()), /us_airspace: \{position: 90, salience: 0\.5, capability: 1\.0/);
  await page.screenshot({ path: `${shots}/compare.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the exchanges matrix lists the trades of a pair", async () => {
  const page = await openWorkbench();
  const cell = page.locator("#exchanges td.trade").first();
  const count = Number(await cell.textContent());
  const [a, b] = (await cell.getAttribute("data-pair")).split(" ");
  assert.ok(count > 0);
  assert.match(await cell.getAttribute("title"), new RegExp(`round \\d+: (${a}|${b}) gives ground on`));
  await cell.click();
  assert.equal(await page.locator("#model-table tbody tr").count(), count);
  assert.equal(await page.inputValue("#table-select"), "exchanges");
  await page.close();
});

test("a bad salience shows a located error", async () => {
  const page = await openWorkbench();
  await editStance(page, "PAK", "us_airspace", "salience", 1.7);
  const error = page.locator("#diagnostics .error").first();
  await error.waitFor();
  const text = await error.textContent();
  assert.match(text, /actors\[1\]\.stances\.us_airspace\.salience/);
  const line = Number(await error.getAttribute("data-line"));
  const source = await page.evaluate(() => window.workbench.text());
  assert.match(source.split("\n")[line - 1], /us_airspace: \{position: 35, salience: 1\.7/);
  assert.match(await page.textContent("#run-status"), /1 error in the scenario/);
  await error.locator("button").click();  // jumps to the line in the editor, which marks it
  await page.waitForSelector("#editor .cm-lint-marker-error");
  await page.screenshot({ path: `${shots}/error.png`, fullPage: true });
  await page.close();
});

test("Monte Carlo progress reaches 100 % and the summary is shown", async () => {
  const page = await openWorkbench();
  await page.fill("#mc-samples", "300");
  await page.click("#mc-start");
  await page.waitForSelector("#mc-summary table", { timeout: 60000 });
  assert.equal(await page.textContent("#mc-percent"), "100 %");
  assert.ok((await page.locator("#mc-summary tbody tr").count()) > 6);
  await page.screenshot({ path: `${shots}/monte-carlo.png`, fullPage: true });
  await page.close();
});

test("sensitivity progress reaches 100 % and the drivers are listed", async () => {
  const page = await openWorkbench();
  await page.fill("#sa-samples", "12");
  await page.click("#sa-start");
  await page.waitForSelector("#sa-summary table", { timeout: 60000 });
  assert.equal(await page.textContent("#sa-percent"), "100 %");
  const inputs = await page.locator("#sa-summary tbody tr td:nth-child(3)").allTextContents();
  assert.ok(inputs.length > 10 && inputs.every((input) => input.length > 0));
  await page.close();
});

test("a Monte Carlo run can be cancelled", async () => {
  const page = await openWorkbench();
  await page.fill("#mc-samples", "1000000");
  await page.click("#mc-start");
  await page.waitForFunction(() => Number(document.querySelector("#mc-progress").value) >= 0 &&
    !document.querySelector("#mc-cancel").disabled);
  await page.click("#mc-cancel");
  await page.waitForFunction(() => /cancelled/.test(document.querySelector("#mc-summary").textContent));
  assert.equal(await page.isDisabled("#mc-start"), false);
  await page.close();
});
