import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/format.ts
function formatNs(ns) {
  const abs = Math.abs(ns);
  if (abs === 0) return "0 ns";
  if (abs < 1) return `${trim(ns.toPrecision(2))} ns`;
  if (abs < 1e3) return `${trim(ns.toPrecision(3))} ns`;
  if (abs < 1e6) return `${trim((ns / 1e3).toPrecision(3))} µs`;
  if (abs < 1e9) return `${trim((ns / 1e6).toPrecision(3))} ms`;
  return `${trim((ns / 1e9).toPrecision(3))} s`;
}
__name(formatNs, "formatNs");
function formatDeltaNs(ns) {
  if (ns === 0) return "±0 ns";
  return ns > 0 ? `+${formatNs(ns)}` : `−${formatNs(-ns)}`;
}
__name(formatDeltaNs, "formatDeltaNs");
function trim(s) {
  const n = Number(s);
  return String(n);
}
__name(trim, "trim");
function formatPercent(fraction, signed = true) {
  if (!Number.isFinite(fraction)) return fraction > 0 ? "+∞" : fraction < 0 ? "−∞" : "–";
  const pct = fraction * 100;
  const digits = Math.abs(pct) >= 100 ? 0 : 1;
  const text = Math.abs(pct).toFixed(digits);
  if (!signed) return `${fraction < 0 ? "−" : ""}${text}%`;
  return `${pct > 0 && text !== 0 .toFixed(digits) ? "+" : pct < 0 && text !== 0 .toFixed(digits) ? "−" : "±"}${text}%`;
}
__name(formatPercent, "formatPercent");
function formatInterval(ci) {
  if (!Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) return "unknown";
  return `${formatPercent(ci[0])} … ${formatPercent(ci[1])}`;
}
__name(formatInterval, "formatInterval");
function shortSha(sha) {
  return sha.slice(0, 7);
}
__name(shortSha, "shortSha");
function formatSeconds(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "–";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${String(s % 60).padStart(2, "0")} s` : ""}`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor(s % 3600 / 60)).padStart(2, "0")} min`;
}
__name(formatSeconds, "formatSeconds");
function formatBytes(bytes) {
  const abs = Math.abs(bytes);
  if (abs < 1024) return `${trim(bytes.toPrecision(3))} B`;
  if (abs < 1024 ** 2) return `${trim((bytes / 1024).toPrecision(3))} KiB`;
  if (abs < 1024 ** 3) return `${trim((bytes / 1024 ** 2).toPrecision(3))} MiB`;
  return `${trim((bytes / 1024 ** 3).toPrecision(3))} GiB`;
}
__name(formatBytes, "formatBytes");
function formatDeltaBytes(bytes) {
  if (bytes === 0) return "±0 B";
  return bytes > 0 ? `+${formatBytes(bytes)}` : `−${formatBytes(-bytes)}`;
}
__name(formatDeltaBytes, "formatDeltaBytes");
var QUANTITIES = { alloc_space: "allocated bytes" };
function valueKindOf(sampleType, perOp) {
  const quantity = QUANTITIES[sampleType.type];
  return quantity !== void 0 && sampleType.unit === "bytes" ? { unit: sampleType.unit, perOp, quantity } : { unit: sampleType.unit, perOp };
}
__name(valueKindOf, "valueKindOf");
function baseUnit(unit) {
  if (unit === "nanoseconds" || unit === "ns") return "ns";
  if (unit === "bytes") return "bytes";
  if (unit === "count" || unit === "samples") return "samples";
  return "other";
}
__name(baseUnit, "baseUnit");
function formatValue(value, kind) {
  switch (baseUnit(kind.unit)) {
    case "ns":
      return formatNs(value);
    case "bytes":
      return formatBytes(value);
    default:
      return countOf(value, kind.unit);
  }
}
__name(formatValue, "formatValue");
function formatDeltaValue(value, kind) {
  switch (baseUnit(kind.unit)) {
    case "ns":
      return formatDeltaNs(value);
    case "bytes":
      return formatDeltaBytes(value);
    default:
      if (value === 0) return `±${countOf(0, kind.unit)}`;
      return value > 0 ? `+${countOf(value, kind.unit)}` : `−${countOf(-value, kind.unit)}`;
  }
}
__name(formatDeltaValue, "formatDeltaValue");
function perOpSuffix(kind) {
  return kind.perOp ? "/op" : "";
}
__name(perOpSuffix, "perOpSuffix");
function quantityOf(kind) {
  if (kind.quantity !== void 0) return kind.quantity;
  const base = baseUnit(kind.unit);
  return base === "ns" ? "time" : base === "other" ? kind.unit : base;
}
__name(quantityOf, "quantityOf");
function countOf(value, unit) {
  const abs = Math.abs(value);
  const text = abs >= 100 ? String(Math.round(value)) : trim(value.toPrecision(3));
  const name = baseUnit(unit) === "samples" ? Math.abs(Number(text)) === 1 ? "sample" : "samples" : unit;
  return name ? `${text} ${name}` : text;
}
__name(countOf, "countOf");
function plural(count, singular, pluralForm = `${singular}s`) {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
__name(plural, "plural");
function namesWithFiles(items) {
  const filesByName = /* @__PURE__ */ new Map();
  for (const { name, file } of items) {
    if (!file) continue;
    const files = filesByName.get(name);
    if (files) files.add(file);
    else filesByName.set(name, /* @__PURE__ */ new Set([file]));
  }
  const shown = /* @__PURE__ */ new Map();
  for (const [name, files] of filesByName) {
    if (files.size < 2) continue;
    const all = [...files].map((file) => file.split("/"));
    for (const parts of all) {
      const tail = /* @__PURE__ */ __name((segments, k2) => segments.slice(-k2).join("/"), "tail");
      let k = 1;
      while (k < parts.length && all.some((other) => other !== parts && tail(other, k) === tail(parts, k)))
        k++;
      shown.set(`${name}\0${parts.join("/")}`, `${name} (${tail(parts, k)})`);
    }
  }
  return items.map(({ name, file }) => shown.get(`${name}\0${file}`) ?? name);
}
__name(namesWithFiles, "namesWithFiles");

export {
  formatNs,
  formatDeltaNs,
  formatPercent,
  formatInterval,
  shortSha,
  formatSeconds,
  formatBytes,
  formatDeltaBytes,
  valueKindOf,
  formatValue,
  formatDeltaValue,
  perOpSuffix,
  quantityOf,
  plural,
  namesWithFiles
};
