import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  UsageError
} from "./cli-chunk-3ZHWRIZN.js";
import {
  NAME_MAX,
  buildFlameTree,
  codeName,
  formatBytes,
  formatDeltaBytes,
  formatDeltaNs,
  formatInterval,
  formatNs,
  formatPercent,
  formatSeconds,
  htmlCodeName,
  markdownText,
  plainText,
  renderFlameHtml,
  renderFlameSvg,
  renderFlameText,
  shortSha,
  sourceUrl
} from "./cli-chunk-3DASUR4K.js";
import {
  LIMITS,
  checkCap,
  checkJsonSize,
  gunzipBounded,
  readFileBounded,
  readJsonBounded
} from "./cli-chunk-4L6WBSUI.js";
import {
  __commonJS,
  __name,
  __toESM
} from "./cli-chunk-XYLEW4VM.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = /* @__PURE__ */ __name((code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    }, "isPathSeparator");
    var depth = /* @__PURE__ */ __name((token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    }, "depth");
    var scan = /* @__PURE__ */ __name((input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = /* @__PURE__ */ __name(() => index >= length, "eos");
      const peek = /* @__PURE__ */ __name(() => str.charCodeAt(index + 1), "peek");
      const advance = /* @__PURE__ */ __name(() => {
        prev = code;
        return str.charCodeAt(++index);
      }, "advance");
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    }, "scan");
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = /* @__PURE__ */ __name((args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    }, "expandRange");
    var syntaxError = /* @__PURE__ */ __name((type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    }, "syntaxError");
    var splitTopLevel = /* @__PURE__ */ __name((input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    }, "splitTopLevel");
    var isPlainBranch = /* @__PURE__ */ __name((branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    }, "isPlainBranch");
    var normalizeSimpleBranch = /* @__PURE__ */ __name((branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    }, "normalizeSimpleBranch");
    var hasRepeatedCharPrefixOverlap = /* @__PURE__ */ __name((branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    }, "hasRepeatedCharPrefixOverlap");
    var parseRepeatedExtglob = /* @__PURE__ */ __name((pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    }, "parseRepeatedExtglob");
    var buildCharClassStar = /* @__PURE__ */ __name((chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    }, "buildCharClassStar");
    var getStarExtglobSequenceChars = /* @__PURE__ */ __name((pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    }, "getStarExtglobSequenceChars");
    var repeatedExtglobRecursion = /* @__PURE__ */ __name((pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    }, "repeatedExtglobRecursion");
    var analyzeRepeatedExtglob = /* @__PURE__ */ __name((body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    }, "analyzeRepeatedExtglob");
    var parse = /* @__PURE__ */ __name((input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = /* @__PURE__ */ __name((opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      }, "globstar");
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = /* @__PURE__ */ __name(() => state.index === len - 1, "eos");
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = /* @__PURE__ */ __name(() => input.slice(state.index + 1), "remaining");
      const consume = /* @__PURE__ */ __name((value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      }, "consume");
      const append = /* @__PURE__ */ __name((token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      }, "append");
      const negate = /* @__PURE__ */ __name(() => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      }, "negate");
      const increment = /* @__PURE__ */ __name((type) => {
        state[type]++;
        stack.push(type);
      }, "increment");
      const decrement = /* @__PURE__ */ __name((type) => {
        state[type]--;
        stack.pop();
      }, "decrement");
      const push = /* @__PURE__ */ __name((tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      }, "push");
      const extglobOpen = /* @__PURE__ */ __name((type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      }, "extglobOpen");
      const extglobClose = /* @__PURE__ */ __name((token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      }, "extglobClose");
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    }, "parse");
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = /* @__PURE__ */ __name((opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      }, "globstar");
      const create = /* @__PURE__ */ __name((str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      }, "create");
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject3 = /* @__PURE__ */ __name((val) => val && typeof val === "object" && !Array.isArray(val), "isObject");
    var picomatch3 = /* @__PURE__ */ __name((glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = /* @__PURE__ */ __name((str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        }, "arrayMatcher");
        return arrayMatcher;
      }
      const isState = isObject3(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = /* @__PURE__ */ __name(() => false, "isIgnored");
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = /* @__PURE__ */ __name((input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      }, "matcher");
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    }, "picomatch");
    picomatch3.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants;
    module.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    __name(picomatch3, "picomatch");
    Object.assign(picomatch3, pico);
    module.exports = picomatch3;
  }
});

// src/shard/select.ts
import { createHash } from "node:crypto";

// src/measure/trailing.ts
var ALLOCATION_MIN_WARMUP_MS = 300;
var TRAILING_MIN_SCALE = 0.2;
function afterMeasureMs(paired) {
  return 3e3 + 250 * paired;
}
__name(afterMeasureMs, "afterMeasureMs");
var PROCESS_START_MS = 400;
var BENCHMARK_SWITCH_MS = 100;
function trailingCostMs(budget, paired, scale = 1) {
  if (paired === 0) return 0;
  const { fixed, measured } = costParts(budget, paired);
  return fixed + scale * measured;
}
__name(trailingCostMs, "trailingCostMs");
function trailingBenchmarkMs(budget, scale = 1) {
  const { fixed, measured } = costParts(budget, 1);
  return fixed - processStarts(budget) + scale * measured;
}
__name(trailingBenchmarkMs, "trailingBenchmarkMs");
function processStarts(budget) {
  return (budget.profileProcesses + budget.allocationProcesses) * PROCESS_START_MS;
}
__name(processStarts, "processStarts");
function costParts(budget, paired) {
  const profiling = budget.profileProcesses;
  const allocating = budget.allocationProcesses;
  const allocationWarmup = Math.max(budget.warmupMs, ALLOCATION_MIN_WARMUP_MS);
  const warmups = profiling * paired * (2 * budget.warmupMs + BENCHMARK_SWITCH_MS) + allocating * paired * (2 * allocationWarmup + BENCHMARK_SWITCH_MS);
  return {
    fixed: warmups + processStarts(budget),
    measured: profiling * paired * 2 * budget.profileMs + allocating * paired * 2 * budget.allocationMs
  };
}
__name(costParts, "costParts");
function attributionCostMs(budget, paired, profileMs = budget.profileMs) {
  if (paired === 0) return 0;
  const perBenchmark = 2 * budget.warmupMs + BENCHMARK_SWITCH_MS + 2 * profileMs;
  return budget.profileProcesses * (PROCESS_START_MS + paired * perBenchmark);
}
__name(attributionCostMs, "attributionCostMs");
function allocationCostMs(budget, benchmarks, allocationMs = budget.allocationMs) {
  const processes = budget.allocationProcesses;
  if (processes === 0 || benchmarks === 0) return 0;
  const warmup = Math.max(budget.warmupMs, ALLOCATION_MIN_WARMUP_MS);
  const perBenchmark = 2 * warmup + BENCHMARK_SWITCH_MS + 2 * allocationMs;
  return processes * (PROCESS_START_MS + benchmarks * perBenchmark);
}
__name(allocationCostMs, "allocationCostMs");
function allocationsFitting(budget, benchmarks, slowdown, msLeft, allocationMs = budget.allocationMs) {
  const scale = Math.max(1, slowdown);
  let fitting = benchmarks;
  while (fitting > 1 && allocationCostMs(budget, fitting, allocationMs) * scale > msLeft) fitting--;
  return fitting;
}
__name(allocationsFitting, "allocationsFitting");
function trailingPlan(budget, paired, msLeft) {
  const full = {
    profileMs: budget.profileMs,
    allocationMs: budget.allocationMs,
    scale: 1,
    estimatedMs: trailingCostMs(budget, paired)
  };
  if (paired === 0 || !(full.estimatedMs > msLeft)) return full;
  const { fixed, measured } = costParts(budget, paired);
  const scale = Math.min(1, Math.max(TRAILING_MIN_SCALE, (msLeft - fixed) / measured));
  return {
    profileMs: Math.round(budget.profileMs * scale),
    allocationMs: Math.round(full.allocationMs * scale),
    scale,
    estimatedMs: fixed + scale * measured
  };
}
__name(trailingPlan, "trailingPlan");

// src/model.ts
function benchmarkKey(id) {
  return `${id.file} > ${id.name}`;
}
__name(benchmarkKey, "benchmarkKey");
var SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

