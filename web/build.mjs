// Bundles the workbench page into OUTDIR (default dist/): index.html, app.js, app.css. CMake runs it
// and compiles the three files into parley-serve; nothing is fetched when the page runs.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, "dist"));
await mkdir(out, { recursive: true });
await build({
  absWorkingDir: here,
  entryPoints: { app: "src/main.js" },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  outdir: out,
  legalComments: "eof",
  logLevel: "warning",
});
await copyFile(join(here, "src/index.html"), join(out, "index.html"));
