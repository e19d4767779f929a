// Source positions for frames of transformed code. Vite's module runner, a loader, or a bundler
// (dist/) runs code whose lines are not the source's: a function at :77 in a .ts file runs at :42.
// The child runner maps each profiled frame back through the code's source map before it writes
// the pprof file, so everything downstream (the profile model, "changed in this PR", links and the
// file + name identity of a function) sees source positions and each profile is still decoded once.
// The child is the place for it: Vite's maps exist only in its memory, it alone knows what code ran,
// and V8 gives it each function's start column, which a pprof Function (a line only) has lost.
//
// Where a file's map comes from, first found wins:
// 1. the code Vite's module runner compiled (the evaluator in vitest/load.ts hands it over): Vite
//    appends the module's map as an inline `//# sourceMappingURL=data:…` comment;
// 2. Node's own cache (`module.findSourceMap`), which holds the maps of code a loader transformed
//    when source maps are enabled (`--enable-source-maps`); flamegate does not enable them itself,
//    as that changes how the measured code's errors are formatted;
// 3. the script as V8 compiled it: a loader's hook (an `--import` of the repository's execArgv that
//    transpiles .ts with esbuild, say) hands V8 code with an inline map that is nowhere on disk. V8
//    keeps each script's `sourceMappingURL`, and the inspector lists them when its Debugger domain is
//    enabled; flamegate enables it for that one synchronous call, as a profile is written (after the
//    benchmark's measured slices, never during them), then disables it;
// 4. the file on disk: a `//# sourceMappingURL=` comment on its last line, inline or a .map file
//    (a bundled dist/).
// Node's `module.SourceMap` reads the mappings: it is in every supported Node, and the small maps
// seen here need nothing more. What the pull request can plant is bounded: only files inside a
// checkout and outside node_modules are mapped (a dependency's change is judged by its version), a
// map file is read only inside the same checkout and below a size cap, a map's sources that resolve
// outside that checkout are not used (no frame names or links a file outside it), and every failure
// (malformed JSON, bad mappings, a missing file) leaves the generated position as it was.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { Session } from 'node:inspector';
import { findSourceMap, SourceMap } from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SOURCE_MAP_LIMITS = {
  /** A map's JSON (a .map file, or an inline data URL once decoded). */
  mapBytes: 16 * 1024 * 1024,
  /**
   * A map's `mappings`: Node's SourceMap keeps about 27 bytes of heap per character, held for the
   * rest of the process, so the measured code shares its heap with at most a few hundred MB of it.
   */
  mappingsChars: 2 * 1024 * 1024,
  /** All maps' `mappings` in one process. */
  totalMappingsChars: 8 * 1024 * 1024,
};

/** A generated position, 0-based like the inspector's call frames. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

/**
 * The URL of a script's source map: the `//# sourceMappingURL=` comment on its last non-empty line
 * (where bundlers and Vite put it, and where the source map spec looks), or undefined.
 */
export function sourceMappingUrl(code: string): string | undefined {
  const text = code.trimEnd();
  const last = text.slice(text.lastIndexOf('\n') + 1);
  const match = /^\s*\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/.exec(last);
  return match?.[1];
}

/** The JSON text of a `data:` URL (base64 or percent-encoded), or undefined when it is too large or malformed. */
export function dataUrlText(url: string, maxBytes = SOURCE_MAP_LIMITS.mapBytes): string | undefined {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) return undefined;
  const meta = url.slice(5, comma);
  const data = url.slice(comma + 1);
  if (!/^application\/json\b/i.test(meta)) return undefined;
  if (/;base64$/i.test(meta)) {
    if ((data.length * 3) / 4 > maxBytes) return undefined;
    return Buffer.from(data, 'base64').toString('utf8');
  }
  if (data.length > maxBytes) return undefined;
  try {
    return decodeURIComponent(data);
  } catch {
    return undefined;
  }
}

/** `path` is `root` or below it (both absolute, normalized). */
export function isInside(path: string, root: string): boolean {
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  return path === root || path.startsWith(prefix);
}

/** The part of `path` below `root` holds no node_modules folder: the repository's own code. */
function isOwnCode(path: string, root: string): boolean {
  return !path.slice(root.length).split(sep).includes('node_modules');
}