// src/shard/select.ts
function parseShard(value, what = "--shard") {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || index < 1 || count < 1 || index > count || count > 256) {
    throw new UsageError(`${what} must be i/N with 1 ≤ i ≤ N ≤ 256 (for example 1/4), got "${value}"`);
  }
  return { index, count };
}
__name(parseShard, "parseShard");
function shardLabel(spec) {
  return `${spec.index}/${spec.count}`;
}
__name(shardLabel, "shardLabel");
var FILE_LOAD_MS = 40;
function estimateCost(m, budget) {
  if (Object.keys(m.errors).length > 0 || m.infrastructureError !== void 0) return 0;
  const sides = Number(m.present.base) + Number(m.present.head);
  const timing = budget.processes * sides * (budget.warmupMs + budget.timePerProcessMs);
  return timing + (sides === 2 ? trailingBenchmarkMs(budget) : 0);
}
__name(estimateCost, "estimateCost");
function selectShard(input) {
  const { spec, budget } = input;
  const items = input.measurements.map((m, order2) => ({ m, order: order2, key: benchmarkKey(m.id) }));
  const estimates = items.map((item) => estimateCost(item.m, budget));
  const known = input.costs ?? {};
  const ratios = items.map(
    (item, i) => known[item.key] !== void 0 && (estimates[i] ?? 0) > 0 ? known[item.key] / estimates[i] : void 0
  ).filter((r) => r !== void 0 && Number.isFinite(r) && r > 0).sort((a, b) => a - b);
  const scale = ratios.length > 0 ? ratios[ratios.length >> 1] : 1;
  const usedCosts = ratios.length > 0;
  const cost = items.map((item, i) => {
    const measured = known[item.key];
    return measured !== void 0 && Number.isFinite(measured) && measured >= 0 ? measured : (estimates[i] ?? 0) * scale;
  });
  const fileCost = /* @__PURE__ */ __name((m) => m.present.base && m.present.head ? FILE_LOAD_MS * 2 : FILE_LOAD_MS, "fileCost");
  const perFileProcesses = budget.processes + budget.profileProcesses;
  const order = items.map((item, i) => ({ ...item, cost: cost[i] ?? 0 })).sort((a, b) => b.cost - a.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const load = new Array(spec.count).fill(0);
  const files = Array.from({ length: spec.count }, () => /* @__PURE__ */ new Set());
  const assigned = /* @__PURE__ */ new Map();
  for (const item of order) {
    let best = 0;
    let bestLoad = Number.POSITIVE_INFINITY;
    for (let s = 0; s < spec.count; s++) {
      const extra = files[s]?.has(item.m.id.file) ? 0 : fileCost(item.m) * scale * perFileProcesses;
      const after = (load[s] ?? 0) + item.cost + extra;
      if (after < bestLoad - 1e-9) {
        best = s;
        bestLoad = after;
      }
    }
    load[best] = bestLoad;
    files[best]?.add(item.m.id.file);
    assigned.set(item.key, best + 1);
  }
  const plan = {};
  for (const item of items) plan[item.key] = assigned.get(item.key);
  return {
    selected: items.filter((item) => plan[item.key] === spec.index).map((item) => item.m),
    info: {
      index: spec.index,
      count: spec.count,
      benchmarks: items.length,
      basis: usedCosts ? "costs" : "estimate",
      estimatedMs: load.map((l) => Math.round(l)),
      planDigest: planDigest(plan),
      plan
    }
  };
}
__name(selectShard, "selectShard");
function planDigest(plan) {
  const entries = Object.entries(plan).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex").slice(0, 16);
}
__name(planDigest, "planDigest");
function costsFromReport(report, source) {
  const benchmarks = report?.benchmarks;
  if (!Array.isArray(benchmarks)) {
    throw new UsageError(`${source} is not a flamegate JSON report (no "benchmarks" list)`);
  }
  const costs = {};
  for (const b of benchmarks) {
    if (typeof b.file === "string" && typeof b.name === "string" && typeof b.costMs === "number") {
      costs[benchmarkKey({ file: b.file, name: b.name })] = b.costMs;
    }
  }
  return costs;
}
__name(costsFromReport, "costsFromReport");
function shardSelector(spec, options) {
  let plan;
  if (!spec) return { plan: /* @__PURE__ */ __name(() => void 0, "plan") };
  return {
    select: /* @__PURE__ */ __name((found) => {
      plan = selectShard({ measurements: found, budget: options.budget, spec, costs: options.costs });
      options.progress(
        `shard ${shardLabel(spec)}: ${plan.selected.length} of ${found.length} benchmark(s), split by ${plan.info.basis}`
      );
      return plan.selected;
    }, "select"),
    plan: /* @__PURE__ */ __name(() => plan, "plan")
  };
}
__name(shardSelector, "shardSelector");

// src/shard/record.ts
import { createHash as createHash2 } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join as join3 } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";

// src/profile/profile-json.ts
function profileToJson(profile) {
  return {
    frames: profile.frames,
    stackFrames: Array.from(profile.stackFrames),
    stackStart: Array.from(profile.stackStart),
    values: Array.from(profile.values),
    samples: Array.from(profile.samples),
    ops: profile.ops,
    sampleType: profile.sampleType
  };
}
__name(profileToJson, "profileToJson");
var isObject = /* @__PURE__ */ __name((value) => typeof value === "object" && value !== null && !Array.isArray(value), "isObject");
var isNumberList = /* @__PURE__ */ __name((value) => Array.isArray(value) && value.every((n) => typeof n === "number" && Number.isFinite(n)), "isNumberList");
function profileFromJson(value, what) {
  if (!isObject(value) || !Array.isArray(value.frames)) throw new Error(`the ${what} is not a profile`);
  const { frames, stackFrames, stackStart, values, samples, ops, sampleType } = value;
  if (!isObject(sampleType) || typeof sampleType.type !== "string" || typeof sampleType.unit !== "string") {
    throw new Error(`the ${what} does not say what its values measure (no sample type and unit)`);
  }
  if (typeof ops !== "number" || !(ops > 0)) throw new Error(`the ${what} has no operation count`);
  checkCap(frames.length, LIMITS.frames, `distinct frames in the ${what}`);
  for (const frame of frames) {
    if (!isObject(frame) || typeof frame.name !== "string" || typeof frame.file !== "string" || typeof frame.line !== "number") {
      throw new Error(`the ${what} has a frame without a name, file and line`);
    }
  }
  if (!isNumberList(stackFrames) || !isNumberList(stackStart) || !isNumberList(values) || !isNumberList(samples)) {
    throw new Error(`the ${what} has no lists of stack frames, stack starts, values and samples`);
  }
  checkCap(values.length, LIMITS.samples, `stacks in the ${what}`);
  checkCap(stackFrames.length, LIMITS.stackFrames, `frames over all stacks of the ${what}`);
  const frameCount = frames.length;
  const stacksAgree = samples.length === values.length && stackStart.length === values.length + 1 && stackStart[0] === 0 && stackStart[values.length] === stackFrames.length && stackStart.every((at, i) => Number.isInteger(at) && (i === 0 || at >= stackStart[i - 1])) && stackFrames.every((f) => Number.isInteger(f) && f >= 0 && f < frameCount);
  if (!stacksAgree) throw new Error(`the ${what} has a stack that is not frames of the profile with a value`);
  return {
    frames,
    stackFrames: Int32Array.from(stackFrames),
    stackStart: Int32Array.from(stackStart),
    values: Float64Array.from(values),
    samples: Float64Array.from(samples),
    ops,
    sampleType: { type: sampleType.type, unit: sampleType.unit }
  };
}
__name(profileFromJson, "profileFromJson");

// src/workspace/packages.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);
import { existsSync, statSync } from "node:fs";
import { readdir as readdir2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/workspace/files.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import { readdir } from "node:fs/promises";
import { join } from "node:path";
var NEVER = /* @__PURE__ */ new Set(["node_modules", ".git"]);
async function listBenchmarkFiles(dir, globs, exclude) {
  const include = (0, import_picomatch.default)(globs, { dot: false });
  const skip = exclude.length > 0 ? (0, import_picomatch.default)(exclude, { dot: true }) : () => false;
  const found = [];
  const walk = /* @__PURE__ */ __name(async (rel) => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (NEVER.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skip(path)) await walk(path);
      } else if (entry.isFile() && include(path) && !skip(path)) {
        found.push(path);
      }
    }
  }, "walk");
  await walk("");
  return found;
}
__name(listBenchmarkFiles, "listBenchmarkFiles");

// src/workspace/packages.ts
var NEVER2 = /* @__PURE__ */ new Set(["node_modules", ".git"]);
var MAX_DEPTH = 6;
async function expandPackages(dir, patterns) {
  const found = /* @__PURE__ */ new Set();
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
    if (!import_picomatch2.default.scan(pattern).isGlob) {
      const path = join2(dir, pattern);
      if (existsSync(path) && statSync(path).isDirectory()) found.add(pattern || ".");
      continue;
    }
    const match = (0, import_picomatch2.default)(pattern, { dot: false });
    const walk = /* @__PURE__ */ __name(async (rel, depth) => {
      if (depth > MAX_DEPTH) return;
      const entries = await readdir2(join2(dir, rel), { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isDirectory() || NEVER2.has(entry.name) || entry.name.startsWith(".")) continue;
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (match(path) && existsSync(join2(dir, path, "package.json"))) found.add(path);
        await walk(path, depth + 1);
      }
    }, "walk");
    await walk("", 0);
  }
  return [...found].sort();
}
__name(expandPackages, "expandPackages");
async function listPackageFiles(dir, packages, globs, exclude) {
  const files = /* @__PURE__ */ new Set();
  for (const pkg of packages) {
    const root = pkg === "." ? dir : join2(dir, pkg);
    for (const file of await listBenchmarkFiles(root, globs, exclude)) {
      files.add(pkg === "." ? file : `${pkg}/${file}`);
    }
  }
  return [...files].sort();
}
__name(listPackageFiles, "listPackageFiles");
function packageDirOf(file, packages) {
  let best;
  for (const pkg of packages) {
    const inside = pkg === "." || file.startsWith(`${pkg}/`);
    if (inside && (best === void 0 || best === "." || pkg.length > best.length)) best = pkg;
  }
  return best;
}
__name(packageDirOf, "packageDirOf");

