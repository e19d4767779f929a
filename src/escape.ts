// Escaping for everything flamegate writes as HTML or XML: the SVG and HTML flame graphs, and the raw
// HTML inside the Markdown comment (a `<summary>`). XML text and attributes, and JSON in a <script> tag.

// XML 1.0 forbids most control characters even when escaped, and lone surrogates are not well-formed
// either; profiles of native code can contain both. Everything outside XML's Char production goes.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Anything escapeHtml may change: a plain test that most names and labels pass, so the two full
// replacements (the first one with a Unicode-aware pattern, slow) run only when needed. Every surrogate
// is in it, so text with astral characters takes the full path, which tells lone ones apart.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML forbids are the point.
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for XML/HTML element content and attribute values (either quote style). */
export function escapeHtml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(INVALID_XML, '\uFFFD').replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/**
 * JSON that can sit inside a `<script>` element: `</script>`, `<!--` and HTML entities cannot end or
 * confuse the element, and U+2028/2029 are escaped for old JS parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text on one line: line breaks and tabs become a space (names in summaries, titles and cells). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

// Names in the PR comment (benchmark, describe, function, file and package names, refs, error
// messages) come from the pull request. GitHub turns `@user` and `@org/team` into mentions that
// notify, `#123`, `GH-123` and `owner/repo#123` into references, bare URLs, `www.` and e-mail
// addresses into links, and renders Markdown and some HTML. None of that happens inside code (a code
// span, or a <code> element in raw HTML): GitHub's mention and reference filters skip text under
// `code`, `pre` and `a`, and the Markdown parser does not look for links or HTML inside a code span.
// So a name is shown as code, on one line, shortened in the middle.

/** The most characters of one name the comment shows. */
export const NAME_MAX = 120;

/**
 * `text` shortened to `max` characters by an ellipsis in the middle, never splitting a surrogate
 * pair. A name keeps both ends: how it starts (`RegExp: ^v?(0|…`) and what tells it from its
 * neighbours at the end (`… (in parse)`, a file's basename). The one shortening of names for every
 * text output: the comment, the terminal and the text flame graph.
 */
export function shortenMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  const kept = max - 1;
  let headEnd = Math.ceil(kept / 2);
  let tailStart = text.length - (kept - headEnd);
  // A high surrogate ending the head or a low one starting the tail would be half a character.
  if (/[\uD800-\uDBFF]/.test(text.charAt(headEnd - 1))) headEnd--;
  if (/[\uDC00-\uDFFF]/.test(text.charAt(tailStart))) tailStart++;
  return `${text.slice(0, headEnd)}…${text.slice(tailStart)}`;
}

/** `text` cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** `text` cut to `max` characters at the last space before the limit (a path or word is kept whole), with an ellipsis. */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = clip(text, max);
  const space = cut.lastIndexOf(' ', cut.length - 2);
  return space > max / 2 ? `${cut.slice(0, space)} …` : cut;
}

// C0 and C1 controls, and the bidirectional overrides that make a name read differently from
// what it is ("Trojan Source"). Line breaks and tabs are handled by oneLine first.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point.
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text on one line without control characters: a name in the terminal summary cannot start a line of
 * its own (a `::workflow-command` in a CI log) or send escape sequences to the terminal.
 */
export function plainText(text: string): string {
  return oneLine(text).replace(UNPRINTABLE, '\uFFFD');
}

/** A name on one line, without control characters, shortened in the middle. */
function shownName(text: string, max: number): string {
  return shortenMiddle(plainText(text), max);
}

/**
 * A name as a Markdown code span. Its fence is longer than any run of backticks inside, with a space
 * either side when it starts or ends with one. `cell`: the span sits in a table cell, where a pipe
 * ends the cell even inside code unless escaped (GFM splits a row into cells first).
 */
export function codeName(text: string, options: { max?: number; cell?: boolean } = {}): string {
  let name = shownName(text, options.max ?? NAME_MAX);
  if (name === '') return '""';
  if (options.cell) name = name.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(name.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(name) ? ' ' : '';
  return `${fence}${pad}${name}${pad}${fence}`;
}

/** A name as a `<code>` element, for raw HTML in the comment (a `<summary>`). */
export function htmlCodeName(text: string, max = NAME_MAX): string {
  return `<code>${escapeHtml(shownName(text, max))}</code>`;
}

const WORD_JOINER = '\u2060';

/**
 * Prose that quotes names (a failure line, an error message) as Markdown text that renders as
 * written but links and notifies nobody: Markdown and HTML are escaped, and an invisible word joiner
 * breaks every pattern GitHub would turn into a mention, a reference or a link (after `@`, inside
 * `#1`, `GH-1`, `://` and `www.`). Safe in a table cell too.
 */
export function markdownText(text: string, max: number): string {
  // Prose reads from its start: it is cut at its end, not in the middle as a name is.
  return clip(plainText(text), max)
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/#(?=\d)/g, `#${WORD_JOINER}`)
    .replace(/\b(gh)-(?=\d)/gi, `$1-${WORD_JOINER}`)
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\b(www)\./gi, `$1${WORD_JOINER}.`)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([*_`[\]~!])/g, '\\$1');
}