/** The smallest slice of SourceMap that `originalLine` reads (tests pass their own). */
export type FindEntry = Pick<SourceMap, 'findEntry'>;

/**
 * A parsed map: Node's SourceMap over `sources` already resolved to absolute paths inside the
 * checkout ('' for a source that is not).
 */
export interface ParsedMap {
  map: FindEntry;
  sources: string[];
}

/**
 * Parses a map's JSON. `mapUrl` is where it was found (the map file, or the script for an inline
 * map): relative sources resolve against it. Sources that do not resolve to a file in `root`'s own
 * code become '' and are never used. Undefined when the map is malformed, an index map (`sections`,
 * which bundlers of one file do not write) or over the caps; `budget.chars` is what is left of the
 * process's allowance of mappings, taken from when the map is accepted.
 */
export function parseSourceMap(
  text: string,
  mapUrl: string,
  root: string,
  budget: { chars: number } = { chars: SOURCE_MAP_LIMITS.totalMappingsChars },
): ParsedMap | undefined {
  if (text.length > SOURCE_MAP_LIMITS.mapBytes) return undefined;
  try {
    return sourceMapOf(JSON.parse(text), mapUrl, root, budget);
  } catch {
    return undefined;
  }
}

/** parseSourceMap for a map already parsed (Node's cache holds them as objects). */
export function sourceMapOf(
  raw: unknown,
  mapUrl: string,
  root: string,
  budget: { chars: number } = { chars: SOURCE_MAP_LIMITS.totalMappingsChars },
): ParsedMap | undefined {
  const json = raw as { version?: unknown; mappings?: unknown; sources?: unknown; sourceRoot?: unknown };
  if (!json || typeof json !== 'object' || json.version !== 3) return undefined;
  if (typeof json.mappings !== 'string' || !Array.isArray(json.sources)) return undefined;
  const chars = json.mappings.length;
  if (chars > SOURCE_MAP_LIMITS.mappingsChars || chars > budget.chars) return undefined;
  const sourceRoot = typeof json.sourceRoot === 'string' && json.sourceRoot ? json.sourceRoot : '';
  const prefix = sourceRoot && !sourceRoot.endsWith('/') ? `${sourceRoot}/` : sourceRoot;
  const sources = json.sources.map((source) => resolveSource(source, prefix, mapUrl, root));
  let map: SourceMap;
  try {
    // Only what the look-up needs: the sources are resolved here, names are not used.
    map = new SourceMap({
      version: 3,
      file: '',
      sources,
      sourcesContent: [],
      sourceRoot: '',
      names: [],
      mappings: json.mappings,
    });
  } catch {
    return undefined;
  }
  budget.chars -= chars;
  return { map, sources };
}

function resolveSource(source: unknown, prefix: string, mapUrl: string, root: string): string {
  if (typeof source !== 'string' || !source) return '';
  try {
    // sourceRoot goes before a relative source only: an absolute one (a URL, a path) stands alone.
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(source) || source.startsWith('/');
    const url = new URL(absolute ? source : prefix + source, mapUrl);
    if (url.protocol !== 'file:') return '';
    const path = fileURLToPath(url);
    return isInside(path, root) && isOwnCode(path, root) ? path : '';
  } catch {
    return '';
  }
}

/**
 * The source file and 1-based line of a generated position (0-based line and column), or undefined
 * when the map has nothing for it. The mapping at or before the column on the same generated line
 * is taken; V8 places a function at its parameter list, so that is the mapping of its name or its
 * `function` keyword. When the line has mappings only after the column, the first of them is taken.
 * A mapping of an earlier line (what SourceMap.findEntry falls back to) belongs to other code.
 */