// src/shard/record.ts
function costTracker(now = () => performance.now()) {
  const costs = /* @__PURE__ */ new Map();
  let current;
  let since = 0;
  return {
    costs,
    onWork(key) {
      const t = now();
      if (current !== void 0) costs.set(current, (costs.get(current) ?? 0) + (t - since));
      current = key;
      since = t;
    }
  };
}
__name(costTracker, "costTracker");
function configFingerprint(config) {
  const normalise = /* @__PURE__ */ __name((value) => {
    if (Array.isArray(value)) return value.map(normalise);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : 1).map(([k, v]) => [k, normalise(v)])
      );
    }
    return value;
  }, "normalise");
  return createHash2("sha256").update(JSON.stringify(normalise(config))).digest("hex").slice(0, 16);
}
__name(configFingerprint, "configFingerprint");
function recordRun(report, input) {
  report.configFingerprint = configFingerprint(input.config);
  for (const b of report.benchmarks) {
    const cost = input.costs.get(benchmarkKey(b));
    if (cost !== void 0) b.costMs = Math.round(cost);
    if (input.packages) {
      const pkg = packageDirOf(b.file, input.packages);
      if (pkg !== void 0) b.package = pkg;
    }
  }
  if (input.packages) report.packages = input.packages;
  if (input.shard) report.shard = input.shard;
}
__name(recordRun, "recordRun");
var STACKS_FILE = "stacks.json.gz";
function writeStacks(outDir, flames) {
  const path = join3(outDir, STACKS_FILE);
  const toJson = /* @__PURE__ */ __name((byBenchmark) => Object.fromEntries(
    Object.entries(byBenchmark).map(([key, sides]) => [
      key,
      Object.fromEntries(
        Object.entries(sides).map(([side, profile]) => [side, profile && profileToJson(profile)])
      )
    ])
  ), "toJson");
  const allocationStacks = flames.allocationStacks && toJson(flames.allocationStacks);
  writeFileSync(
    path,
    gzipSync(JSON.stringify({ stacks: toJson(flames.stacks), allocationStacks, slugs: flames.slugs }))
  );
  return path;
}
__name(writeStacks, "writeStacks");
function readStacks(path) {
  const text = gunzipBounded(readFileBounded(path));
  checkJsonSize(text);
  let flames;
  try {
    flames = JSON.parse(text.toString("utf8"));
  } catch (error) {
    throw new Error(`it is not JSON: ${error.message}`);
  }
  return checkFlames(flames);
}
__name(readStacks, "readStacks");
var isObject2 = /* @__PURE__ */ __name((value) => typeof value === "object" && value !== null && !Array.isArray(value), "isObject");
function checkFlames(value) {
  if (!isObject2(value) || !isObject2(value.stacks) || !isObject2(value.slugs)) {
    throw new Error('it does not hold "stacks" and "slugs"');
  }
  for (const [key, slug] of Object.entries(value.slugs)) {
    if (typeof slug !== "string" || !SAFE_NAME.test(slug)) {
      throw new Error(
        `benchmark ${JSON.stringify(key)} has the file name ${JSON.stringify(slug)}, which is not a plain file name (letters, digits, . _ -)`
      );
    }
  }
  if (value.allocationStacks !== void 0 && !isObject2(value.allocationStacks)) {
    throw new Error('its "allocationStacks" is not stacks per benchmark');
  }
  const read = /* @__PURE__ */ __name((byBenchmark, what) => {
    const stacks = {};
    for (const [key, sides] of Object.entries(byBenchmark)) {
      if (!isObject2(sides)) throw new Error(`benchmark ${JSON.stringify(key)} holds no ${what}s`);
      const profiles = {};
      for (const side of ["base", "head"]) {
        if (sides[side] !== void 0)
          profiles[side] = profileFromJson(sides[side], `${side} ${what} of ${JSON.stringify(key)}`);
      }
      stacks[key] = profiles;
    }
    return stacks;
  }, "read");
  return {
    stacks: read(value.stacks, "profile"),
    ...value.allocationStacks === void 0 ? {} : { allocationStacks: read(value.allocationStacks, "heap profile") },
    slugs: value.slugs
  };
}
__name(checkFlames, "checkFlames");
function readCostsFile(path, what) {
  let report;
  try {
    report = readJsonBounded(path, LIMITS.reportBytes);
  } catch (error) {
    throw new UsageError(
      `${what}: cannot read ${path} as a flamegate JSON report: ${error.message}`
    );
  }
  return costsFromReport(report, `${what} (${path})`);
}
__name(readCostsFile, "readCostsFile");

// src/compare/measured.ts
function measuredOf(measurements, results, onNothing = "error") {
  return {
    both: results.filter((b) => TIMED.has(b.status)).length,
    failedOnBoth: measurements.filter((m) => m.errors.base && m.errors.head && !m.infrastructureError).length,
    onNothing
  };
}
__name(measuredOf, "measuredOf");
var TIMED = /* @__PURE__ */ new Set(["regressed", "improved", "unchanged"]);
function nothingMeasured(report) {
  const { measured, benchmarks } = report;
  if (!measured || measured.both > 0 || (report.failures?.length ?? 0) > 0) return void 0;
  if (noneAffected(report)) return void 0;
  const infrastructure = benchmarks.filter((b) => b.infrastructure).length;
  if (benchmarks.length > 0 && infrastructure === benchmarks.length) return void 0;
  const lead = "nothing was measured on both sides, so this run is no verdict on the pull request";
  if (benchmarks.length === 0) {
    return `${lead}: the benchmark files define no benchmark, or an override skips every one (\`skip: true\`). flamegate runs files whose default export is a tinybench Bench (or a function returning one) and vitest bench files; check "benchmarks" and "overrides" in .github/flamegate.yml.`;
  }
  const count = /* @__PURE__ */ __name((status) => benchmarks.filter((b) => b.status === status).length, "count");
  const failedOnOneSide = count("failed") - infrastructure - measured.failedOnBoth;
  const errors = /* @__PURE__ */ new Map();
  for (const b of benchmarks)
    if (b.status === "failed" && !b.infrastructure && b.error && !errors.has(firstLine(b.error)))
      errors.set(firstLine(b.error), benchmarkKey(b));
  const causes = [
    measured.failedOnBoth > 0 && `${measured.failedOnBoth} benchmark(s) failed on both base and head (not this pull request's doing)`,
    failedOnOneSide > 0 && `${failedOnOneSide} failed on one side only`,
    count("added") > 0 && `${count("added")} exist only on head, with nothing on base to compare them with`,
    count("removed") > 0 && `${count("removed")} exist only on base`,
    infrastructure > 0 && `${infrastructure} were stopped by an infrastructure error`,
    (report.leftOut?.length ?? 0) > 0 && `${report.leftOut?.length} were left out for time (budget.maxMinutes)`
  ].filter(Boolean);
  const shown = [...errors].slice(0, 3).map(([error, key]) => ` ${key}: ${error}`);
  const more = errors.size > shown.length ? ` (and ${errors.size - shown.length} other error(s))` : "";
  return `${lead}: ${causes.join("; ")}.${shown.length > 0 ? ` Errors:${shown.join(";")}${more}.` : ""}`;
}
__name(nothingMeasured, "nothingMeasured");
function noneAffected(report) {
  return (report.selection?.notAffected.length ?? 0) > 0 && report.benchmarks.every((b) => b.status === "added" || b.status === "removed");
}
__name(noneAffected, "noneAffected");
function firstLine(text) {
  const line = (text.split("\n")[0] ?? text).replace(/^(base|head): /, "");
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
}
__name(firstLine, "firstLine");

// src/report/changes.ts
function rowChanged(row) {
  return row.status !== "unchanged";
}
__name(rowChanged, "rowChanged");
function timeChanged(b) {
  return rowChanged(b) || (b.failures?.length ?? 0) > 0;
}
__name(timeChanged, "timeChanged");
function memoryChanged(b) {
  return b.memory !== void 0 && rowChanged(b.memory);
}
__name(memoryChanged, "memoryChanged");
function benchmarkChanged(b) {
  return timeChanged(b) || memoryChanged(b);
}
__name(benchmarkChanged, "benchmarkChanged");
function changedBenchmarkKeys(report) {
  const time = new Set(report.benchmarks.filter(timeChanged).map((b) => benchmarkKey(b)));
  for (const f of report.functions) if (rowChanged(f)) time.add(f.benchmark);
  const memory = new Set(report.benchmarks.filter(memoryChanged).map((b) => benchmarkKey(b)));
  for (const a of report.allocations ?? []) if (rowChanged(a)) memory.add(a.benchmark);
  return { time, memory };
}
__name(changedBenchmarkKeys, "changedBenchmarkKeys");

