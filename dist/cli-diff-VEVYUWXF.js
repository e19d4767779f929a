import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  prepareBoth
} from "./cli-chunk-Z5XSCK7O.js";
import {
  FORMAT_NAMES,
  incomparable
} from "./cli-chunk-ZIEQGWPN.js";
import {
  flameFunctions,
  formatDeltaNs,
  formatNs,
  formatPercent,
  mergeSides,
  renderFlameHtml,
  renderFlameSvg,
  renderFlameText
} from "./cli-chunk-2B2HUTZC.js";
import "./cli-chunk-LY4D7BNO.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/diff.ts
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
var DIFF_USAGE = `Usage: flamegate diff <base> <head> [options]

Compares two profiles frame by frame and prints the functions whose self time changed most. Reads
pprof (gzipped or not), .cpuprofile (node --cpu-prof, Chrome DevTools) and folded stacks
("main;parse;lex 42" lines, from perf or 0x), told apart by their content. Values are per operation
when pprof profiles carry a flamegate.ops=N comment (as flamegate's own do).
  --json <file>         write the function rows (name, file, line, baseSelf, headSelf, delta, unit)
  --svg <file>          write an interactive SVG flame graph delta
  --html <file>         write a self-contained HTML viewer
  --text                print the Markdown section (as in the PR comment) instead of the summary
  --max-chars <n>       budget of the Markdown section (default 6000)
  --collapse <list>     merge frames: deps (one node per package), node (Node internals)
  --value-type <type>   sample type to read, e.g. wall, cpu, alloc_space (default: the profile's time type)
  --repo-url <url>      with --sha, link functions to their source in the HTML viewer
  --sha <sha>           head commit for source links
  --title <text>        title of the outputs
  --top <n>             functions in the summary (default 15)

Exit codes: 0 done, 2 usage error, unreadable profile, or profiles of different sample types.`;
var DiffUsageError = class extends Error {
  static {
    __name(this, "DiffUsageError");
  }
};
async function runDiff(argv, io) {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`flamegate diff: ${error.message}

${DIFF_USAGE}
`);
    return 2;
  }
  if (parsed === "help") {
    io.stdout(`${DIFF_USAGE}
`);
    return 0;
  }
  const o = parsed;
  let base;
  let head;
  try {
    const job = /* @__PURE__ */ __name((path, side) => ({
      path,
      side,
      collapse: o.collapse,
      roots: [process.cwd()],
      ...o.valueType ? { valueType: o.valueType } : {}
    }), "job");
    [base, head] = await prepareBoth(job(o.basePath, "base"), job(o.headPath, "head"));
    const refused = incomparable(base, head);
    if (refused) throw new Error(refused);
  } catch (error) {
    io.stderr(`flamegate diff: ${error.message}
`);
    return 2;
  }
  const formats = [FORMAT_NAMES[base.format], FORMAT_NAMES[head.format]];
  const tree = mergeSides(base.stacks, head.stacks);
  const title = o.title ?? `Flame graph delta: ${o.basePath} → ${o.headPath}`;
  const written = [];
  try {
    if (o.svg) {
      writeFileSync(o.svg, renderFlameSvg(tree, { title }));
      written.push(o.svg);
    }
    if (o.html) {
      writeFileSync(o.html, renderFlameHtml(tree, { title, repoUrl: o.repoUrl, headSha: o.sha }));
      written.push(o.html);
    }
    if (o.json) {
      writeFileSync(o.json, `${JSON.stringify(diffRows(tree, base.profile, head.profile), null, 2)}
`);
      written.push(o.json);
    }
  } catch (error) {
    io.stderr(`flamegate diff: cannot write output: ${error.message}
`);
    return 2;
  }
  if (o.text) {
    io.stdout(renderFlameText(tree, { maxChars: o.maxChars, title: o.title }));
  } else {
    io.stdout(summary(tree, base.profile, head.profile, formats, o.top));
  }
  for (const file of written) io.stderr(`wrote ${file}
`);
  return 0;
}
__name(runDiff, "runDiff");
function parse(argv) {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        svg: { type: "string" },
        html: { type: "string" },
        json: { type: "string" },
        text: { type: "boolean" },
        "max-chars": { type: "string" },
        collapse: { type: "string" },
        "value-type": { type: "string" },
        "repo-url": { type: "string" },
        sha: { type: "string" },
        title: { type: "string" },
        top: { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    }));
  } catch (error) {
    throw new DiffUsageError(error.message);
  }
  if (values.help) return "help";
  if (positionals.length !== 2) {
    throw new DiffUsageError(`expected two profiles, base and head; got ${positionals.length}`);
  }
  const collapse = {};
  if (typeof values.collapse === "string") {
    for (const item of values.collapse.split(",").map((s) => s.trim()).filter(Boolean)) {
      if (item === "deps" || item === "dependencies") collapse.dependencies = true;
      else if (item === "node") collapse.node = true;
      else throw new DiffUsageError(`--collapse takes deps and/or node, not "${item}"`);
    }
  }
  const int = /* @__PURE__ */ __name((name, fallback, min) => {
    const raw = values[name];
    if (raw === void 0) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new DiffUsageError(`--${name} must be an integer ≥ ${min}, not "${raw}"`);
    return n;
  }, "int");
  if (values["repo-url"] === void 0 !== (values.sha === void 0)) {
    throw new DiffUsageError("--repo-url and --sha go together");
  }
  const str = /* @__PURE__ */ __name((name) => typeof values[name] === "string" ? values[name] : void 0, "str");
  return {
    basePath: positionals[0],
    headPath: positionals[1],
    svg: str("svg"),
    html: str("html"),
    json: str("json"),
    text: values.text === true,
    maxChars: int("max-chars", 6e3, 1),
    collapse,
    valueType: str("value-type"),
    repoUrl: str("repo-url"),
    sha: str("sha"),
    title: str("title"),
    top: int("top", 15, 0)
  };
}
__name(parse, "parse");
function unitOf(base, head) {
  const unit = head.sampleType.unit;
  const name = unit === "nanoseconds" ? "ns" : unit === "count" ? "samples" : unit;
  return base.ops > 1 || head.ops > 1 ? `${name}/op` : name;
}
__name(unitOf, "unitOf");
function diffRows(tree, base, head) {
  const unit = unitOf(base, head);
  return flameFunctions(tree).filter((f) => f.headSelf !== 0 || f.baseSelf !== 0).map((f) => ({
    name: f.name,
    file: f.file,
    line: f.line,
    baseSelf: f.baseSelf,
    headSelf: f.headSelf,
    delta: f.headSelf - f.baseSelf,
    unit
  }));
}
__name(diffRows, "diffRows");
function formatValue(value, unit, signed) {
  if (unit === "nanoseconds") return signed ? formatDeltaNs(value) : formatNs(value);
  const sign = signed ? value > 0 ? "+" : value < 0 ? "−" : "±" : value < 0 ? "−" : "";
  const abs = Math.abs(value);
  const text = abs >= 100 || Number.isInteger(abs) ? String(Math.round(abs)) : abs.toPrecision(3);
  const name = unit === "count" ? "samples" : unit;
  return `${sign}${text} ${name}`;
}
__name(formatValue, "formatValue");
function summary(tree, base, head, formats, top) {
  const out = [];
  const unit = head.sampleType.unit;
  const value = /* @__PURE__ */ __name((v) => formatValue(v, unit, false), "value");
  const deltaOf = /* @__PURE__ */ __name((v) => formatValue(v, unit, true), "deltaOf");
  const perOp = /* @__PURE__ */ __name((p) => p.ops > 1 ? `/op over ${p.ops} ops` : " in total (no op count in the profile)", "perOp");
  const delta = tree.headTotal - tree.baseTotal;
  const pct = tree.baseTotal > 0 ? ` (${formatPercent(delta / tree.baseTotal)})` : "";
  out.push(`base: ${value(tree.baseTotal)}${perOp(base)}, ${tree.baseSamples} samples, ${formats[0]}`);
  out.push(`head: ${value(tree.headTotal)}${perOp(head)}, ${tree.headSamples} samples, ${formats[1]}`);
  out.push(`change: ${deltaOf(delta)}${pct}`);
  const fns = flameFunctions(tree).filter((f) => f.headSelf !== f.baseSelf);
  if (top > 0 && fns.length > 0) {
    out.push("");
    const what = unit === "nanoseconds" ? "self time" : `self ${unit === "count" ? "samples" : unit}`;
    out.push(`Largest changes of ${what}${base.ops > 1 || head.ops > 1 ? " per op" : ""}:`);
    const rows = fns.slice(0, top).map((f) => {
      const d = f.headSelf - f.baseSelf;
      const rel = f.baseSelf > 0 ? formatPercent(d / f.baseSelf) : "new";
      const where = f.file ? `${f.file}${f.line > 0 ? `:${f.line}` : ""}` : f.kind;
      return [deltaOf(d), rel, value(f.baseSelf), value(f.headSelf), f.name, where];
    });
    const header = ["Δ self", "Δ %", "base", "head", "function", "where"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const fmt = /* @__PURE__ */ __name((r) => r.map(
      (c, i) => i < 4 ? c.padStart(widths[i]) : i === 4 ? c.padEnd(widths[i]) : c
    ).join("  ").trimEnd(), "fmt");
    out.push(`  ${fmt(header)}`);
    for (const r of rows) out.push(`  ${fmt(r)}`);
    if (fns.length > top) out.push(`  … ${fns.length - top} more changed functions`);
  } else if (fns.length === 0) {
    out.push("No function changed its self time.");
  }
  return `${out.join("\n")}
`;
}
__name(summary, "summary");
export {
  DIFF_USAGE,
  diffRows,
  runDiff,
  unitOf
};