export function originalLine(
  parsed: ParsedMap,
  line: number,
  column: number,
): { file: string; line: number } | undefined {
  const { map } = parsed;
  let entry = entryOnLine(map, line, Math.max(0, column));
  if (!entry) {
    // Nothing up to the column: the first mapping after it, by bisection over columns (findEntry
    // is monotone in the column); at most 31 look-ups.
    const last = entryOnLine(map, line, 2 ** 31 - 1);
    if (!last) return undefined;
    let low = Math.max(0, column) + 1;
    let high = Math.max(low, last.generatedColumn);
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (entryOnLine(map, line, middle)) high = middle;
      else low = middle + 1;
    }
    entry = entryOnLine(map, line, low);
  }
  if (!entry) return undefined;
  const file = typeof entry.originalSource === 'string' ? entry.originalSource : '';
  const original = entry.originalLine;
  if (!file || !parsed.sources.includes(file) || !Number.isInteger(original) || original < 0)
    return undefined;
  return { file, line: original + 1 };
}

interface Entry {
  generatedLine: number;
  generatedColumn: number;
  originalSource?: unknown;
  originalLine: number;
}

function entryOnLine(map: FindEntry, line: number, column: number): Entry | undefined {
  let entry: Partial<Entry>;
  try {
    entry = map.findEntry(line, column) as Partial<Entry>;
  } catch {
    return undefined;
  }
  return entry && entry.generatedLine === line ? (entry as Entry) : undefined;
}

/**
 * The `sourceMappingURL` of every script V8 has compiled ('' for a script without one), by its URL
 * and, for file: URLs, its path as well. Read again only when a file is asked for that V8 had not
 * compiled when last read (it was loaded since).
 */
let parsedScripts: Map<string, string> | undefined;

function parsedScriptMapUrl(file: string, scriptUrl: string): string | undefined {
  if (!parsedScripts || !(parsedScripts.has(file) || parsedScripts.has(scriptUrl)))
    parsedScripts = readParsedScripts();
  return parsedScripts.get(scriptUrl) || parsedScripts.get(file) || undefined;
}

/**
 * V8's list of compiled scripts with their map URLs. Enabling the Debugger domain replays a
 * `scriptParsed` event for each script, synchronously on this thread's own session; it is disabled
 * at once, so no code runs with the debugger on. Any failure (no inspector in this build, another
 * client attached) leaves the list empty, and the file keeps its generated positions.
 */
function readParsedScripts(): Map<string, string> {
  const scripts = new Map<string, string>();
  let session: Session | undefined;
  try {
    session = new Session();
    session.connect();
    session.on('Debugger.scriptParsed', ({ params }) => {
      const mapUrl = typeof params.sourceMapURL === 'string' ? params.sourceMapURL : '';
      scripts.set(params.url, mapUrl);
      if (params.url.startsWith('file:')) scripts.set(toPath(params.url), mapUrl);
    });
    session.post('Debugger.enable');
    session.post('Debugger.disable');
  } catch {
    // No list: the disk is read next.
  } finally {
    session?.disconnect();
  }
  return scripts;
}

/** The code Vite's module runner compiled, by the file name it was compiled under. */
interface CompiledModule {
  /** Its map's URL (the inline comment Vite appends). */
  mapUrl: string;
  /** Characters the evaluator put before the module's code on its first line. */
  firstLineShift: number;
}
const compiledModules = new Map<string, CompiledModule>();

/**
 * Called by the evaluator that compiles Vite's transformed modules (vitest/load.ts): remembers the
 * module's inline map, read only if a profile samples the module. `firstLineShift` is the length of
 * what the evaluator wrapped around the code on its first line.
 */
export function rememberCompiledModule(file: string, code: string, firstLineShift: number): void {
  const mapUrl = sourceMappingUrl(code);
  if (mapUrl) compiledModules.set(file, { mapUrl, firstLineShift });
}

/** What pprof's serializer hands a source mapper: 1-based line and column. */
interface PprofLocation {
  file: string;
  line: number;
  column: number;
  name?: string;
}

/**
 * Maps generated positions of the files in `roots` to source positions, reading each file's map
 * once. `mappingInfo` is the interface @datadog/pprof's serializer calls for every location while it
 * writes a time profile (`time.start({ sourceMapper })`); `map` serves the heap profile's call frames.
 */
export class SourceMapper {
  private readonly roots: string[];
  private readonly maps = new Map<string, ParsedMap | null>();
  private readonly budget = { chars: SOURCE_MAP_LIMITS.totalMappingsChars };