// src/report/infrastructure.ts
function infrastructureFailure(report) {
  const errors = report.infrastructureErrors ?? [];
  if (errors.length === 0) return void 0;
  const stopped = report.benchmarks.filter((b) => b.infrastructure).length;
  return `infrastructure error: ${stopped} benchmark(s) could not be measured because of a fault of flamegate or of this machine, not of the pull request. Rerun; if it persists, report it to flamegate.
${errors.join("\n")}`;
}
__name(infrastructureFailure, "infrastructureFailure");
function nothingMeasuredNote(report) {
  const reason = report.nothingMeasured;
  if (!reason) return void 0;
  const note = /* @__PURE__ */ __name((level, advice) => ({
    level,
    reason,
    advice,
    text: `${level}: ${reason} ${advice}`
  }), "note");
  return report.measured?.onNothing === "warn" ? note("warning", "This run passes only because the config sets `thresholds.failed: warn`.") : note(
    "error",
    "(`thresholds.failed: warn` in .github/flamegate.yml would pass such a run with a warning.)"
  );
}
__name(nothingMeasuredNote, "nothingMeasuredNote");
function noVerdict(report) {
  const nothing = nothingMeasuredNote(report);
  const reasons = [infrastructureFailure(report), nothing?.level === "error" ? nothing.text : void 0];
  const named = reasons.filter((r) => r !== void 0);
  return named.length > 0 ? named.join("\n") : void 0;
}
__name(noVerdict, "noVerdict");
function exitOutcome(report) {
  const error = noVerdict(report);
  if (error) return { code: 2, message: error };
  const nothing = nothingMeasuredNote(report);
  const code = report.verdict === "fail" ? 1 : 0;
  return nothing ? { code, message: nothing.text } : { code };
}
__name(exitOutcome, "exitOutcome");
function failedOnBothNote(report) {
  const failed = report.measured?.failedOnBoth ?? 0;
  return failed > 0 ? `${failed} benchmark(s) failed on both sides and were not measured` : void 0;
}
__name(failedOnBothNote, "failedOnBothNote");
function leftOutNote(report) {
  const count = report.leftOut?.length ?? 0;
  return count > 0 ? `${count} benchmark(s) left out for time (budget.maxMinutes)` : void 0;
}
__name(leftOutNote, "leftOutNote");
function unmeasuredNote(report) {
  const notes = [failedOnBothNote(report), leftOutNote(report)].filter(Boolean);
  return notes.length > 0 ? notes.join(", ") : void 0;
}
__name(unmeasuredNote, "unmeasuredNote");
function leftOutReasons(report) {
  const counts = /* @__PURE__ */ new Map();
  for (const l of report.leftOut ?? []) counts.set(l.reason, (counts.get(l.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
__name(leftOutReasons, "leftOutReasons");

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
__name(defaultStringLength, "defaultStringLength");
function markdownTable(table, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }
    while (++columnIndex2 < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
__name(markdownTable, "markdownTable");
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
__name(serialize, "serialize");
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}
__name(toAlignment, "toAlignment");

// src/report/selection.ts
var LISTED_FILES = 50;
var NAMES_PER_FILE = 10;
function notAffectedNote(report) {
  const count = report.selection?.notAffected.length ?? 0;
  if (count === 0) return void 0;
  return `${count} benchmark(s) not affected by this PR: no file it changed is reachable from their imports, so they were not measured (select: all measures them)`;
}
__name(notAffectedNote, "notAffectedNote");
function executedNote(report) {
  const selection = report.selection;
  if (!selection?.executedChanges) return void 0;
  const ran2 = selection.executedChanges.length;
  const unknown = selection.executionUnknown?.length ?? 0;
  const measured = report.benchmarks.length;
  const unknownText = unknown > 0 ? `, ${unknown} could not tell (a failure or timeout)` : "";
  return `${ran2} of the ${measured} measured benchmark(s) run the changed code${unknownText}: measured first; the rest reach it only through their imports`;
}
__name(executedNote, "executedNote");
function everythingNote(report) {
  const why = report.selection?.everything;
  return report.selection?.select === "affected" && why ? `select: affected measured every benchmark: ${why}` : void 0;
}
__name(everythingNote, "everythingNote");
function notAffectedSection(report, folded) {
  const list = report.selection?.notAffected ?? [];
  if (list.length === 0) return void 0;
  const title = `${list.length} benchmark(s) not affected by this PR`;
  if (!folded) return `… ${title}, listed in the full report.`;
  const byFile = /* @__PURE__ */ new Map();
  for (const id of list) byFile.set(id.file, [...byFile.get(id.file) ?? [], id.name]);
  const files = [...byFile.keys()];
  const lines = files.slice(0, LISTED_FILES).map((file) => {
    const names = byFile.get(file) ?? [];
    const shown = names.slice(0, NAMES_PER_FILE).map((n) => codeName(n, { max: 80 }));
    const more = names.length > shown.length ? `, … ${names.length - shown.length} more` : "";
    return `- ${codeName(file, { max: 120 })} (${names.length}): ${shown.join(", ")}${more}`;
  });
  if (files.length > lines.length)
    lines.push(`- … ${files.length - lines.length} more file(s) in the full report`);
  const why = "No file this pull request changed is reachable from their imports, so they were not measured (`select: affected`; `select: all` in .github/flamegate.yml measures every benchmark).";
  return `<details><summary>${title}</summary>

${why}

${lines.join("\n")}

</details>`;
}
__name(notAffectedSection, "notAffectedSection");

// src/report/what-ran.ts
var TIMED2 = /* @__PURE__ */ new Set(["regressed", "improved", "unchanged"]);
function whatRan(report) {
  const s = report.settings;
  if (!s) return "";
  const timed = report.benchmarks.filter((b) => TIMED2.has(b.status));
  if (timed.length === 0) return s.node;
  const counts = timed.map((b) => b.processes).filter((n) => n !== void 0 && n > 0);
  const [low, high] = counts.length > 0 ? [Math.min(...counts), Math.max(...counts)] : [s.processes, Math.max(s.processes, s.maxProcesses ?? s.processes)];
  const parts = [
    `${low === high ? low : `${low}–${high}`} timing processes × ${s.timePerProcessMs} ms per side`
  ];
  const cut = report.sampling?.trailing;
  const profiled = Object.values(report.profiles ?? {}).some((p) => p.base || p.head);
  if (profiled) parts.push(`profiles ${ran(cut?.profileMs, s.profileMs)}`);
  const allocated = report.benchmarks.some((b) => b.memory);
  if (allocated && s.allocationMs !== void 0)
    parts.push(
      `allocation samples ${ran(cut?.allocationMs, s.allocationMs)}` + (cut?.allocated !== void 0 && cut.allocatable !== void 0 ? ` for ${cut.allocated} of ${cut.allocatable} benchmarks (budget.maxMinutes)` : "")
    );
  parts.push(s.node);
  return parts.join(", ");
}
__name(whatRan, "whatRan");
function ran(used, configured) {
  return used !== void 0 && used !== configured ? `${used} ms per side (cut from ${configured} ms by budget.maxMinutes)` : `${configured} ms per side`;
}
__name(ran, "ran");

// src/report/markdown.ts
var STATUS = {
  regressed: "🔴 regressed",
  improved: "🟢 improved",
  unchanged: "⚪ unchanged",
  added: "🆕 added",
  removed: "➖ removed",
  failed: "💥 failed"
};
var FN_STATUS = {
  regressed: "🔴 slower",
  improved: "🟢 faster",
  unchanged: "⚪",
  added: "🆕 new",
  removed: "➖ gone"
};
var cellName = /* @__PURE__ */ __name((text, max) => codeName(text, { cell: true, max }), "cellName");
var PROSE_MAX = 300;
var NOTE_MAX = 1200;
var ALL = Number.POSITIVE_INFINITY;
var LEVELS = [
  { sections: "all", functionRows: 10, functionBenchmarks: ALL, unchangedRows: true, changedRows: ALL, failureLines: 50 },
  { sections: "failing", functionRows: 10, functionBenchmarks: ALL, unchangedRows: true, changedRows: ALL, failureLines: 50 },
  { sections: "none", functionRows: 10, functionBenchmarks: ALL, unchangedRows: true, changedRows: ALL, failureLines: 50 },
  { sections: "none", functionRows: 3, functionBenchmarks: ALL, unchangedRows: true, changedRows: ALL, failureLines: 50 },
  { sections: "none", functionRows: 3, functionBenchmarks: ALL, unchangedRows: false, changedRows: ALL, failureLines: 50 },
  { sections: "none", functionRows: 3, functionBenchmarks: 20, unchangedRows: false, changedRows: ALL, failureLines: 20 },
  { sections: "none", functionRows: 3, functionBenchmarks: 20, unchangedRows: false, changedRows: 200, failureLines: 20 },
  { sections: "none", functionRows: 3, functionBenchmarks: 5, unchangedRows: false, changedRows: 50, failureLines: 10 },
  { sections: "none", functionRows: 0, functionBenchmarks: 0, unchangedRows: false, changedRows: 10, failureLines: 5 }
];
var NONE_AFFECTED = "no benchmark is reachable from the files this pull request changed";
var COMMENT_LIMIT = 65536;
function renderMarkdown(report, options = {}) {
  const maxChars = options.maxChars ?? COMMENT_LIMIT;
  const prepared = prepare(report);
  let text = "";
  for (const [i, level] of LEVELS.entries()) {
    text = render(report, prepared, options, level, i === 0);
    if (text.length < maxChars) return text;
  }
  const notice = "\n\n… cut to fit the comment limit.\n";
  let end = Math.max(0, maxChars - notice.length - 1);
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + notice;
}
__name(renderMarkdown, "renderMarkdown");
var RANK = {
  regressed: 1,
  failed: 2,
  improved: 3,
  added: 4,
  removed: 5,
  unchanged: 6
};
function rank(b) {
  return (b.failures?.length ?? 0) > 0 ? 0 : RANK[b.status];
}
__name(rank, "rank");
function prepare(report) {
  const functions = /* @__PURE__ */ new Map();
  for (const f of report.functions) {
    if (f.status === "unchanged") continue;
    const list = functions.get(f.benchmark);
    if (list) list.push(f);
    else functions.set(f.benchmark, [f]);
  }
  for (const list of functions.values()) {
    list.sort((x, y) => Number(!!y.gate) - Number(!!x.gate));
  }
  const byRank = /* @__PURE__ */ __name((list) => list.map((b, i) => ({ b, i })).sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i).map((x) => x.b), "byRank");
  const allocations = /* @__PURE__ */ new Map();
  for (const a of report.allocations ?? []) {
    if (!rowChanged(a)) continue;
    const list = allocations.get(a.benchmark);
    if (list) list.push(a);
    else allocations.set(a.benchmark, [a]);
  }
  return {
    changed: byRank(report.benchmarks.filter(benchmarkChanged)),
    unchanged: report.benchmarks.filter((b) => !benchmarkChanged(b)),
    functions,
    detailed: byRank(report.benchmarks),
    allocations,
    memory: report.benchmarks.some((b) => b.memory)
  };
}
__name(prepare, "prepare");
function render(report, prepared, options, level, complete) {
  const repo = options.links?.repoUrl;
  const dropped = { sections: 0, functionRows: 0, unchanged: 0, changed: 0, failures: 0 };
  const body = [];
  const { changed, unchanged } = prepared;
  if (changed.length > 0) {
    const rows = changed.slice(0, level.changedRows);
    body.push(benchmarkTables(rows, prepared.memory));
    if (changed.length > rows.length) {
      dropped.changed = changed.length - rows.length;
      body.push(`… ${dropped.changed} more changed benchmark rows in the full report.`);
    }
  } else if (noneAffected(report)) {
    body.push(
      "No benchmark on both sides is reachable from the files this pull request changed, so none was timed."
    );
  } else if (report.benchmarks.length === 0) {
    body.push("No benchmarks were found.");
  }
  if (unchanged.length > 0) {
    if (level.unchangedRows) {
      const title = changed.length > 0 ? `${unchanged.length} unchanged benchmark(s)` : `All ${unchanged.length} benchmark(s) unchanged`;
      body.push(
        `<details><summary>${title}</summary>

${benchmarkTables(unchanged, prepared.memory)}

</details>`
      );
    } else {
      dropped.unchanged = unchanged.length;
      body.push(`… ${unchanged.length} unchanged benchmark rows in the full report.`);
    }
  }
  const notAffected = notAffectedSection(report, level.unchangedRows);
  if (notAffected) body.push(notAffected);
  if (level.unchangedRows) {
    const resolution = resolutionTable(report.benchmarks);
    if (resolution) body.push(resolution);
  }
  const sections = options.sections ?? {};
  let detailed = 0;
  for (const b of prepared.detailed) {
    const key = benchmarkKey(b);
    const rows = prepared.functions.get(key) ?? [];
    const allocationRows = prepared.allocations.get(key) ?? [];
    const section = sections[key];
    if (rows.length === 0 && allocationRows.length === 0 && section === void 0) continue;
    const failing = b.status === "regressed" || (b.failures?.length ?? 0) > 0;
    const keepSection = section !== void 0 && (level.sections === "all" || level.sections === "failing" && failing);
    if (section !== void 0 && !keepSection) dropped.sections++;
    const shown = detailed < level.functionBenchmarks ? rows.slice(0, level.functionRows) : [];
    dropped.functionRows += rows.length - shown.length;
    const allocationsShown = detailed < level.functionBenchmarks ? allocationRows.slice(0, level.functionRows) : [];
    dropped.functionRows += allocationRows.length - allocationsShown.length;
    if (shown.length === 0 && allocationsShown.length === 0 && !keepSection) continue;
    detailed++;
    const open = failing ? " open" : "";
    const allocating = allocationRows.length ? `, ${allocationRows.length} function(s) allocating differently` : "";
    const parts = [
      `<details${open}><summary><b>${htmlCodeName(key)}</b>: ${rows.length} function(s) changed${allocating}</summary>
`
    ];
    if (shown.length > 0) {
      parts.push(functionTable(shown, report, repo));
      if (rows.length > shown.length)
        parts.push(`
… ${rows.length - shown.length} more function rows in the full report.`);
    }
    if (allocationsShown.length > 0) {
      parts.push(`
Allocations per op:

${allocationTable(allocationsShown, report, repo)}`);
      if (allocationRows.length > allocationsShown.length)
        parts.push(
          `
… ${allocationRows.length - allocationsShown.length} more allocation rows in the full report.`
        );
    }
    if (keepSection) parts.push(`
${section}`);
    parts.push("\n</details>");
    body.push(parts.join("\n"));
  }
  const out = [];
  if (options.marker) out.push(options.marker);
  out.push(verdictLine(report));
  const failures = report.failures ?? [];
  if (failures.length > 0) {
    const shown = failures.slice(0, level.failureLines);
    dropped.failures = failures.length - shown.length;
    const keys = report.benchmarks.map(benchmarkKey).sort((x, y) => y.length - x.length);
    out.push(
      shown.map((f) => `- ${failureText(f, keys)}`).join("\n") + (dropped.failures > 0 ? `
- … and ${dropped.failures} more` : "")
    );
  }
  const removed = removedNote(report);
  if (removed) out.push(removed);
  const infrastructure = infrastructureFailure(report);
  if (infrastructure) {
    const [first] = infrastructure.split("\n");
    out.push(`> [!WARNING]
> flamegate ${markdownText(first ?? "", PROSE_MAX)}`);
  }
  const nothing = nothingMeasuredNote(report);
  if (nothing)
    out.push(
      `> [!${nothing.level === "error" ? "CAUTION" : "WARNING"}]
> flamegate ${nothing.level}: ${markdownText(nothing.reason, NOTE_MAX)} ${nothing.advice}`
    );
  const sampling = samplingNote(report, formatSeconds);
  if (sampling) out.push(`<sub>${markdownText(sampling, 1e3)}</sub>`);
  for (const note of [executedNote(report), everythingNote(report)])
    if (note) out.push(`<sub>${markdownText(note, PROSE_MAX)}</sub>`);
  const harness = harnessNotesBlock(report);
  if (harness) out.push(harness);
  const leftOut = leftOutSection(report);
  if (leftOut) out.push(leftOut);
  const commit = /* @__PURE__ */ __name((sha) => repo ? `[\`${shortSha(sha)}\`](${repo}/commit/${sha})` : `\`${shortSha(sha)}\``, "commit");
  const ref = /* @__PURE__ */ __name((name) => codeName(name, { max: 100 }), "ref");
  out.push(
    `Base ${commit(report.base.sha)} (${ref(report.base.ref)}) → head ${commit(report.head.sha)} (${ref(report.head.ref)})`
  );
  if (!complete) {
    const left = [
      dropped.sections && `${dropped.sections} flame-graph section(s)`,
      dropped.functionRows && `${dropped.functionRows} function row(s)`,
      dropped.unchanged && `${dropped.unchanged} unchanged benchmark row(s)`,
      dropped.changed && `${dropped.changed} changed benchmark row(s)`,
      dropped.failures && `${dropped.failures} failure line(s)`
    ].filter(Boolean);
    out.push(
      `> [!NOTE]
> Left out to fit GitHub's comment limit: ${left.length > 0 ? left.join(", ") : "some details"}. ${options.fullReportHint ?? "The full report is in the job summary and the JSON report."}`
    );
  }
  out.push(...body, footer(report, options));
  return `${out.join("\n\n")}
`;
}
__name(render, "render");
function verdictLine(report) {
  const count = /* @__PURE__ */ __name((s) => report.benchmarks.filter((b) => b.status === s).length, "count");
  const gates = report.functions.filter((f) => f.gate).length;
  const allocating = report.benchmarks.filter((b) => b.memory?.status === "regressed").length;
  const parts = [
    count("regressed") && `${count("regressed")} regressed`,
    gates && `${gates} function(s) over the function threshold`,
    allocating && `${allocating} allocating more per op`,
    count("failed") && `${count("failed")} failed`,
    count("improved") && `${count("improved")} improved`,
    count("added") && `${count("added")} added`,
    count("removed") && `${count("removed")} removed`,
    `${count("unchanged")} unchanged`,
    report.selection?.notAffected.length && `${report.selection.notAffected.length} not affected by this PR`
  ].filter(Boolean);
  const inconclusive = report.benchmarks.filter((b) => b.inconclusive && b.status === "unchanged").length;
  const broken = (report.infrastructureErrors?.length ?? 0) > 0;
  const nothing = nothingMeasuredNote(report);
  const unmeasured = nothing ? "nothing was measured on both sides" : unmeasuredNote(report);
  const icon = nothing?.level === "error" ? "⛔" : broken || unmeasured && report.verdict !== "fail" ? "⚠️" : report.verdict === "fail" ? "❌" : "✅";
  const word = broken ? "infrastructure error" : nothing?.level === "error" ? "error" : report.verdict === "fail" ? "fail" : "pass";
  const lead = unmeasured ? `${word}, ${nothing?.level === "warning" ? "warning: " : ""}${unmeasured}` : noneAffected(report) && !broken ? `${word}, ${NONE_AFFECTED}` : word;
  return `### ${icon} flamegate: ${lead} · ${parts.join(", ")}${inconclusive ? ` · ${inconclusive} too noisy to resolve ${inconclusive === 1 ? "its" : "their"} threshold` : ""}`;
}
__name(verdictLine, "verdictLine");
function benchmarkTables(rows, memory = false) {
  if (!rows.some((b) => b.package !== void 0)) return benchmarkTable(rows, memory);
  const groups = /* @__PURE__ */ new Map();
  for (const b of rows) {
    const name = b.package ?? "(no package)";
    groups.set(name, [...groups.get(name) ?? [], b]);
  }
  return [...groups.keys()].sort().map((name) => `**📦 ${codeName(name)}**

${benchmarkTable(groups.get(name) ?? [], memory)}`).join("\n\n");
}
__name(benchmarkTables, "benchmarkTables");
function benchmarkTable(rows, memory = false) {
  const header = ["Benchmark", "Base", "Head", "Change", "95% CI", "Status"];
  if (memory) header.splice(5, 0, "Memory");
  const body = rows.map((b) => {
    const measured = b.base && b.head && b.status !== "failed";
    let status = STATUS[b.status];
    if (b.inconclusive && b.status === "unchanged")
      status += ` (can't resolve ${formatPercent(b.threshold, false)})`;
    if (b.confirmation) status += b.confirmation.confirmed ? " · confirmed" : " · not confirmed";
    const memoryFailed = b.memory?.status === "regressed";
    const otherFailures = (b.failures?.length ?? 0) - (memoryFailed ? 1 : 0);
    if (b.status !== "regressed" && otherFailures > 0) status += " · ⛔ function threshold";
    if (memoryFailed) status += " · ⛔ allocations";
    if (b.status === "failed" && b.error) status += `: ${markdownText(b.error.split("\n")[0] ?? "", 160)}`;
    return [
      benchmarkCell(b),
      b.base ? formatNs(b.base.medianNs) : "–",
      b.head ? formatNs(b.head.medianNs) : "–",
      measured ? formatPercent(b.change) : "–",
      measured ? formatInterval(b.ci) : "–",
      ...memory ? [memoryCell(b)] : [],
      status
    ];
  });
  const align = ["l", "r", "r", "r", "r", ...memory ? ["l"] : [], "l"];
  return markdownTable([header, ...body], { align });
}
__name(benchmarkTable, "benchmarkTable");
function memoryCell(b) {
  const m = b.memory;
  if (!m) return "–";
  const icon = m.status === "regressed" ? " 🔴" : m.status === "improved" ? " 🟢" : "";
  const gc = /* @__PURE__ */ __name((x) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`, "gc");
  return `${formatPercent(m.change)}${icon} ${formatBytes(m.baseBytesPerOp)} → ${formatBytes(m.headBytesPerOp)}/op · GC ${gc(m.baseGcShare)} → ${gc(m.headGcShare)}`;
}
__name(memoryCell, "memoryCell");
var ALLOC_STATUS = {
  regressed: "🔴 more",
  improved: "🟢 less",
  unchanged: "⚪",
  added: "🆕 new",
  removed: "➖ gone"
};
function allocationTable(rows, report, repo) {
  const header = ["Function", "Where", "Base bytes/op", "Head bytes/op", "Δ bytes/op", "Share", "Status"];
  const body = rows.map((a) => {
    const edited = !!a.source?.changed && a.source.reason !== "dependency";
    return [
      `${cellName(a.name, 150)}${edited ? " ✏️" : ""}`,
      whereCell(a, a.package && cellName(a.package), report, repo),
      formatBytes(a.baseBytesPerOp),
      formatBytes(a.headBytesPerOp),
      formatDeltaBytes(a.deltaBytesPerOp),
      a.shareOfBenchmark === void 0 ? "–" : formatPercent(a.shareOfBenchmark),
      ALLOC_STATUS[a.status]
    ];
  });
  return markdownTable([header, ...body], { align: ["l", "l", "r", "r", "r", "r", "l"] });
}
__name(allocationTable, "allocationTable");
function whereCell(row, pkg, report, repo) {
  if (pkg) return pkg;
  const url = row.kind === void 0 || row.kind === "user" ? sourceUrl(repo, report.head.sha, row.file, row.line) : void 0;
  if (url) return `[${cellName(row.file, 150)}:${row.line}](${url})`;
  return row.file ? cellName(row.file, 150) : row.kind ?? "";
}
__name(whereCell, "whereCell");
function packageCell(f) {
  const versions = f.source?.packageVersions;
  const name = cellName(f.package ?? "");
  if (!f.source?.changed || !versions) return name;
  const version = /* @__PURE__ */ __name((v) => v === void 0 ? "(none)" : cellName(v, 40), "version");
  return `📦 ${name} ${version(versions.base)} → ${version(versions.head)}`;
}
__name(packageCell, "packageCell");
function benchmarkCell(b) {
  return `${cellName(b.name)} <sub>${cellName(b.file, 80)}</sub>`;
}
__name(benchmarkCell, "benchmarkCell");
function failureText(line, keysLongestFirst) {
  const key = keysLongestFirst.find((k) => line.startsWith(`${k}: `));
  if (key === void 0) return markdownText(line, PROSE_MAX);
  return `${codeName(key)}: ${markdownText(line.slice(key.length + 2), PROSE_MAX)}`;
}
__name(failureText, "failureText");
function ungatedRemovals(report) {
  return report.benchmarks.filter((b) => b.status === "removed" && !b.failures?.length);
}
__name(ungatedRemovals, "ungatedRemovals");
function removedNote(report) {
  const removed = ungatedRemovals(report);
  if (removed.length === 0) return void 0;
  const names = removed.slice(0, 5).map((b) => codeName(benchmarkKey(b), { max: 80 }));
  const more = removed.length > names.length ? ` and ${removed.length - names.length} more` : "";
  return `> [!NOTE]
> This pull request removes ${removed.length} benchmark(s): ${names.join(", ")}${more}. Not gated (\`thresholds.removed: warn\`); \`thresholds.removed: fail\` fails such a run.`;
}
__name(removedNote, "removedNote");
function productionCell(f) {
  if (f.notInProduction) return "not run in production";
  if (f.productionShare === void 0) return "–";
  const impact = f.fleetImpact ?? 0;
  return `${formatPercent(f.productionShare, false)} of CPU · ≈ ${formatPercent(impact)} fleet${f.fleetGate ? " ⛔" : ""}`;
}
__name(productionCell, "productionCell");
function functionTable(rows, report, repo) {
  const production = report.functions.some((f) => f.productionShare !== void 0);
  const header = ["Function", "Where", "Base self/op", "Head self/op", "Δ self/op", "Share", "Status"];
  if (production) header.splice(6, 0, "Production");
  const body = rows.map((f) => {
    const cells = [
      `${cellName(f.name, 150)}${changedInPr(f) ? " ✏️" : ""}${f.gate ? " ⛔" : ""}`,
      whereCell(f, f.package && packageCell(f), report, repo),
      formatNs(f.baseSelfNsPerOp),
      formatNs(f.headSelfNsPerOp),
      formatDeltaNs(f.deltaNsPerOp),
      f.shareOfBenchmark === void 0 ? "–" : formatPercent(f.shareOfBenchmark),
      FN_STATUS[f.status]
    ];
    if (production) cells.splice(6, 0, productionCell(f));
    return cells;
  });
  const align = ["l", "l", "r", "r", "r", "r", "l"];
  if (production) align.splice(6, 0, "r");
  return markdownTable([header, ...body], { align });
}
__name(functionTable, "functionTable");
function resolutionTable(benchmarks) {
  const rows = benchmarks.filter((b) => b.resolution !== void 0);
  if (rows.length === 0) return void 0;
  const stopped = {
    resolved: "resolved",
    maxProcesses: "budget.maxProcesses",
    maxMinutes: "budget.maxMinutes"
  };
  const body = rows.map((b) => [
    benchmarkCell(b),
    `±${formatPercent(b.resolution ?? Number.NaN, false)}`,
    formatPercent(b.threshold, false),
    b.processes === void 0 ? "–" : String(b.processes),
    b.stoppedBy ? stopped[b.stoppedBy] ?? b.stoppedBy : "–",
    markdownText([confirmationNote(b), neededNote(b)].filter(Boolean).join("; "), 1e3)
  ]);
  const table = markdownTable(
    [["Benchmark", "Resolves", "Threshold", "Processes", "Stopped by", "Notes"], ...body],
    { align: ["l", "r", "r", "r", "l", "l"] }
  );
  const open = rows.filter((b) => b.inconclusive).length;
  return `<details><summary>Resolution: the smallest change each benchmark could show${open ? ` (${open} unresolved)` : ""}</summary>

${table}

</details>`;
}
__name(resolutionTable, "resolutionTable");
function confirmationNote(b) {
  const c = b.confirmation;
  if (!c) return void 0;
  const what = `${formatPercent(c.change)} (${formatInterval(c.ci)}) in ${c.processes} fresh processes`;
  return c.confirmed ? `confirmed: ${what}` : `first verdict ${c.firstVerdict ?? "regressed"}, not confirmed: ${what}`;
}
__name(confirmationNote, "confirmationNote");
function neededNote(b) {
  if (!b.inconclusive || b.stoppedBy === void 0 || b.stoppedBy === "resolved") return void 0;
  if (b.status === "regressed" || b.status === "improved") return void 0;
  if (b.neededProcesses === void 0)
    return `unresolved at ${formatPercent(b.threshold, false)}: the change, ${formatPercent(b.change)}${b.resolution !== void 0 ? ` (±${formatPercent(b.resolution, false)})` : ""}, sits too close to the threshold for more processes to say which side it is on; read it as about ${formatPercent(b.change)}, or move the threshold away from it`;
  const by = b.stoppedBy === "maxMinutes" ? "budget.maxMinutes ran out" : "budget.maxProcesses ran out";
  return `unresolved at ${formatPercent(b.threshold, false)} (${by}): about ${b.neededProcesses} processes would resolve it (budget.maxProcesses: ${b.neededProcesses})`;
}
__name(neededNote, "neededNote");
function harnessNotesBlock(report) {
  const notes = report.harnessNotes ?? [];
  if (notes.length === 0) return void 0;
  const shown = notes.slice(0, 10).map((n) => `> - ${markdownText(n, PROSE_MAX)}`);
  if (notes.length > shown.length) shown.push(`> - … and ${notes.length - shown.length} more (JSON report)`);
  return `> [!NOTE]
> Benchmark settings of this repository that flamegate did not honour:
${shown.join("\n")}`;
}
__name(harnessNotesBlock, "harnessNotesBlock");
function samplingNote(report, seconds) {
  const s = report.sampling;
  if (!s) return void 0;
  const parts = [
    `Sampling: ${s.processes - (s.confirmProcesses ?? 0)} of at most ${s.maxProcesses} benchmark-processes${s.confirmProcesses ? ` (+${s.confirmProcesses} confirming)` : ""}, ${seconds(s.seconds)}; stopping early saved about ${seconds(s.savedSeconds)}`,
    `${s.resolved} resolved, ${s.unresolved} stopped by the budget`
  ];
  if (s.harnessFloorNs !== void 0) parts.push(`harness floor ${formatNs(s.harnessFloorNs)}/op`);
  const t = s.trailing;
  const settings = report.settings;
  if (t && (!settings || t.profileMs !== settings.profileMs || t.allocationMs !== settings.allocationMs))
    parts.push(
      `budget.maxMinutes cut profiles to ${t.profileMs} ms and allocation samples to ${t.allocationMs} ms per side`
    );
  if (t?.allocated !== void 0 && t.allocatable !== void 0)
    parts.push(
      `budget.maxMinutes left time for the allocation pass on ${t.allocated} of ${t.allocatable} benchmark(s), the first measured`
    );
  return parts.join(" · ");
}
__name(samplingNote, "samplingNote");
function changedInPr(f) {
  return !!f.source?.changed && f.source.reason !== "dependency";
}
__name(changedInPr, "changedInPr");
function packageLabel(f) {
  const versions = f.source?.packageVersions;
  if (!f.package || !f.source?.changed || !versions) return f.package ?? "";
  return `📦 ${f.package} ${versions.base ?? "(none)"} → ${versions.head ?? "(none)"}`;
}
__name(packageLabel, "packageLabel");
function leftOutSection(report) {
  const all = report.leftOut ?? [];
  if (all.length === 0) return void 0;
  const shown = all.slice(0, LEFT_OUT_SHOWN);
  const more = all.length - shown.length;
  const reasons = leftOutReasons(report);
  const why = reasons.slice(0, LEFT_OUT_REASONS_SHOWN).map((r) => `- ${r.count === all.length ? "" : `${r.count}: `}${markdownText(r.reason, PROSE_MAX)}`);
  if (reasons.length > LEFT_OUT_REASONS_SHOWN)
    why.push(`- … and ${reasons.length - LEFT_OUT_REASONS_SHOWN} other reason(s)`);
  return [
    `<details><summary>⏱️ ${all.length} benchmark(s) left out for time: not measured, in no verdict</summary>`,
    "",
    ...why,
    "",
    shown.map((l) => codeName(benchmarkKey(l), { max: 200 })).join(", ") + (more > 0 ? `, … and ${more} more (the JSON report lists them all)` : ""),
    "",
    "Raise `budget.maxMinutes`, or measure a share of the suite per job (`shard`), to measure them.",
    "</details>"
  ].join("\n");
}
__name(leftOutSection, "leftOutSection");
var LEFT_OUT_SHOWN = 50;
var LEFT_OUT_REASONS_SHOWN = 3;
function footer(report, options) {
  const how = whatRan(report);
  const memory = report.benchmarks.some((b) => b.memory) ? " Memory: bytes allocated per op (collected objects included), head vs base, and the share of time spent in garbage collection; ⛔ allocations: bytes/op grew past the allocation threshold." : "";
  const lines = [
    `<sub>Share: a function's Δ self time as a share of the benchmark's base time per op; ✏️ marks a function whose source this PR changed, 📦 a dependency whose version it changed; ⛔ marks a function over the function threshold.${report.functions.some((f) => f.productionShare !== void 0) ? " Production: the function's share of production CPU (self time) in the production profile, and the estimated change of fleet CPU (its self-time change × that share)." : ""}${memory} ${how ? `Measured with ${how}.` : ""} Reproduce locally: \`npx flamegate compare --base ${report.base.sha} --head ${report.head.sha}\`</sub>`
  ];
  if (options.footer) lines.push(options.footer);
  return lines.join("\n\n");
}
__name(footer, "footer");

// src/report/terminal.ts
function wantsColor(noColorFlag, stream = process.stdout, env = process.env) {
  return !noColorFlag && stream.isTTY === true && !env.NO_COLOR;
}
__name(wantsColor, "wantsColor");
var CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 };
function renderTerminal(report, options = {}) {
  const paint = /* @__PURE__ */ __name((code, text) => options.color ? `\x1B[${CODES[code]}m${text}\x1B[0m` : text, "paint");
  const statusColor = /* @__PURE__ */ __name((b) => b.status === "regressed" || b.status === "failed" ? "red" : b.status === "improved" ? "green" : "dim", "statusColor");
  const rows = report.benchmarks.map((b) => {
    const measured = b.base && b.head && b.status !== "failed";
    return {
      b,
      cells: [
        plainText(benchmarkKey(b)),
        b.base ? formatNs(b.base.medianNs) : "–",
        b.head ? formatNs(b.head.medianNs) : "–",
        measured ? formatPercent(b.change) : "–",
        measured ? formatInterval(b.ci) : "–",
        measured && b.resolution !== void 0 ? `±${formatPercent(b.resolution, false)}` : "–",
        b.processes !== void 0 ? String(b.processes) : "–",
        b.status + (b.inconclusive && b.status === "unchanged" ? " (too noisy)" : "")
      ]
    };
  });
  const header = ["benchmark", "base", "head", "change", "95% CI", "resolves", "processes", "status"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? "").length)));
  const line = /* @__PURE__ */ __name((cells) => cells.map(
    (c, i) => i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)
  ).join("  "), "line");
  const out = [
    "",
    paint(
      "bold",
      `flamegate: base ${shortSha(report.base.sha)} (${plainText(report.base.ref)}) → head ${shortSha(report.head.sha)} (${plainText(report.head.ref)})`
    ),
    "",
    paint("dim", line(header))
  ];
  for (const r of rows) {
    out.push(paint(statusColor(r.b), line(r.cells)));
    if (r.b.status === "failed" && r.b.error)
      out.push(paint("red", `    ${r.b.error.split("\n").map(plainText).join("\n    ")}`));
    const confirmation = confirmationNote(r.b);
    if (confirmation) out.push(paint(r.b.status === "regressed" ? "red" : "dim", `    ${confirmation}`));
    const needed = neededNote(r.b);
    if (needed) out.push(paint("yellow", `    ${needed}`));
  }
  const sampling = samplingNote(report, formatSeconds);
  if (sampling) out.push("", paint("dim", sampling));
  const selection = [notAffectedNote(report), executedNote(report), everythingNote(report)].filter(
    (l) => l !== void 0
  );
  if (selection.length > 0) out.push("", ...selection.map((l) => paint("dim", plainText(l))));
  for (const note of report.harnessNotes ?? []) out.push(paint("yellow", `note: ${plainText(note)}`));
  const changedFunctions = report.functions.filter(rowChanged);
  if (changedFunctions.length > 0) {
    out.push("", paint("bold", "Functions whose self time per op changed:"));
    for (const b of report.benchmarks) {
      const key = benchmarkKey(b);
      const fns = changedFunctions.filter((f) => f.benchmark === key).slice(0, 5);
      if (fns.length === 0) continue;
      out.push(`  ${plainText(key)}`);
      for (const f of fns) {
        const where = f.package ? packageLabel(f) : f.file ? `${f.file}:${f.line}` : f.kind ?? "";
        const production = f.notInProduction ? "not run in production" : f.productionShare !== void 0 && `${formatPercent(f.productionShare, false)} of production CPU, ≈ ${formatPercent(f.fleetImpact ?? 0)} fleet CPU${f.fleetGate ? ", over the fleet threshold" : ""}`;
        const notes = [
          f.status,
          changedInPr(f) && "changed in this PR",
          f.gate && "over the function threshold",
          production
        ];
        const text = `    ${formatDeltaNs(f.deltaNsPerOp).padStart(10)}  ${plainText(f.name)}  ${plainText(where)}  (${notes.filter(Boolean).join(", ")})`;
        out.push(paint(f.status === "regressed" || f.status === "added" ? "red" : "green", text));
      }
    }
  }
  out.push(...memoryLines(report, paint));
  out.push("");
  const nothing = nothingMeasuredNote(report);
  const unmeasured = unmeasuredNote(report);
  const verdict = report.infrastructureErrors?.length ? paint("red", "NONE (infrastructure error, see below)") : nothing?.level === "error" ? paint("red", "ERROR (nothing was measured on both sides, see below)") : report.verdict === "fail" ? paint("red", "FAIL") : paint(nothing || unmeasured ? "yellow" : "green", "PASS");
  const warning = nothing?.level === "warning" ? "warning: nothing was measured on both sides" : unmeasured;
  const none = noneAffected(report) ? ` · ${NONE_AFFECTED}` : "";
  out.push(`${paint("bold", "Verdict:")} ${verdict}${warning ? paint("yellow", ` · ${warning}`) : none}`);
  if (nothing) out.push(paint(nothing.level === "error" ? "red" : "yellow", `  ${plainText(nothing.text)}`));
  for (const f of report.failures ?? []) out.push(paint("red", `  - ${plainText(f)}`));
  for (const { reason, count } of leftOutReasons(report))
    out.push(paint("yellow", `  ${count} benchmark(s) left out: ${plainText(reason)}`));
  const removed = ungatedRemovals(report);
  if (removed.length > 0)
    out.push(
      paint(
        "yellow",
        `  ${removed.length} benchmark(s) removed by this pull request, not gated (thresholds.removed: fail would fail it): ${removed.map((b) => plainText(benchmarkKey(b))).join(", ")}`
      )
    );
  return out.join("\n");
}
__name(renderTerminal, "renderTerminal");
function memoryLines(report, paint) {
  const measured = report.benchmarks.filter((b) => b.memory);
  if (measured.length === 0) return [];
  const out = ["", paint("bold", "Allocated bytes per op (collected objects included), time in GC:")];
  for (const b of measured) {
    const m = b.memory;
    const color = m.status === "regressed" ? "red" : m.status === "improved" ? "green" : "dim";
    out.push(
      paint(
        color,
        `  ${plainText(benchmarkKey(b))}: ${formatBytes(m.baseBytesPerOp)} → ${formatBytes(m.headBytesPerOp)} ${formatPercent(m.change)} (95% CI ${formatInterval(m.ci)}) ${m.status}; GC ${(m.baseGcShare * 100).toFixed(1)}% → ${(m.headGcShare * 100).toFixed(1)}% of the time`
      )
    );
    const rows = (report.allocations ?? []).filter((a) => a.benchmark === benchmarkKey(b) && rowChanged(a)).slice(0, 5);
    for (const a of rows) {
      const where = a.package ?? (a.file ? `${a.file}:${a.line}` : a.kind ?? "");
      const edited = a.source?.changed && a.source.reason !== "dependency" ? ", changed in this PR" : "";
      out.push(
        paint(
          a.status === "regressed" || a.status === "added" ? "red" : "green",
          `    ${formatDeltaBytes(a.deltaBytesPerOp).padStart(11)}  ${plainText(a.name)}  ${plainText(where)}  (${a.status}${edited})`
        )
      );
    }
  }
  return out;
}
__name(memoryLines, "memoryLines");

