import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  flameFunctions,
  mergeSides,
  renderFlameHtml,
  renderFlameSvg,
  renderFlameText,
  shortenMiddle
} from "./cli-chunk-QALXH7AD.js";
import {
  formatDeltaValue,
  formatPercent,
  formatValue,
  valueKindOf
} from "./cli-chunk-DZIVBFCG.js";
import "./cli-chunk-2RKV4GHC.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/diff-output.ts
import { writeFileSync } from "node:fs";

// src/flame/align.ts
function alignSides(base, head) {
  const roots = sideRoots(codeFiles(base.keys), codeFiles(head.keys));
  if (!roots) return { base, head };
  const baseKeys = base.keys.map((k) => below(k, roots.base));
  const headKeys = head.keys.map((k) => below(k, roots.head));
  if (pairedKeys(baseKeys, headKeys) <= pairedKeys(base.keys, head.keys)) return { base, head };
  return { base: { ...base, keys: baseKeys }, head: { ...head, keys: headKeys }, roots };
}
__name(alignSides, "alignSides");
function sideRoots(baseFiles, headFiles) {
  const a = commonFolder(baseFiles);
  const b = commonFolder(headFiles);
  if (!a || !b) return void 0;
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  if (same === a.length || same === b.length) return void 0;
  return { base: a.slice(0, same + 1).join("/"), head: b.slice(0, same + 1).join("/") };
}
__name(sideRoots, "sideRoots");
function codeFiles(keys) {
  const files = [];
  for (const k of keys) {
    if (k.collapsed || !k.file || k.kind !== "user" && k.kind !== "dependency") continue;
    if (k.file.startsWith("node:")) continue;
    files.push(k.file);
  }
  return files;
}
__name(codeFiles, "codeFiles");
function commonFolder(files) {
  let common;
  for (const file of files) {
    const folders = file.split("/").slice(0, -1);
    if (!common) {
      common = folders;
      continue;
    }
    let n = 0;
    while (n < common.length && n < folders.length && common[n] === folders[n]) n++;
    common.length = n;
  }
  return common;
}
__name(commonFolder, "commonFolder");
function below(k, root) {
  if (k.collapsed || !k.file.startsWith(`${root}/`)) return k;
  const file = k.file.slice(root.length + 1);
  return { ...k, file, key: `${k.name}\0${file}` };
}
__name(below, "below");
function pairedKeys(base, head) {
  const headKeys = new Set(head.map((k) => k.key));
  let n = 0;
  for (const k of new Set(base.map((k2) => k2.key))) if (headKeys.has(k)) n++;
  return n;
}
__name(pairedKeys, "pairedKeys");

// src/cli/diff-output.ts
function writeOutputs(base, head, formats, o, io) {
  const aligned = alignSides(base.stacks, head.stacks);
  const tree = mergeSides(aligned.base, aligned.head);
  const title = o.title ?? `Flame graph delta: ${o.basePath} → ${o.headPath}`;
  const perOp = base.profile.ops > 1 || head.profile.ops > 1;
  const written = [];
  try {
    if (o.svg) {
      writeFileSync(o.svg, renderFlameSvg(tree, { title, perOp }));
      written.push(o.svg);
    }
    if (o.html) {
      writeFileSync(o.html, renderFlameHtml(tree, { title, repoUrl: o.repoUrl, headSha: o.sha, perOp }));
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
    io.stdout(renderFlameText(tree, { maxChars: o.maxChars, title: o.title, perOp }));
  } else {
    io.stdout(summary(tree, base.profile, head.profile, formats, o.top, aligned.roots));
  }
  for (const file of written) io.stderr(`wrote ${file}
`);
  return 0;
}
__name(writeOutputs, "writeOutputs");
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
function summary(tree, base, head, formats, top, roots) {
  const out = [];
  const unit = tree.sampleType.unit;
  const kind = valueKindOf(tree.sampleType, false);
  const value = /* @__PURE__ */ __name((v) => formatValue(v, kind), "value");
  const deltaOf = /* @__PURE__ */ __name((v) => formatDeltaValue(v, kind), "deltaOf");
  const perOp = /* @__PURE__ */ __name((p) => p.ops > 1 ? `/op over ${p.ops} ops` : " in total (no op count in the profile)", "perOp");
  const delta = tree.headTotal - tree.baseTotal;
  const pct = tree.baseTotal > 0 ? ` (${formatPercent(delta / tree.baseTotal)})` : "";
  out.push(`base: ${value(tree.baseTotal)}${perOp(base)}, ${tree.baseSamples} samples, ${formats[0]}`);
  out.push(`head: ${value(tree.headTotal)}${perOp(head)}, ${tree.headSamples} samples, ${formats[1]}`);
  out.push(`change: ${deltaOf(delta)}${pct}`);
  if (roots) out.push(`files compared by their path below ${roots.base} (base) and ${roots.head} (head)`);
  const fns = flameFunctions(tree).filter((f) => f.headSelf !== f.baseSelf);
  if (top > 0 && fns.length > 0) {
    out.push("");
    const what = unit === "nanoseconds" ? "self time" : `self ${unit === "count" ? "samples" : unit}`;
    out.push(`Largest changes of ${what}${base.ops > 1 || head.ops > 1 ? " per op" : ""}:`);
    const rows = fns.slice(0, top).map((f) => {
      const d = f.headSelf - f.baseSelf;
      const rel = f.baseSelf > 0 ? formatPercent(d / f.baseSelf) : "new";
      const where = f.file ? `${f.file}${f.line > 0 ? `:${f.line}` : ""}` : f.kind;
      return [deltaOf(d), rel, value(f.baseSelf), value(f.headSelf), shortenMiddle(f.name, 80), where];
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
  diffRows,
  unitOf,
  writeOutputs
};
