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