// src/report/write-run.ts
import { mkdirSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

// src/flame/index.ts
function renderFlameOutputs(base, head, options = {}) {
  const tree = buildFlameTree(base, head, { collapse: options.collapse });
  const title = options.title ? `Flame graph delta: ${options.title}` : "Flame graph delta";
  const svg = renderFlameSvg(tree, { title, ...options.svg });
  const html = renderFlameHtml(tree, {
    title,
    repoUrl: options.repoUrl,
    headSha: options.headSha,
    ...options.html
  });
  const text = renderFlameText(tree, {
    maxChars: options.maxTextChars ?? 6e3,
    maxFrames: options.maxTextFrames,
    title: options.title
  });
  return { tree, svg, html, text };
}
__name(renderFlameOutputs, "renderFlameOutputs");

// src/report/outputs.ts
function renderFlames(result, options = {}) {
  const { report } = result;
  const maxChars = options.maxChars ?? COMMENT_LIMIT;
  const { time: changed, memory: memoryChangedKeys } = changedBenchmarkKeys(report);
  const perSection = Math.max(1500, Math.min(6e3, Math.floor(maxChars * 0.4 / Math.max(1, changed.size))));
  const sections = {};
  const files = [];
  for (const [key, sides] of Object.entries(result.cpuStacks)) {
    if (!sides.base && !sides.head) continue;
    const name = result.slugs[key];
    if (!name) throw new Error(`no file name for benchmark ${key}: the measure stage names every benchmark`);
    if (!SAFE_NAME.test(name))
      throw new Error(`the file name ${JSON.stringify(name)} of ${key} is not a plain name`);
    const flame = renderFlameOutputs(sides.base, sides.head, {
      title: key,
      repoUrl: options.repoUrl,
      headSha: report.head.sha,
      maxTextChars: perSection
    });
    const isChanged = changed.has(key);
    files.push({ path: `flame/${name}.svg`, content: flame.svg, key, changed: isChanged });
    files.push({ path: `flame/${name}.html`, content: flame.html, key, changed: isChanged });
    if (isChanged) sections[key] = flame.text;
  }
  for (const [key, sides] of Object.entries(result.allocationStacks ?? {})) {
    if (!sides.base && !sides.head) continue;
    const name = result.slugs[key] ?? key.replace(/[^A-Za-z0-9._-]+/g, "_");
    const changedMemory = memoryChangedKeys.has(key);
    const tree = buildFlameTree(sides.base, sides.head);
    files.push({
      path: `flame/${name}-alloc.html`,
      content: renderFlameHtml(tree, {
        title: `Allocation flame graph delta: ${key}`,
        repoUrl: options.repoUrl,
        headSha: report.head.sha
      }),
      key,
      changed: changedMemory
    });
  }
  return { files, sections };
}
__name(renderFlames, "renderFlames");
function renderComment(report, flames, options = {}) {
  const sections = {};
  for (const [key, text] of Object.entries(flames.sections)) {
    const image = options.images?.[key];
    const alt = `flame graph delta of ${markdownText(key, NAME_MAX)}`;
    sections[key] = image ? `[![${alt}](${image})](${image})

${text}` : text;
  }
  return renderMarkdown(report, {
    links: options.repoUrl ? { repoUrl: options.repoUrl } : void 0,
    marker: options.marker,
    maxChars: options.maxChars ?? COMMENT_LIMIT,
    sections,
    footer: options.footer
  });
}
__name(renderComment, "renderComment");
function renderCommentAndSummary(report, flames, options) {
  const { marker, summaryChars, ...rest } = options;
  const summary = renderComment(report, flames, { ...rest, maxChars: summaryChars });
  const whole = marker ? `${marker}

${summary}` : summary;
  const comment = whole.length < COMMENT_LIMIT ? whole : renderComment(report, flames, { ...rest, marker, maxChars: COMMENT_LIMIT });
  return { comment, summary };
}
__name(renderCommentAndSummary, "renderCommentAndSummary");

// src/report/write-run.ts
var SUMMARY_CHARS = 1e6;
async function writeRun(run, options = {}) {
  const json = `${JSON.stringify(run.report, null, 2)}
`;
  write(run.reportPath, json);
  if (options.copies?.json) writeFileSync2(options.copies.json, json);
  const flames = renderFlames(run, { repoUrl: options.repoUrl });
  for (const file of flames.files) {
    const path = resolve(run.outDir, file.path);
    if (!isInside(run.outDir, path)) {
      throw new UsageError(`refusing to write ${file.path} for ${file.key}: it is outside ${run.outDir}`);
    }
    write(path, file.content);
  }
  const extras = await options.beforeComment?.(flames) ?? {};
  const { comment, summary } = renderCommentAndSummary(run.report, flames, {
    repoUrl: options.repoUrl,
    marker: options.marker,
    summaryChars: SUMMARY_CHARS,
    ...extras
  });
  write(resolve(run.outDir, "comment.md"), comment);
  if (options.copies?.markdown) writeFileSync2(options.copies.markdown, comment);
  return { flames, comment, summary, exit: exitOutcome(run.report) };
}
__name(writeRun, "writeRun");
function isInside(dir, path) {
  const inside = relative(resolve(dir), path);
  return inside !== "" && inside.split(sep)[0] !== ".." && !isAbsolute(inside);
}
__name(isInside, "isInside");
function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync2(path, content);
}
__name(write, "write");