  constructor(roots: string[]) {
    // The longer root first: one checkout may sit inside the other's folder.
    this.roots = roots.filter((r) => r.startsWith(sep)).sort((a, b) => b.length - a.length);
  }

  mappingInfo(location: PprofLocation): PprofLocation {
    const found = this.map({ file: location.file, line: location.line - 1, column: location.column - 1 });
    return found ? { ...location, file: found.file, line: found.line + 1 } : location;
  }

  /**
   * The source position of a generated one (0-based; the source column is not kept, column 0), or
   * undefined when none is known.
   */
  map(position: Position): Position | undefined {
    const file = toPath(position.file);
    const root = this.roots.find((r) => isInside(file, r));
    if (!root || !isOwnCode(file, root)) return undefined;
    const parsed = this.mapOf(file, root);
    if (!parsed) return undefined;
    const shift = position.line === 0 ? (compiledModules.get(file)?.firstLineShift ?? 0) : 0;
    const found = originalLine(parsed, position.line, position.column - shift);
    return found ? { file: found.file, line: found.line - 1, column: 0 } : undefined;
  }

  private mapOf(file: string, root: string): ParsedMap | undefined {
    let parsed = this.maps.get(file);
    if (parsed === undefined) {
      try {
        parsed = this.load(file, root) ?? null;
      } catch {
        parsed = null;
      }
      this.maps.set(file, parsed);
    }
    return parsed ?? undefined;
  }

  private load(file: string, root: string): ParsedMap | undefined {
    const scriptUrl = pathToFileURL(file).href;
    const compiled = compiledModules.get(file);
    if (compiled) return this.fromUrl(compiled.mapUrl, scriptUrl, root);
    const cached = findSourceMap(file) ?? findSourceMap(scriptUrl);
    if (cached) return sourceMapOf(cached.payload, scriptUrl, root, this.budget);
    const compiledUrl = parsedScriptMapUrl(file, scriptUrl);
    if (compiledUrl) return this.fromUrl(compiledUrl, scriptUrl, root);
    // The script itself is read only where the map file would be: inside the checkout, links followed.
    if (!isInside(realpathSync(file), realpathSync(root))) return undefined;
    const tail = readTail(file, Math.ceil((SOURCE_MAP_LIMITS.mapBytes * 4) / 3) + 4096);
    const url = tail === undefined ? undefined : sourceMappingUrl(tail);
    return url ? this.fromUrl(url, scriptUrl, root) : undefined;
  }

  private fromUrl(url: string, scriptUrl: string, root: string): ParsedMap | undefined {
    if (url.startsWith('data:')) {
      const text = dataUrlText(url);
      return text === undefined ? undefined : parseSourceMap(text, scriptUrl, root, this.budget);
    }
    const mapUrl = new URL(url, scriptUrl);
    if (mapUrl.protocol !== 'file:') return undefined;
    const path = fileURLToPath(mapUrl);
    // The map file itself, followed through links, must be a regular file of this checkout.
    if (!isInside(path, root) || !isInside(realpathSync(path), realpathSync(root))) return undefined;
    const text = readTail(path, SOURCE_MAP_LIMITS.mapBytes, true);
    return text === undefined ? undefined : parseSourceMap(text, mapUrl.href, root, this.budget);
  }
}

/**
 * The last `maxBytes` of a regular file as text, or undefined when it is not a regular file; with
 * `whole`, undefined as well when the file is larger (a map is useless cut).
 */
function readTail(path: string, maxBytes: number, whole = false): string | undefined {
  if (!statSync(path).isFile()) return undefined;
  // Non-blocking: a FIFO swapped in after the check above cannot hold the open.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    // Checked again on the open file: the path may have been swapped for a FIFO or a device.
    const stats = fstatSync(fd);
    if (!stats.isFile() || (whole && stats.size > maxBytes)) return undefined;
    const length = Math.min(stats.size, maxBytes);
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, stats.size - length + read);
      if (n === 0) break;
      read += n;
    }
    return bytes.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

function toPath(file: string): string {
  if (!file.startsWith('file:')) return file;
  try {
    return fileURLToPath(file);
  } catch {
    return file;
  }
}