// src/stats/estimate.ts
function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
__name(median, "median");
function pairedLogRatio(p) {
  if (p.pairLogRatios.length > 0) return median(p.pairLogRatios);
  return Math.log(p.head.total / p.head.ops / (p.base.total / p.base.ops));
}
__name(pairedLogRatio, "pairedLogRatio");
function processLogRatio(t) {
  return pairedLogRatio({
    base: { ops: t.base.ops, total: t.base.totalNs },
    head: { ops: t.head.ops, total: t.head.totalNs },
    pairLogRatios: t.pairLogRatios
  });
}
__name(processLogRatio, "processLogRatio");
function estimateChange(timings) {
  return estimateFromLogRatios(timings.map(processLogRatio));
}
__name(estimateChange, "estimateChange");
function estimateFromLogRatios(logRatios) {
  const perProcess = logRatios.filter(Number.isFinite);
  const n = perProcess.length;
  if (n === 0)
    return { change: Number.NaN, ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], perProcess };
  const mean = perProcess.reduce((a, b) => a + b, 0) / n;
  if (n < 2) {
    return {
      change: Math.exp(mean) - 1,
      ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
      perProcess
    };
  }
  const variance = perProcess.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return {
    change: Math.exp(mean) - 1,
    ci: [Math.exp(mean - half) - 1, Math.exp(mean + half) - 1],
    perProcess
  };
}
__name(estimateFromLogRatios, "estimateFromLogRatios");
var T975 = [
  Number.NaN,
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042
];
function tQuantile975(df) {
  if (!(df >= 1)) return Number.POSITIVE_INFINITY;
  const whole = Math.floor(df);
  const tabled = T975[whole];
  if (tabled !== void 0) return tabled;
  const z = 1.959963985;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / whole + g2 / whole ** 2 + g3 / whole ** 3;
}
__name(tQuantile975, "tQuantile975");
function logGamma(x) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
__name(logGamma, "logGamma");
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x)) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 400; i++) {
    const m = i >> 1;
    let numerator;
    if (i === 0) numerator = 1;
    else if (i % 2 === 0) numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    const step = c * d;
    f *= step;
    if (Math.abs(1 - step) < 1e-14) break;
  }
  return front * (f - 1);
}
__name(incompleteBeta, "incompleteBeta");
function tCdf(t, df) {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
__name(tCdf, "tCdf");
var quantiles = /* @__PURE__ */ new Map();
function tQuantile(p, df) {
  if (!(df >= 1) || !(p > 0 && p < 1)) return p === 0.5 ? 0 : Number.POSITIVE_INFINITY;
  if (p < 0.5) return -tQuantile(1 - p, df);
  const key = `${p}:${df}`;
  const known = quantiles.get(key);
  if (known !== void 0) return known;
  const q = bisectT(p, df);
  if (quantiles.size < 1e4) quantiles.set(key, q);
  return q;
}
__name(tQuantile, "tQuantile");
function bisectT(p, df) {
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
__name(bisectT, "bisectT");

// src/compare/verdict.ts
function verdictFrom(failures) {
  return (failures?.length ?? 0) > 0 ? "fail" : "pass";
}
__name(verdictFrom, "verdictFrom");

export {
  require_picomatch2 as require_picomatch,
  benchmarkKey,
  SAFE_NAME,
  median,
  pairedLogRatio,
  processLogRatio,
  estimateChange,
  estimateFromLogRatios,
  tQuantile975,
  tQuantile,
  measuredOf,
  nothingMeasured,
  verdictFrom,
  listBenchmarkFiles,
  expandPackages,
  listPackageFiles,
  packageDirOf,
  ALLOCATION_MIN_WARMUP_MS,
  TRAILING_MIN_SCALE,
  afterMeasureMs,
  PROCESS_START_MS,
  BENCHMARK_SWITCH_MS,
  trailingCostMs,
  trailingBenchmarkMs,
  attributionCostMs,
  allocationsFitting,
  trailingPlan,
  parseShard,
  shardSelector,
  costTracker,
  recordRun,
  STACKS_FILE,
  writeStacks,
  readStacks,
  readCostsFile,
  wantsColor,
  renderTerminal,
  writeRun
};
