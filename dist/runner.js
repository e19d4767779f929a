import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module3) {
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
    module3.exports = {
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
    exports.removePrefix = (input, state2 = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state2.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state2 = {}, options2 = {}) => {
      const prepend = options2.contains ? "" : "^";
      const append = options2.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state2.negated === true) {
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
  "node_modules/picomatch/lib/scan.js"(exports, module3) {
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
    var scan = /* @__PURE__ */ __name((input, options2) => {
      const opts = options2 || {};
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
      const state2 = {
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
        state2.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state2.tokens = tokens;
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
            state2.maxDepth += tokens[idx].depth;
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
          state2.maxDepth += tokens[tokens.length - 1].depth;
        }
        state2.slashes = slashes;
        state2.parts = parts;
      }
      return state2;
    }, "scan");
    module3.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module3) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = /* @__PURE__ */ __name((args, options2) => {
      if (typeof options2.expandRange === "function") {
        return options2.expandRange(...args, options2);
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
    var analyzeRepeatedExtglob = /* @__PURE__ */ __name((body, options2) => {
      if (options2.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options2.maxExtglobRecursion === "number" ? options2.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
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
        const literal2 = normalizeSimpleBranch(branch);
        if (literal2 && literal2.length === 1) {
          safeChars.push(literal2);
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
    var parse = /* @__PURE__ */ __name((input, options2) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options2 };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
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
      const state2 = {
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
      input = utils.removePrefix(input, state2);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = /* @__PURE__ */ __name(() => state2.index === len - 1, "eos");
      const peek = state2.peek = (n = 1) => input[state2.index + n];
      const advance = state2.advance = () => input[++state2.index] || "";
      const remaining = /* @__PURE__ */ __name(() => input.slice(state2.index + 1), "remaining");
      const consume = /* @__PURE__ */ __name((value2 = "", num = 0) => {
        state2.consumed += value2;
        state2.index += num;
      }, "consume");
      const append = /* @__PURE__ */ __name((token) => {
        state2.output += token.output != null ? token.output : token.value;
        consume(token.value);
      }, "append");
      const negate = /* @__PURE__ */ __name(() => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state2.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state2.negated = true;
        state2.start++;
        return true;
      }, "negate");
      const increment = /* @__PURE__ */ __name((type) => {
        state2[type]++;
        stack.push(type);
      }, "increment");
      const decrement = /* @__PURE__ */ __name((type) => {
        state2[type]--;
        stack.pop();
      }, "decrement");
      const push = /* @__PURE__ */ __name((tok) => {
        if (prev.type === "globstar") {
          const isBrace = state2.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state2.output = state2.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state2.output += prev.output;
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
        token.parens = state2.parens;
        token.output = state2.output;
        token.startIndex = state2.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state2.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      }, "extglobOpen");
      const extglobClose = /* @__PURE__ */ __name((token) => {
        const literal2 = input.slice(token.startIndex, state2.index + 1);
        const body = input.slice(token.startIndex + 2, state2.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal2;
          open.output = safeOutput || utils.escapeRegex(literal2);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state2.output = token.output + open.output;
          state2.backtrack = true;
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
            const expression = parse(rest, { ...options2, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state2.negatedExtglob = true;
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
          state2.output = input;
          return state2;
        }
        state2.output = utils.wrapOutput(output, state2, options2);
        return state2;
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
            state2.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state2.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state2.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
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
                  state2.backtrack = true;
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
        if (state2.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state2.quotes = state2.quotes === 1 ? 0 : 1;
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
          if (state2.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state2.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state2.parens ? ")" : "\\)" });
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
          if (state2.brackets === 0) {
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
          state2.output = state2.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state2.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state2.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state2.output.length,
            tokensIndex: state2.tokens.length
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
            state2.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state2.output.slice(0, brace.outputIndex);
            const toks = state2.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state2.output = out;
            for (const t of toks) {
              state2.output += t.output || t.value;
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
          if (prev.type === "dot" && state2.index === state2.start + 1) {
            state2.start = state2.index + 1;
            state2.consumed = "";
            state2.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state2.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state2.braces + state2.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
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
          if (opts.nonegate !== true && state2.index === 0) {
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
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state2.parens > 0) {
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
            state2.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state2.backtrack = true;
          state2.globstar = true;
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
          const isBrace = state2.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state2.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state2.parens > 0 && rest === ")".repeat(state2.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state2.output = prev.output;
            state2.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state2.output = state2.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state2.globstar = true;
            state2.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state2.output = state2.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state2.output += prior.output + prev.output;
            state2.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state2.output = prev.output;
            state2.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state2.output = state2.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state2.output += prev.output;
          state2.globstar = true;
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
        if (state2.index === state2.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state2.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state2.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state2.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state2.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state2.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state2.output = utils.escapeLast(state2.output, "[");
        decrement("brackets");
      }
      while (state2.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state2.output = utils.escapeLast(state2.output, "(");
        decrement("parens");
      }
      while (state2.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state2.output = utils.escapeLast(state2.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state2.backtrack === true) {
        state2.output = "";
        for (const token of state2.tokens) {
          state2.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state2.output += token.suffix;
          }
        }
      }
      return state2;
    }, "parse");
    parse.fastpaths = (input, options2) => {
      const opts = { ...options2 };
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
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state2 = { negated: false, prefix: "" };
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
      const output = utils.removePrefix(input, state2);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module3.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module3) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = /* @__PURE__ */ __name((val) => val && typeof val === "object" && !Array.isArray(val), "isObject");
    var picomatch3 = /* @__PURE__ */ __name((glob, options2, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options2, returnState));
        const arrayMatcher = /* @__PURE__ */ __name((str) => {
          for (const isMatch of fns) {
            const state3 = isMatch(str);
            if (state3) return state3;
          }
          return false;
        }, "arrayMatcher");
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options2 || {};
      const posix = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options2) : picomatch3.makeRe(glob, options2, false, true);
      const state2 = regex.state;
      delete regex.state;
      let isIgnored = /* @__PURE__ */ __name(() => false, "isIgnored");
      if (opts.ignore) {
        const ignoreOpts = { ...options2, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = /* @__PURE__ */ __name((input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options2, { glob, posix });
        const result = { glob, state: state2, regex, posix, input, output, match, isMatch };
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
        matcher.state = state2;
      }
      return matcher;
    }, "picomatch");
    picomatch3.test = (input, regex, options2, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options2 || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options2, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options2, posix = options2 && options2.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options2);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch3.isMatch = (str, patterns, options2) => picomatch3(patterns, options2)(str);
    picomatch3.parse = (pattern, options2) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options2));
      return parse(pattern, { ...options2, fastpaths: false });
    };
    picomatch3.scan = (input, options2) => scan(input, options2);
    picomatch3.compileRe = (state2, options2, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state2.output;
      }
      const opts = options2 || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state2.output})${append}`;
      if (state2 && state2.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options2);
      if (returnState === true) {
        regex.state = state2;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options2 = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options2.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options2);
      }
      if (!parsed.output) {
        parsed = parse(input, options2);
      }
      return picomatch3.compileRe(parsed, options2, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options2) => {
      try {
        const opts = options2 || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options2 && options2.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants2;
    module3.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module3) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options2, returnState = false) {
      if (options2 && (options2.windows === null || options2.windows === void 0)) {
        options2 = { ...options2, windows: utils.isWindows() };
      }
      return pico(glob, options2, returnState);
    }
    __name(picomatch3, "picomatch");
    Object.assign(picomatch3, pico);
    module3.exports = picomatch3;
  }
});

// node_modules/pprof-format/dist/commonjs/index.js
var require_commonjs = __commonJS({
  "node_modules/pprof-format/dist/commonjs/index.js"(exports) {
    "use strict";
    var __classPrivateFieldGet = exports && exports.__classPrivateFieldGet || function(receiver, state2, kind, f) {
      if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
      if (typeof state2 === "function" ? receiver !== state2 || !f : !state2.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
      return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state2.get(receiver);
    };
    var _StringTable_encodings;
    var _StringTable_positions;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Profile = exports.Function = exports.Location = exports.Line = exports.Mapping = exports.Sample = exports.Label = exports.ValueType = exports.StringTable = exports.emptyTableToken = void 0;
    var lowMaxBig = 2n ** 32n - 1n;
    var lowMax = 2 ** 32 - 1;
    var lowMaxPlus1 = lowMax + 1;
    var toUtf8 = typeof Buffer === "undefined" ? (value) => new TextEncoder().encode(value) : (value) => Buffer.from(value, "utf8");
    function countNumberBytes(buffer) {
      if (!buffer.length)
        return 0;
      let i = 0;
      while (i < buffer.length && buffer[i++] >= 128)
        ;
      return i;
    }
    __name(countNumberBytes, "countNumberBytes");
    function decodeBigNumber(buffer) {
      if (!buffer.length)
        return BigInt(0);
      let value = BigInt(buffer[0] & 127);
      let i = 0;
      while (buffer[i++] >= 128) {
        value |= BigInt(buffer[i] & 127) << BigInt(7 * i);
      }
      return value;
    }
    __name(decodeBigNumber, "decodeBigNumber");
    function makeValue(value, offset = 0) {
      return { value, offset };
    }
    __name(makeValue, "makeValue");
    function getValue(mode, buffer) {
      switch (mode) {
        case kTypeVarInt:
          for (let i = 0; i < buffer.length; i++) {
            if (!(buffer[i] & 128)) {
              return makeValue(buffer.subarray(0, i + 1));
            }
          }
          return makeValue(buffer);
        case kTypeLengthDelim: {
          const offset = countNumberBytes(buffer);
          const size = decodeNumber(buffer);
          return makeValue(buffer.subarray(offset, Number(size) + offset), offset);
        }
        default:
          throw new Error(`Unrecognized value type: ${mode}`);
      }
    }
    __name(getValue, "getValue");
    function lowBits(number2) {
      return typeof number2 !== "bigint" ? (number2 >>> 0) % lowMaxPlus1 : Number(number2 & lowMaxBig);
    }
    __name(lowBits, "lowBits");
    function highBits(number2) {
      return typeof number2 !== "bigint" ? number2 / lowMaxPlus1 >>> 0 : Number(number2 >> 32n & lowMaxBig);
    }
    __name(highBits, "highBits");
    function long(number2) {
      const sign = number2 < 0;
      if (sign)
        number2 = -number2;
      let lo = lowBits(number2);
      let hi = highBits(number2);
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > lowMax) {
          lo = 0;
          if (++hi > lowMax) {
            hi = 0;
          }
        }
      }
      return [hi, lo];
    }
    __name(long, "long");
    var kTypeVarInt = 0;
    var kTypeLengthDelim = 2;
    function decodeNumber(buffer) {
      const size = countNumberBytes(buffer);
      if (size > 4)
        return decodeBigNumber(buffer);
      if (!buffer.length)
        return 0;
      let value = buffer[0] & 127;
      let i = 0;
      while (buffer[i++] >= 128) {
        value |= (buffer[i] & 127) << 7 * i;
      }
      return value;
    }
    __name(decodeNumber, "decodeNumber");
    function decodeNumbers(buffer) {
      const values = [];
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        if ((buffer[i] & 128) === 0) {
          values.push(decodeNumber(buffer.subarray(start, i + 1)));
          start = i + 1;
        }
      }
      return values;
    }
    __name(decodeNumbers, "decodeNumbers");
    function push(value, list) {
      if (list == null) {
        return [value];
      }
      list.push(value);
      return list;
    }
    __name(push, "push");
    function pushAll(values, list) {
      if (list == null) {
        return values;
      }
      for (const value of values) {
        list.push(value);
      }
      return list;
    }
    __name(pushAll, "pushAll");
    function measureNumber(number2) {
      if (number2 === 0 || number2 === 0n)
        return 0;
      const [hi, lo] = long(number2);
      const a = lo;
      const b = (lo >>> 28 | hi << 4) >>> 0;
      const c = hi >>> 24;
      if (c !== 0) {
        return c < 128 ? 9 : 10;
      }
      if (b !== 0) {
        if (b < 16384) {
          return b < 128 ? 5 : 6;
        }
        return b < 2097152 ? 7 : 8;
      }
      if (a < 16384) {
        return a < 128 ? 1 : 2;
      }
      return a < 2097152 ? 3 : 4;
    }
    __name(measureNumber, "measureNumber");
    function measureValue(value) {
      if (typeof value === "undefined")
        return 0;
      if (typeof value === "number" || typeof value === "bigint") {
        return measureNumber(value) || 1;
      }
      return value.length;
    }
    __name(measureValue, "measureValue");
    function measureArray(list) {
      let size = 0;
      for (const item of list) {
        size += measureValue(item);
      }
      return size;
    }
    __name(measureArray, "measureArray");
    function measureNumberField(number2) {
      const length = measureNumber(number2);
      return length ? 1 + length : 0;
    }
    __name(measureNumberField, "measureNumberField");
    function measureNumberArrayField(values) {
      let total = 0;
      for (const value of values) {
        total += measureNumber(value) || 1;
      }
      return total ? 1 + measureNumber(total) + total : 0;
    }
    __name(measureNumberArrayField, "measureNumberArrayField");
    function measureLengthDelimField(value) {
      const length = measureValue(value);
      return length ? 1 + measureNumber(length) + length : 0;
    }
    __name(measureLengthDelimField, "measureLengthDelimField");
    function measureLengthDelimArrayField(values) {
      let total = 0;
      for (const value of values) {
        total += measureLengthDelimField(value);
      }
      return total;
    }
    __name(measureLengthDelimArrayField, "measureLengthDelimArrayField");
    function encodeNumber(buffer, i, number2) {
      if (number2 === 0 || number2 === 0n) {
        buffer[i++] = 0;
        return i;
      }
      let [hi, lo] = long(number2);
      while (hi) {
        buffer[i++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
      }
      while (lo > 127) {
        buffer[i++] = lo & 127 | 128;
        lo = lo >>> 7;
      }
      buffer[i++] = lo;
      return i;
    }
    __name(encodeNumber, "encodeNumber");
    exports.emptyTableToken = /* @__PURE__ */ Symbol();
    var StringTable2 = class _StringTable {
      static {
        __name(this, "StringTable");
      }
      constructor(tok) {
        this.strings = new Array();
        _StringTable_encodings.set(this, new Array());
        _StringTable_positions.set(this, /* @__PURE__ */ new Map());
        if (tok !== exports.emptyTableToken) {
          this.dedup("");
        }
      }
      get encodedLength() {
        let size = 0;
        for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
          size += encoded.length;
        }
        return size;
      }
      _encodeToBuffer(buffer, offset) {
        for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
          buffer.set(encoded, offset);
          offset += encoded.length;
        }
        return offset;
      }
      encode(buffer = new Uint8Array(this.encodedLength)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      static _encodeStringFromUtf8(stringBuffer) {
        const buffer = new Uint8Array(1 + stringBuffer.length + (measureNumber(stringBuffer.length) || 1));
        let offset = 0;
        buffer[offset++] = 50;
        offset = encodeNumber(buffer, offset, stringBuffer.length);
        if (stringBuffer.length > 0) {
          buffer.set(stringBuffer, offset);
        }
        return buffer;
      }
      static _encodeString(string2) {
        return _StringTable._encodeStringFromUtf8(toUtf8(string2));
      }
      dedup(string2) {
        if (typeof string2 === "number")
          return string2;
        if (!__classPrivateFieldGet(this, _StringTable_positions, "f").has(string2)) {
          const pos = this.strings.push(string2) - 1;
          __classPrivateFieldGet(this, _StringTable_positions, "f").set(string2, pos);
          __classPrivateFieldGet(this, _StringTable_encodings, "f").push(_StringTable._encodeString(string2));
        }
        return __classPrivateFieldGet(this, _StringTable_positions, "f").get(string2);
      }
      _decodeString(buffer) {
        const string2 = new TextDecoder().decode(buffer);
        __classPrivateFieldGet(this, _StringTable_positions, "f").set(string2, this.strings.push(string2) - 1);
        __classPrivateFieldGet(this, _StringTable_encodings, "f").push(_StringTable._encodeStringFromUtf8(buffer));
      }
    };
    exports.StringTable = StringTable2;
    _StringTable_encodings = /* @__PURE__ */ new WeakMap(), _StringTable_positions = /* @__PURE__ */ new WeakMap();
    function decode(buffer, decoder) {
      const data = {};
      let index = 0;
      while (index < buffer.length) {
        const field = buffer[index] >> 3;
        const mode = buffer[index] & 7;
        index++;
        const { offset, value } = getValue(mode, buffer.subarray(index));
        index += value.length + offset;
        decoder(data, field, value);
      }
      return data;
    }
    __name(decode, "decode");
    var ValueType2 = class _ValueType {
      static {
        __name(this, "ValueType");
      }
      static create(data) {
        return data instanceof _ValueType ? data : new _ValueType(data);
      }
      constructor(data) {
        this.type = data.type || 0;
        this.unit = data.unit || 0;
      }
      get length() {
        let total = 0;
        total += measureNumberField(this.type);
        total += measureNumberField(this.unit);
        return total;
      }
      _encodeToBuffer(buffer, offset = 0) {
        if (this.type) {
          buffer[offset++] = 8;
          offset = encodeNumber(buffer, offset, this.type);
        }
        if (this.unit) {
          buffer[offset++] = 16;
          offset = encodeNumber(buffer, offset, this.unit);
        }
        return offset;
      }
      encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      static decodeValue(data, field, buffer) {
        switch (field) {
          case 1:
            data.type = decodeNumber(buffer);
            break;
          case 2:
            data.unit = decodeNumber(buffer);
            break;
        }
      }
      static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
      }
    };
    exports.ValueType = ValueType2;
    var Label = class _Label {
      static {
        __name(this, "Label");
      }
      static create(data) {
        return data instanceof _Label ? data : new _Label(data);
      }
      constructor(data) {
        this.key = data.key || 0;
        this.str = data.str || 0;
        this.num = data.num || 0;
        this.numUnit = data.numUnit || 0;
      }
      get length() {
        let total = 0;
        total += measureNumberField(this.key);
        total += measureNumberField(this.str);
        total += measureNumberField(this.num);
        total += measureNumberField(this.numUnit);
        return total;
      }
      _encodeToBuffer(buffer, offset = 0) {
        if (this.key) {
          buffer[offset++] = 8;
          offset = encodeNumber(buffer, offset, this.key);
        }
        if (this.str) {
          buffer[offset++] = 16;
          offset = encodeNumber(buffer, offset, this.str);
        }
        if (this.num) {
          buffer[offset++] = 24;
          offset = encodeNumber(buffer, offset, this.num);
        }
        if (this.numUnit) {
          buffer[offset++] = 32;
          offset = encodeNumber(buffer, offset, this.numUnit);
        }
        return offset;
      }
      encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      static decodeValue(data, field, buffer) {
        switch (field) {
          case 1:
            data.key = decodeNumber(buffer);
            break;
          case 2:
            data.str = decodeNumber(buffer);
            break;
          case 3:
            data.num = decodeNumber(buffer);
            break;
          case 4:
            data.numUnit = decodeNumber(buffer);
            break;
        }
      }
      static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
      }
    };
    exports.Label = Label;
    var Sample2 = class _Sample {
      static {
        __name(this, "Sample");
      }
      static create(data) {
        return data instanceof _Sample ? data : new _Sample(data);
      }
      constructor(data) {
        this.locationId = data.locationId || [];
        this.value = data.value || [];
        this.label = (data.label || []).map(Label.create);
      }
      get length() {
        let total = 0;
        total += measureNumberArrayField(this.locationId);
        total += measureNumberArrayField(this.value);
        total += measureLengthDelimArrayField(this.label);
        return total;
      }
      _encodeToBuffer(buffer, offset = 0) {
        if (this.locationId.length) {
          buffer[offset++] = 10;
          offset = encodeNumber(buffer, offset, measureArray(this.locationId));
          for (const locationId of this.locationId) {
            offset = encodeNumber(buffer, offset, locationId);
          }
        }
        if (this.value.length) {
          buffer[offset++] = 18;
          offset = encodeNumber(buffer, offset, measureArray(this.value));
          for (const value of this.value) {
            offset = encodeNumber(buffer, offset, value);
          }
        }
        for (const label of this.label) {
          buffer[offset++] = 26;
          offset = encodeNumber(buffer, offset, label.length);
          offset = label._encodeToBuffer(buffer, offset);
        }
        return offset;
      }
      encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      static decodeValue(data, field, buffer) {
        switch (field) {
          case 1:
            data.locationId = pushAll(decodeNumbers(buffer), data.locationId);
            break;
          case 2:
            data.value = pushAll(decodeNumbers(buffer), data.value);
            break;
          case 3:
            data.label = push(Label.decode(buffer), data.label);
            break;
        }
      }
      static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
      }
    };
    exports.Sample = Sample2;
    var Mapping = class _Mapping {
      static {
        __name(this, "Mapping");
      }
      static create(data) {
        return data instanceof _Mapping ? data : new _Mapping(data);
      }
      constructor(data) {
        this.id = data.id || 0;
        this.memoryStart = data.memoryStart || 0;
        this.memoryLimit = data.memoryLimit || 0;
        this.fileOffset = data.fileOffset || 0;
        this.filename = data.filename || 0;
        this.buildId = data.buildId || 0;
        this.hasFunctions = !!data.hasFunctions;
        this.hasFilenames = !!data.hasFilenames;
        this.hasLineNumbers = !!data.hasLineNumbers;
        this.hasInlineFrames = !!data.hasInlineFrames;
      }
      get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.memoryStart);
        total += measureNumberField(this.memoryLimit);
        total += measureNumberField(this.fileOffset);
        total += measureNumberField(this.filename);
        total += measureNumberField(this.buildId);
        total += measureNumberField(this.hasFunctions ? 1 : 0);
        total += measureNumberField(this.hasFilenames ? 1 : 0);
        total += measureNumberField(this.hasLineNumbers ? 1 : 0);
        total += measureNumberField(this.hasInlineFrames ? 1 : 0);
        return total;
      }
      _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
          buffer[offset++] = 8;
          offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.memoryStart) {
          buffer[offset++] = 16;
          offset = encodeNumber(buffer, offset, this.memoryStart);
        }
        if (this.memoryLimit) {
          buffer[offset++] = 24;
          offset = encodeNumber(buffer, offset, this.memoryLimit);
        }
        if (this.fileOffset) {
          buffer[offset++] = 32;
          offset = encodeNumber(buffer, offset, this.fileOffset);
        }
        if (this.filename) {
          buffer[offset++] = 40;
          offset = encodeNumber(buffer, offset, this.filename);
        }
        if (this.buildId) {
          buffer[offset++] = 48;
          offset = encodeNumber(buffer, offset, this.buildId);
        }
        if (this.hasFunctions) {
          buffer[offset++] = 56;
          offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasFilenames) {
          buffer[offset++] = 64;
          offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasLineNumbers) {
          buffer[offset++] = 72;
          offset = encodeNumber(buffer, offset, 1);
        }
        if (this.hasInlineFrames) {
          buffer[offset++] = 80;
          offset = encodeNumber(buffer, offset, 1);
        }
        return offset;
      }
      encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      static decodeValue(data, field, buffer) {
        switch (field) {
          case 1:
            data.id = decodeNumber(buffer);
            break;
          case 2:
            data.memoryStart = decodeNumber(buffer);
            break;
          case 3:
            data.memoryLimit = decodeNumber(buffer);
            break;
          case 4:
            data.fileOffset = decodeNumber(buffer);
            break;
          case 5:
            data.filename = decodeNumber(buffer);
            break;
          case 6:
            data.buildId = decodeNumber(buffer);
            break;
          case 7:
            data.hasFunctions = !!decodeNumber(buffer);
            break;
          case 8:
            data.hasFilenames = !!decodeNumber(buffer);
            break;
          case 9:
            data.hasLineNumbers = !!decodeNumber(buffer);
            break;
          case 10:
            data.hasInlineFrames = !!decodeNumber(buffer);
            break;
        }
      }
      static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
      }
    };
    exports.Mapping = Mapping;
    var Line2 = class _Line {
      static {
        __name(this, "Line");
      }
      static create(data) {
        return data instanceof _Line ? data : new _Line(data);
      }
      constructor(data) {
        this.functionId = data.functionId || 0;
        this.line = data.line || 0;
        this.column = data.column || 0;
      }
      get length() {
        let total = 0;
        total += measureNumberField(this.functionId);
        total += measureNumberField(this.line);
        total += measureNumberField(this.column);
        return total;
      }
      _encodeToBuffer(buffer, offset = 0) {
        if (this.functionId) {
          buffer[offset++] = 8;
          offset = encodeNumber(buffer, offset, this.functionId);
        }
        if (this.line) {
          buffer[offset++] = 16;
          offset = encodeNumber(buffer, offset, this.line);
        }
        if (this.column) {
          buffer[offset++] = 24;
          offset = encodeNumber(buffer, offset, this.column);
        }
        return offset;
      }
      encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      static decodeValue(data, field, buffer) {
        switch (field) {
          case 1:
            data.functionId = decodeNumber(buffer);
            break;
          case 2:
            data.line = decodeNumber(buffer);
            break;
          case 3:
            data.column = decodeNumber(buffer);
            break;
        }
      }
      static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
      }
    };
    exports.Line = Line2;
    var Location2 = class _Location {
      static {
        __name(this, "Location");
      }
      static create(data) {
        return data instanceof _Location ? data : new _Location(data);
      }
      constructor(data) {
        this.id = data.id || 0;
        this.mappingId = data.mappingId || 0;
        this.address = data.address || 0;
        this.line = (data.line || []).map(Line2.create);
        this.isFolded = !!data.isFolded;
      }
      get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.mappingId);
        total += measureNumberField(this.address);
        total += measureLengthDelimArrayField(this.line);
        total += measureNumberField(this.isFolded ? 1 : 0);
        return total;
      }
      _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
          buffer[offset++] = 8;
          offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.mappingId) {
          buffer[offset++] = 16;
          offset = encodeNumber(buffer, offset, this.mappingId);
        }
        if (this.address) {
          buffer[offset++] = 24;
          offset = encodeNumber(buffer, offset, this.address);
        }
        for (const line of this.line) {
          buffer[offset++] = 34;
          offset = encodeNumber(buffer, offset, line.length);
          offset = line._encodeToBuffer(buffer, offset);
        }
        if (this.isFolded) {
          buffer[offset++] = 40;
          offset = encodeNumber(buffer, offset, 1);
        }
        return offset;
      }
      encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      static decodeValue(data, field, buffer) {
        switch (field) {
          case 1:
            data.id = decodeNumber(buffer);
            break;
          case 2:
            data.mappingId = decodeNumber(buffer);
            break;
          case 3:
            data.address = decodeNumber(buffer);
            break;
          case 4:
            data.line = push(Line2.decode(buffer), data.line);
            break;
          case 5:
            data.isFolded = !!decodeNumber(buffer);
            break;
        }
      }
      static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
      }
    };
    exports.Location = Location2;
    var Function2 = class _Function {
      static {
        __name(this, "Function");
      }
      static create(data) {
        return data instanceof _Function ? data : new _Function(data);
      }
      constructor(data) {
        this.id = data.id || 0;
        this.name = data.name || 0;
        this.systemName = data.systemName || 0;
        this.filename = data.filename || 0;
        this.startLine = data.startLine || 0;
      }
      get length() {
        let total = 0;
        total += measureNumberField(this.id);
        total += measureNumberField(this.name);
        total += measureNumberField(this.systemName);
        total += measureNumberField(this.filename);
        total += measureNumberField(this.startLine);
        return total;
      }
      _encodeToBuffer(buffer, offset = 0) {
        if (this.id) {
          buffer[offset++] = 8;
          offset = encodeNumber(buffer, offset, this.id);
        }
        if (this.name) {
          buffer[offset++] = 16;
          offset = encodeNumber(buffer, offset, this.name);
        }
        if (this.systemName) {
          buffer[offset++] = 24;
          offset = encodeNumber(buffer, offset, this.systemName);
        }
        if (this.filename) {
          buffer[offset++] = 32;
          offset = encodeNumber(buffer, offset, this.filename);
        }
        if (this.startLine) {
          buffer[offset++] = 40;
          offset = encodeNumber(buffer, offset, this.startLine);
        }
        return offset;
      }
      encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      static decodeValue(data, field, buffer) {
        switch (field) {
          case 1:
            data.id = decodeNumber(buffer);
            break;
          case 2:
            data.name = decodeNumber(buffer);
            break;
          case 3:
            data.systemName = decodeNumber(buffer);
            break;
          case 4:
            data.filename = decodeNumber(buffer);
            break;
          case 5:
            data.startLine = decodeNumber(buffer);
            break;
        }
      }
      static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
      }
    };
    exports.Function = Function2;
    var Profile2 = class {
      static {
        __name(this, "Profile");
      }
      constructor(data = {}) {
        this.sampleType = (data.sampleType || []).map(ValueType2.create);
        this.sample = (data.sample || []).map(Sample2.create);
        this.mapping = (data.mapping || []).map(Mapping.create);
        this.location = (data.location || []).map(Location2.create);
        this.function = (data.function || []).map(Function2.create);
        this.stringTable = data.stringTable || new StringTable2();
        this.dropFrames = data.dropFrames || 0;
        this.keepFrames = data.keepFrames || 0;
        this.timeNanos = data.timeNanos || 0;
        this.durationNanos = data.durationNanos || 0;
        this.periodType = data.periodType ? ValueType2.create(data.periodType) : void 0;
        this.period = data.period || 0;
        this.comment = data.comment || [];
        this.defaultSampleType = data.defaultSampleType || 0;
        this.docUrl = data.docUrl || 0;
      }
      get length() {
        let total = 0;
        total += measureLengthDelimArrayField(this.sampleType);
        total += measureLengthDelimArrayField(this.sample);
        total += measureLengthDelimArrayField(this.mapping);
        total += measureLengthDelimArrayField(this.location);
        total += measureLengthDelimArrayField(this.function);
        total += this.stringTable.encodedLength;
        total += measureNumberField(this.dropFrames);
        total += measureNumberField(this.keepFrames);
        total += measureNumberField(this.timeNanos);
        total += measureNumberField(this.durationNanos);
        total += measureLengthDelimField(this.periodType);
        total += measureNumberField(this.period);
        total += measureNumberArrayField(this.comment);
        total += measureNumberField(this.defaultSampleType);
        total += measureNumberField(this.docUrl);
        return total;
      }
      _encodeSampleTypesToBuffer(buffer, offset = 0) {
        for (const sampleType of this.sampleType) {
          buffer[offset++] = 10;
          offset = encodeNumber(buffer, offset, sampleType.length);
          offset = sampleType._encodeToBuffer(buffer, offset);
        }
        return offset;
      }
      _encodeSamplesToBuffer(buffer, offset = 0) {
        for (const sample of this.sample) {
          buffer[offset++] = 18;
          offset = encodeNumber(buffer, offset, sample.length);
          offset = sample._encodeToBuffer(buffer, offset);
        }
        return offset;
      }
      _encodeMappingsToBuffer(buffer, offset = 0) {
        for (const mapping of this.mapping) {
          buffer[offset++] = 26;
          offset = encodeNumber(buffer, offset, mapping.length);
          offset = mapping._encodeToBuffer(buffer, offset);
        }
        return offset;
      }
      _encodeLocationsToBuffer(buffer, offset = 0) {
        for (const location of this.location) {
          buffer[offset++] = 34;
          offset = encodeNumber(buffer, offset, location.length);
          offset = location._encodeToBuffer(buffer, offset);
        }
        return offset;
      }
      _encodeFunctionsToBuffer(buffer, offset = 0) {
        for (const fun of this.function) {
          buffer[offset++] = 42;
          offset = encodeNumber(buffer, offset, fun.length);
          offset = fun._encodeToBuffer(buffer, offset);
        }
        return offset;
      }
      _encodeBasicValuesToBuffer(buffer, offset = 0) {
        if (this.dropFrames) {
          buffer[offset++] = 56;
          offset = encodeNumber(buffer, offset, this.dropFrames);
        }
        if (this.keepFrames) {
          buffer[offset++] = 64;
          offset = encodeNumber(buffer, offset, this.keepFrames);
        }
        if (this.timeNanos) {
          buffer[offset++] = 72;
          offset = encodeNumber(buffer, offset, this.timeNanos);
        }
        if (this.durationNanos) {
          buffer[offset++] = 80;
          offset = encodeNumber(buffer, offset, this.durationNanos);
        }
        if (typeof this.periodType !== "undefined") {
          buffer[offset++] = 90;
          offset = encodeNumber(buffer, offset, this.periodType.length);
          offset = this.periodType._encodeToBuffer(buffer, offset);
        }
        if (this.period) {
          buffer[offset++] = 96;
          offset = encodeNumber(buffer, offset, this.period);
        }
        if (this.comment.length) {
          buffer[offset++] = 106;
          offset = encodeNumber(buffer, offset, measureArray(this.comment));
          for (const comment of this.comment) {
            offset = encodeNumber(buffer, offset, comment);
          }
        }
        if (this.defaultSampleType) {
          buffer[offset++] = 112;
          offset = encodeNumber(buffer, offset, this.defaultSampleType);
        }
        if (this.docUrl) {
          buffer[offset++] = 120;
          offset = encodeNumber(buffer, offset, this.docUrl);
        }
        return offset;
      }
      _encodeToBuffer(buffer, offset = 0) {
        offset = this._encodeSampleTypesToBuffer(buffer, offset);
        offset = this._encodeSamplesToBuffer(buffer, offset);
        offset = this._encodeMappingsToBuffer(buffer, offset);
        offset = this._encodeLocationsToBuffer(buffer, offset);
        offset = this._encodeFunctionsToBuffer(buffer, offset);
        offset = this.stringTable._encodeToBuffer(buffer, offset);
        offset = this._encodeBasicValuesToBuffer(buffer, offset);
        return offset;
      }
      async _encodeToBufferAsync(buffer, offset = 0) {
        offset = this._encodeSampleTypesToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeSamplesToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeMappingsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeLocationsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeFunctionsToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this.stringTable._encodeToBuffer(buffer, offset);
        await new Promise(setImmediate);
        offset = this._encodeBasicValuesToBuffer(buffer, offset);
        return offset;
      }
      encode(buffer = new Uint8Array(this.length)) {
        this._encodeToBuffer(buffer, 0);
        return buffer;
      }
      async encodeAsync(buffer = new Uint8Array(this.length)) {
        await this._encodeToBufferAsync(buffer, 0);
        return buffer;
      }
      static decodeValue(data, field, buffer) {
        switch (field) {
          case 1:
            data.sampleType = push(ValueType2.decode(buffer), data.sampleType);
            break;
          case 2:
            data.sample = push(Sample2.decode(buffer), data.sample);
            break;
          case 3:
            data.mapping = push(Mapping.decode(buffer), data.mapping);
            break;
          case 4:
            data.location = push(Location2.decode(buffer), data.location);
            break;
          case 5:
            data.function = push(Function2.decode(buffer), data.function);
            break;
          case 6: {
            if (data.stringTable === void 0) {
              data.stringTable = new StringTable2(exports.emptyTableToken);
            }
            data.stringTable._decodeString(buffer);
            break;
          }
          case 7:
            data.dropFrames = decodeNumber(buffer);
            break;
          case 8:
            data.keepFrames = decodeNumber(buffer);
            break;
          case 9:
            data.timeNanos = decodeNumber(buffer);
            break;
          case 10:
            data.durationNanos = decodeNumber(buffer);
            break;
          case 11:
            data.periodType = ValueType2.decode(buffer);
            break;
          case 12:
            data.period = decodeNumber(buffer);
            break;
          case 13:
            data.comment = pushAll(decodeNumbers(buffer), data.comment);
            break;
          case 14:
            data.defaultSampleType = decodeNumber(buffer);
            break;
          case 15:
            data.docUrl = decodeNumber(buffer);
            break;
        }
      }
      static decode(buffer) {
        return new this(decode(buffer, this.decodeValue));
      }
    };
    exports.Profile = Profile2;
  }
});

// node_modules/node-gyp-build/node-gyp-build.js
var require_node_gyp_build = __commonJS({
  "node_modules/node-gyp-build/node-gyp-build.js"(exports, module3) {
    var fs = __require("fs");
    var path = __require("path");
    var os = __require("os");
    var runtimeRequire = typeof __webpack_require__ === "function" ? __non_webpack_require__ : __require;
    var vars = process.config && process.config.variables || {};
    var prebuildsOnly = !!process.env.PREBUILDS_ONLY;
    var abi = process.versions.modules;
    var runtime = isElectron() ? "electron" : isNwjs() ? "node-webkit" : "node";
    var arch = process.env.npm_config_arch || os.arch();
    var platform = process.env.npm_config_platform || os.platform();
    var libc = process.env.LIBC || (isAlpine(platform) ? "musl" : "glibc");
    var armv = process.env.ARM_VERSION || (arch === "arm64" ? "8" : vars.arm_version) || "";
    var uv = (process.versions.uv || "").split(".")[0];
    module3.exports = load;
    function load(dir) {
      return runtimeRequire(load.resolve(dir));
    }
    __name(load, "load");
    load.resolve = load.path = function(dir) {
      dir = path.resolve(dir || ".");
      try {
        var name = runtimeRequire(path.join(dir, "package.json")).name.toUpperCase().replace(/-/g, "_");
        if (process.env[name + "_PREBUILD"]) dir = process.env[name + "_PREBUILD"];
      } catch (err) {
      }
      if (!prebuildsOnly) {
        var release = getFirst(path.join(dir, "build/Release"), matchBuild);
        if (release) return release;
        var debug = getFirst(path.join(dir, "build/Debug"), matchBuild);
        if (debug) return debug;
      }
      var prebuild = resolve5(dir);
      if (prebuild) return prebuild;
      var nearby = resolve5(path.dirname(process.execPath));
      if (nearby) return nearby;
      var target = [
        "platform=" + platform,
        "arch=" + arch,
        "runtime=" + runtime,
        "abi=" + abi,
        "uv=" + uv,
        armv ? "armv=" + armv : "",
        "libc=" + libc,
        "node=" + process.versions.node,
        process.versions.electron ? "electron=" + process.versions.electron : "",
        typeof __webpack_require__ === "function" ? "webpack=true" : ""
        // eslint-disable-line
      ].filter(Boolean).join(" ");
      throw new Error("No native build was found for " + target + "\n    loaded from: " + dir + "\n");
      function resolve5(dir2) {
        var tuples = readdirSync2(path.join(dir2, "prebuilds")).map(parseTuple);
        var tuple = tuples.filter(matchTuple(platform, arch)).sort(compareTuples)[0];
        if (!tuple) return;
        var prebuilds = path.join(dir2, "prebuilds", tuple.name);
        var parsed = readdirSync2(prebuilds).map(parseTags);
        var candidates = parsed.filter(matchTags(runtime, abi));
        var winner = candidates.sort(compareTags(runtime))[0];
        if (winner) return path.join(prebuilds, winner.file);
      }
      __name(resolve5, "resolve");
    };
    function readdirSync2(dir) {
      try {
        return fs.readdirSync(dir);
      } catch (err) {
        return [];
      }
    }
    __name(readdirSync2, "readdirSync");
    function getFirst(dir, filter) {
      var files = readdirSync2(dir).filter(filter);
      return files[0] && path.join(dir, files[0]);
    }
    __name(getFirst, "getFirst");
    function matchBuild(name) {
      return /\.node$/.test(name);
    }
    __name(matchBuild, "matchBuild");
    function parseTuple(name) {
      var arr = name.split("-");
      if (arr.length !== 2) return;
      var platform2 = arr[0];
      var architectures = arr[1].split("+");
      if (!platform2) return;
      if (!architectures.length) return;
      if (!architectures.every(Boolean)) return;
      return { name, platform: platform2, architectures };
    }
    __name(parseTuple, "parseTuple");
    function matchTuple(platform2, arch2) {
      return function(tuple) {
        if (tuple == null) return false;
        if (tuple.platform !== platform2) return false;
        return tuple.architectures.includes(arch2);
      };
    }
    __name(matchTuple, "matchTuple");
    function compareTuples(a, b) {
      return a.architectures.length - b.architectures.length;
    }
    __name(compareTuples, "compareTuples");
    function parseTags(file) {
      var arr = file.split(".");
      var extension = arr.pop();
      var tags = { file, specificity: 0 };
      if (extension !== "node") return;
      for (var i = 0; i < arr.length; i++) {
        var tag = arr[i];
        if (tag === "node" || tag === "electron" || tag === "node-webkit") {
          tags.runtime = tag;
        } else if (tag === "napi") {
          tags.napi = true;
        } else if (tag.slice(0, 3) === "abi") {
          tags.abi = tag.slice(3);
        } else if (tag.slice(0, 2) === "uv") {
          tags.uv = tag.slice(2);
        } else if (tag.slice(0, 4) === "armv") {
          tags.armv = tag.slice(4);
        } else if (tag === "glibc" || tag === "musl") {
          tags.libc = tag;
        } else {
          continue;
        }
        tags.specificity++;
      }
      return tags;
    }
    __name(parseTags, "parseTags");
    function matchTags(runtime2, abi2) {
      return function(tags) {
        if (tags == null) return false;
        if (tags.runtime && tags.runtime !== runtime2 && !runtimeAgnostic(tags)) return false;
        if (tags.abi && tags.abi !== abi2 && !tags.napi) return false;
        if (tags.uv && tags.uv !== uv) return false;
        if (tags.armv && tags.armv !== armv) return false;
        if (tags.libc && tags.libc !== libc) return false;
        return true;
      };
    }
    __name(matchTags, "matchTags");
    function runtimeAgnostic(tags) {
      return tags.runtime === "node" && tags.napi;
    }
    __name(runtimeAgnostic, "runtimeAgnostic");
    function compareTags(runtime2) {
      return function(a, b) {
        if (a.runtime !== b.runtime) {
          return a.runtime === runtime2 ? -1 : 1;
        } else if (a.abi !== b.abi) {
          return a.abi ? -1 : 1;
        } else if (a.specificity !== b.specificity) {
          return a.specificity > b.specificity ? -1 : 1;
        } else {
          return 0;
        }
      };
    }
    __name(compareTags, "compareTags");
    function isNwjs() {
      return !!(process.versions && process.versions.nw);
    }
    __name(isNwjs, "isNwjs");
    function isElectron() {
      if (process.versions && process.versions.electron) return true;
      if (process.env.ELECTRON_RUN_AS_NODE) return true;
      return typeof window !== "undefined" && window.process && window.process.type === "renderer";
    }
    __name(isElectron, "isElectron");
    function isAlpine(platform2) {
      return platform2 === "linux" && fs.existsSync("/etc/alpine-release");
    }
    __name(isAlpine, "isAlpine");
    load.parseTags = parseTags;
    load.matchTags = matchTags;
    load.compareTags = compareTags;
    load.parseTuple = parseTuple;
    load.matchTuple = matchTuple;
    load.compareTuples = compareTuples;
  }
});

// node_modules/node-gyp-build/index.js
var require_node_gyp_build2 = __commonJS({
  "node_modules/node-gyp-build/index.js"(exports, module3) {
    var runtimeRequire = typeof __webpack_require__ === "function" ? __non_webpack_require__ : __require;
    if (typeof runtimeRequire.addon === "function") {
      module3.exports = runtimeRequire.addon.bind(runtimeRequire);
    } else {
      module3.exports = require_node_gyp_build();
    }
  }
});

// node_modules/@datadog/pprof/out/src/heap-profiler-bindings.js
var require_heap_profiler_bindings = __commonJS({
  "node_modules/@datadog/pprof/out/src/heap-profiler-bindings.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: /* @__PURE__ */ __name(function() {
          return m[k];
        }, "get") };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = /* @__PURE__ */ __name(function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      }, "ownKeys");
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.startSamplingHeapProfiler = startSamplingHeapProfiler;
    exports.stopSamplingHeapProfiler = stopSamplingHeapProfiler;
    exports.getAllocationProfile = getAllocationProfile;
    exports.mapAllocationProfile = mapAllocationProfile;
    exports.monitorOutOfMemory = monitorOutOfMemory;
    var path = __importStar(__require("path"));
    var findBinding = require_node_gyp_build2();
    var profiler = findBinding(path.join(__fg_dirname));
    function startSamplingHeapProfiler(heapIntervalBytes, heapStackDepth, allocations = false) {
      profiler.heapProfiler.startSamplingHeapProfiler(heapIntervalBytes, heapStackDepth, allocations);
    }
    __name(startSamplingHeapProfiler, "startSamplingHeapProfiler");
    function stopSamplingHeapProfiler() {
      profiler.heapProfiler.stopSamplingHeapProfiler();
    }
    __name(stopSamplingHeapProfiler, "stopSamplingHeapProfiler");
    function getAllocationProfile() {
      return profiler.heapProfiler.getAllocationProfile();
    }
    __name(getAllocationProfile, "getAllocationProfile");
    function mapAllocationProfile(callback) {
      return profiler.heapProfiler.mapAllocationProfile(callback);
    }
    __name(mapAllocationProfile, "mapAllocationProfile");
    function monitorOutOfMemory(heapLimitExtensionSize, maxHeapLimitExtensionCount, dumpHeapProfileOnSdterr, exportCommand, callback, callbackMode, isMainThread, automaticHeapLimitExtension) {
      profiler.heapProfiler.monitorOutOfMemory(heapLimitExtensionSize, maxHeapLimitExtensionCount, dumpHeapProfileOnSdterr, exportCommand, callback, callbackMode, isMainThread, automaticHeapLimitExtension);
    }
    __name(monitorOutOfMemory, "monitorOutOfMemory");
  }
});

// node_modules/@datadog/pprof/out/src/profile-serializer.js
var require_profile_serializer = __commonJS({
  "node_modules/@datadog/pprof/out/src/profile-serializer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DEFAULT_COLUMN_NUMBERS = exports.GARBAGE_COLLECTION_FUNCTION_NAME = exports.NON_JS_THREADS_FUNCTION_NAME = void 0;
    exports.computeTotalHitCount = computeTotalHitCount;
    exports.serializeTimeProfile = serializeTimeProfile;
    exports.serializeHeapProfile = serializeHeapProfile;
    var pprof_format_1 = require_commonjs();
    exports.NON_JS_THREADS_FUNCTION_NAME = "Non JS threads activity";
    exports.GARBAGE_COLLECTION_FUNCTION_NAME = "Garbage Collection";
    function isGeneratedLocation(location) {
      return location.column !== void 0 && location.line !== void 0 && location.line > 0;
    }
    __name(isGeneratedLocation, "isGeneratedLocation");
    exports.DEFAULT_COLUMN_NUMBERS = "drop";
    function packLineAndColumn(line, column) {
      if (!line) {
        return 0;
      }
      if (!column) {
        return line;
      }
      return BigInt(column) << 32n | BigInt(line);
    }
    __name(packLineAndColumn, "packLineAndColumn");
    function requireAllocationStat(value, field) {
      if (value === void 0) {
        throw new Error(`Allocation profile is missing ${field}.`);
      }
      return value;
    }
    __name(requireAllocationStat, "requireAllocationStat");
    function serialize(profile, root, appendToSamples, stringTable, ignoreSamplesPath, sourceMapper, columnNumbers = exports.DEFAULT_COLUMN_NUMBERS) {
      const samples = [];
      const locations = [];
      const functions = [];
      const functionIdMap = /* @__PURE__ */ new Map();
      const locationIdMap = /* @__PURE__ */ new Map();
      const packColumns = columnNumbers === "pack";
      const emitColumns = columnNumbers === "emit";
      let hasMissingMapFiles = false;
      const entries = root.children.map((n) => ({
        node: n,
        stack: []
      }));
      while (entries.length > 0) {
        const entry = entries.pop();
        const node = entry.node;
        const scriptName = node.scriptName.startsWith("file://") ? node.scriptName.slice(7) : node.scriptName;
        if (ignoreSamplesPath && scriptName.indexOf(ignoreSamplesPath) > -1) {
          continue;
        }
        const stack = entry.stack;
        const location = getLocation(node, scriptName, sourceMapper);
        stack.unshift(location.id);
        appendToSamples(entry, samples);
        for (const child of node.children) {
          entries.push({ node: child, stack: stack.slice() });
        }
      }
      profile.sample = samples;
      profile.location = locations;
      profile.function = functions;
      profile.stringTable = stringTable;
      if (hasMissingMapFiles) {
        profile.comment = [stringTable.dedup("dd:has-missing-map-files")];
      }
      function getLocation(node, scriptName, sourceMapper2) {
        let profLoc = {
          file: scriptName || "",
          line: node.lineNumber,
          column: node.columnNumber,
          name: node.name
        };
        if (profLoc.line) {
          if (sourceMapper2 && isGeneratedLocation(profLoc)) {
            profLoc = sourceMapper2.mappingInfo(profLoc);
            if (profLoc.missingMapFile) {
              hasMissingMapFiles = true;
            }
          }
        }
        const keyStr = `${node.scriptId}:${profLoc.line}:${profLoc.column}:${profLoc.name}`;
        let id = locationIdMap.get(keyStr);
        if (id !== void 0) {
          return locations[id - 1];
        }
        id = locations.length + 1;
        locationIdMap.set(keyStr, id);
        const line = getLine(profLoc, node.scriptId);
        const location = new pprof_format_1.Location({ id, line: [line] });
        locations.push(location);
        return location;
      }
      __name(getLocation, "getLocation");
      function getLine(loc, scriptId) {
        const carryColumn = loc.missingMapFile === true;
        return new pprof_format_1.Line({
          functionId: getFunction(loc, scriptId).id,
          // 'pack' encodes the column into the high 32 bits of the line field.
          line: packColumns && carryColumn ? packLineAndColumn(loc.line, loc.column) : loc.line,
          // 'emit' records the column in the dedicated pprof Line.column field
          // instead; the backend does the line/column packing itself.
          column: emitColumns && carryColumn ? loc.column : void 0
        });
      }
      __name(getLine, "getLine");
      function getFunction(loc, scriptId) {
        let name = loc.name;
        const keyStr = name ? `${scriptId}:${name}` : `${scriptId}:${loc.line}:${loc.column}`;
        let id = functionIdMap.get(keyStr);
        if (id !== void 0) {
          return functions[id - 1];
        }
        id = functions.length + 1;
        functionIdMap.set(keyStr, id);
        if (!name) {
          if (loc.line) {
            if (loc.column) {
              name = `(anonymous:L#${loc.line}:C#${loc.column})`;
            } else {
              name = `(anonymous:L#${loc.line})`;
            }
          } else {
            name = "(anonymous)";
          }
        }
        const nameId = stringTable.dedup(name);
        const f = new pprof_format_1.Function({
          id,
          name: nameId,
          systemName: nameId,
          filename: stringTable.dedup(loc.file || "")
        });
        functions.push(f);
        return f;
      }
      __name(getFunction, "getFunction");
    }
    __name(serialize, "serialize");
    function createSampleCountValueType(table) {
      return new pprof_format_1.ValueType({
        type: table.dedup("sample"),
        unit: table.dedup("count")
      });
    }
    __name(createSampleCountValueType, "createSampleCountValueType");
    function createTimeValueType(table) {
      return new pprof_format_1.ValueType({
        type: table.dedup("wall"),
        unit: table.dedup("nanoseconds")
      });
    }
    __name(createTimeValueType, "createTimeValueType");
    function createCpuValueType(table) {
      return new pprof_format_1.ValueType({
        type: table.dedup("cpu"),
        unit: table.dedup("nanoseconds")
      });
    }
    __name(createCpuValueType, "createCpuValueType");
    function createInUseObjectCountValueType(table) {
      return new pprof_format_1.ValueType({
        type: table.dedup("inuse_objects"),
        unit: table.dedup("count")
      });
    }
    __name(createInUseObjectCountValueType, "createInUseObjectCountValueType");
    function createAllocatedObjectCountValueType(table) {
      return new pprof_format_1.ValueType({
        type: table.dedup("alloc_objects"),
        unit: table.dedup("count")
      });
    }
    __name(createAllocatedObjectCountValueType, "createAllocatedObjectCountValueType");
    function createInUseSpaceValueType(table) {
      return new pprof_format_1.ValueType({
        type: table.dedup("inuse_space"),
        unit: table.dedup("bytes")
      });
    }
    __name(createInUseSpaceValueType, "createInUseSpaceValueType");
    function createAllocatedSpaceValueType(table) {
      return new pprof_format_1.ValueType({
        type: table.dedup("alloc_space"),
        unit: table.dedup("bytes")
      });
    }
    __name(createAllocatedSpaceValueType, "createAllocatedSpaceValueType");
    function computeTotalHitCount(root) {
      return root.hitCount + root.children.reduce((sum, node) => sum + computeTotalHitCount(node), 0);
    }
    __name(computeTotalHitCount, "computeTotalHitCount");
    function updateTimeProfile(prof) {
      const newTopLevelChildren = [];
      let runtimeNode;
      function getRuntimeNode() {
        if (!runtimeNode) {
          runtimeNode = {
            name: "Node.js",
            scriptName: "",
            scriptId: 0,
            lineNumber: 0,
            columnNumber: 0,
            children: [],
            hitCount: 0
          };
          newTopLevelChildren.push(runtimeNode);
        }
        return runtimeNode;
      }
      __name(getRuntimeNode, "getRuntimeNode");
      for (const child of prof.topDownRoot.children) {
        if (child.name === "(program)") {
          continue;
        }
        if (child.name === "(idle)" && child.contexts?.length === 0) {
          continue;
        }
        if (child.name === "(garbage collector)") {
          const newChild = {
            ...child,
            name: exports.GARBAGE_COLLECTION_FUNCTION_NAME
          };
          getRuntimeNode().children.push(newChild);
        } else {
          newTopLevelChildren.push(child);
        }
      }
      if (prof.hasCpuTime && prof.nonJSThreadsCpuTime) {
        const node = {
          name: exports.NON_JS_THREADS_FUNCTION_NAME,
          scriptName: "",
          scriptId: 0,
          lineNumber: 0,
          columnNumber: 0,
          children: [],
          hitCount: 0,
          // 0 because this should not be accounted for wall time
          contexts: [
            {
              context: {},
              timestamp: BigInt(0),
              cpuTime: prof.nonJSThreadsCpuTime,
              asyncId: -1
            }
          ]
        };
        getRuntimeNode().children.push(node);
      }
      return {
        ...prof,
        topDownRoot: { ...prof.topDownRoot, children: newTopLevelChildren }
      };
    }
    __name(updateTimeProfile, "updateTimeProfile");
    function serializeTimeProfile(prof, intervalMicros, sourceMapper, recomputeSamplingInterval = false, generateLabels, lowCardinalityLabels = [], columnNumbers = exports.DEFAULT_COLUMN_NUMBERS) {
      if (recomputeSamplingInterval) {
        const totalHitCount = prof.totalHitCount ?? computeTotalHitCount(prof.topDownRoot);
        if (totalHitCount > 0) {
          intervalMicros = Math.min(Math.max(Math.floor((prof.endTime - prof.startTime) / totalHitCount), intervalMicros), 2 * intervalMicros);
        }
      }
      const intervalNanos = intervalMicros * 1e3;
      const stringTable = new pprof_format_1.StringTable();
      const labelCaches = [];
      for (const l of lowCardinalityLabels) {
        labelCaches[stringTable.dedup(l)] = /* @__PURE__ */ new Map();
      }
      const dedupLabels = /* @__PURE__ */ __name((labels) => {
        for (let i = 0; i < labels.length; i++) {
          const label = labels[i];
          const cache = labelCaches[Number(label.key)];
          if (cache !== void 0) {
            const key = label.str ?? label.num;
            const exlabel = cache.get(key);
            if (exlabel === void 0) {
              cache.set(key, label);
            } else if (label.str === exlabel.str && label.num === exlabel.num && label.numUnit === exlabel.numUnit) {
              labels[i] = exlabel;
            }
          }
        }
        return labels;
      }, "dedupLabels");
      const appendTimeEntryToSamples = /* @__PURE__ */ __name((entry, samples) => {
        let unlabelledHits = entry.node.hitCount;
        let unlabelledCpuTime = 0;
        const isIdle = entry.node.name === "(idle)";
        for (const context of entry.node.contexts || []) {
          const labels = generateLabels ? generateLabels({ node: entry.node, context }) : context.context ?? {};
          const labelsArr = buildLabels(labels, stringTable);
          if (labelsArr.length > 0) {
            const values = unlabelledHits > 0 ? [1, isIdle ? 0 : intervalNanos] : [0, 0];
            if (prof.hasCpuTime) {
              values.push(context.cpuTime ?? 0);
            }
            const sample = new pprof_format_1.Sample({
              locationId: entry.stack,
              value: values,
              label: dedupLabels(labelsArr)
            });
            samples.push(sample);
            unlabelledHits--;
          } else if (prof.hasCpuTime) {
            unlabelledCpuTime += context.cpuTime ?? 0;
          }
        }
        if (!isIdle && unlabelledHits > 0 || unlabelledCpuTime > 0) {
          const labels = generateLabels ? generateLabels({ node: entry.node }) : {};
          const values = unlabelledHits > 0 ? [unlabelledHits, isIdle ? 0 : unlabelledHits * intervalNanos] : [0, 0];
          if (prof.hasCpuTime) {
            values.push(unlabelledCpuTime);
          }
          const sample = new pprof_format_1.Sample({
            locationId: entry.stack,
            value: values,
            label: buildLabels(labels, stringTable)
          });
          samples.push(sample);
        }
      }, "appendTimeEntryToSamples");
      const sampleValueType = createSampleCountValueType(stringTable);
      const timeValueType = createTimeValueType(stringTable);
      const sampleTypes = [sampleValueType, timeValueType];
      if (prof.hasCpuTime) {
        const cpuValueType = createCpuValueType(stringTable);
        sampleTypes.push(cpuValueType);
      }
      const profile = {
        sampleType: sampleTypes,
        timeNanos: Date.now() * 1e3 * 1e3,
        durationNanos: (prof.endTime - prof.startTime) * 1e3,
        periodType: timeValueType,
        period: intervalNanos
      };
      const updatedProf = updateTimeProfile(prof);
      serialize(profile, updatedProf.topDownRoot, appendTimeEntryToSamples, stringTable, void 0, sourceMapper, columnNumbers);
      return new pprof_format_1.Profile(profile);
    }
    __name(serializeTimeProfile, "serializeTimeProfile");
    function buildLabels(labelSet, stringTable) {
      const labels = [];
      for (const [key, value] of Object.entries(labelSet)) {
        const labelInput = {
          key: stringTable.dedup(key)
        };
        switch (typeof value) {
          case "string":
            labelInput.str = stringTable.dedup(value);
            break;
          case "number":
          case "bigint":
            labelInput.num = value;
            break;
          default:
            continue;
        }
        labels.push(new pprof_format_1.Label(labelInput));
      }
      return labels;
    }
    __name(buildLabels, "buildLabels");
    function serializeHeapProfile(prof, startTimeNanos, intervalBytes, ignoreSamplesPath, sourceMapper, generateLabels, allocations = false, columnNumbers = exports.DEFAULT_COLUMN_NUMBERS) {
      const appendHeapEntryToSamples = /* @__PURE__ */ __name((entry, samples) => {
        if (entry.node.allocations.length > 0) {
          const labels = generateLabels ? buildLabels(generateLabels({ node: entry.node }), stringTable) : [];
          for (const alloc of entry.node.allocations) {
            if (!allocations) {
              const heapAllocation = alloc;
              const sample2 = new pprof_format_1.Sample({
                locationId: entry.stack,
                value: [
                  heapAllocation.count,
                  heapAllocation.sizeBytes * heapAllocation.count
                ],
                label: labels
                // TODO: add tag for allocation size
              });
              samples.push(sample2);
              continue;
            }
            const stats = alloc;
            const inuseObjects = requireAllocationStat(stats.inuseObjects, "inuseObjects");
            const inuseSpaceBytes = requireAllocationStat(stats.inuseSpaceBytes, "inuseSpaceBytes");
            const allocObjects = requireAllocationStat(stats.allocObjects, "allocObjects");
            const allocSpaceBytes = requireAllocationStat(stats.allocSpaceBytes, "allocSpaceBytes");
            const sample = new pprof_format_1.Sample({
              locationId: entry.stack,
              value: [inuseObjects, allocObjects, inuseSpaceBytes, allocSpaceBytes],
              label: labels
              // TODO: add tag for allocation size
            });
            samples.push(sample);
          }
        }
      }, "appendHeapEntryToSamples");
      const stringTable = new pprof_format_1.StringTable();
      const sampleTypes = allocations ? [
        createInUseObjectCountValueType(stringTable),
        createAllocatedObjectCountValueType(stringTable),
        createInUseSpaceValueType(stringTable),
        createAllocatedSpaceValueType(stringTable)
      ] : [
        createInUseObjectCountValueType(stringTable),
        createInUseSpaceValueType(stringTable)
      ];
      const profile = {
        sampleType: sampleTypes,
        timeNanos: startTimeNanos,
        periodType: sampleTypes[sampleTypes.length - 1],
        period: intervalBytes
      };
      serialize(profile, prof, appendHeapEntryToSamples, stringTable, ignoreSamplesPath, sourceMapper, columnNumbers);
      return new pprof_format_1.Profile(profile);
    }
    __name(serializeHeapProfile, "serializeHeapProfile");
  }
});

// node_modules/@datadog/pprof/out/src/heap-profiler.js
var require_heap_profiler = __commonJS({
  "node_modules/@datadog/pprof/out/src/heap-profiler.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CallbackMode = void 0;
    exports.v8Profile = v8Profile;
    exports.v8ProfileV2 = v8ProfileV2;
    exports.profile = profile;
    exports.convertProfile = convertProfile;
    exports.profileV2 = profileV2;
    exports.start = start;
    exports.stop = stop;
    exports.monitorOutOfMemory = monitorOutOfMemory;
    var heap_profiler_bindings_1 = require_heap_profiler_bindings();
    var profile_serializer_1 = require_profile_serializer();
    var worker_threads_1 = __require("worker_threads");
    var enabled = false;
    var heapIntervalBytes = 0;
    var heapStackDepth = 0;
    var startedWithAllocations = false;
    function v8Profile() {
      if (!enabled) {
        throw new Error("Heap profiler is not enabled.");
      }
      return (0, heap_profiler_bindings_1.getAllocationProfile)();
    }
    __name(v8Profile, "v8Profile");
    function v8ProfileV2(callback) {
      if (!enabled) {
        throw new Error("Heap profiler is not enabled.");
      }
      if (startedWithAllocations) {
        throw new Error("profileV2 does not support allocation mode.");
      }
      return (0, heap_profiler_bindings_1.mapAllocationProfile)(callback);
    }
    __name(v8ProfileV2, "v8ProfileV2");
    function profile(ignoreSamplePath, sourceMapper, generateLabels, columnNumbers = profile_serializer_1.DEFAULT_COLUMN_NUMBERS) {
      const result = convertProfile(v8Profile(), ignoreSamplePath, sourceMapper, generateLabels, columnNumbers);
      if (startedWithAllocations) {
        (0, heap_profiler_bindings_1.stopSamplingHeapProfiler)();
        (0, heap_profiler_bindings_1.startSamplingHeapProfiler)(heapIntervalBytes, heapStackDepth, true);
      }
      return result;
    }
    __name(profile, "profile");
    function convertProfile(rootNode, ignoreSamplePath, sourceMapper, generateLabels, columnNumbers = profile_serializer_1.DEFAULT_COLUMN_NUMBERS) {
      const allocations = startedWithAllocations;
      const startTimeNanos = Date.now() * 1e3 * 1e3;
      const { external } = process.memoryUsage();
      let root;
      if (external > 0) {
        if (allocations) {
          const externalNode = {
            name: "(external)",
            scriptName: "",
            children: [],
            allocations: [
              {
                inuseObjects: 1,
                inuseSpaceBytes: external,
                allocObjects: 1,
                allocSpaceBytes: external
              }
            ]
          };
          const allocationRoot = rootNode;
          root = {
            ...allocationRoot,
            children: [...allocationRoot.children, externalNode]
          };
        } else {
          const externalNode = {
            name: "(external)",
            scriptName: "",
            children: [],
            allocations: [{ sizeBytes: external, count: 1 }]
          };
          const heapRoot = rootNode;
          root = { ...heapRoot, children: [...heapRoot.children, externalNode] };
        }
      } else {
        root = rootNode;
      }
      return (0, profile_serializer_1.serializeHeapProfile)(root, startTimeNanos, heapIntervalBytes, ignoreSamplePath, sourceMapper, generateLabels, allocations, columnNumbers);
    }
    __name(convertProfile, "convertProfile");
    function profileV2(ignoreSamplePath, sourceMapper, generateLabels, columnNumbers = profile_serializer_1.DEFAULT_COLUMN_NUMBERS) {
      return v8ProfileV2((root) => {
        return convertProfile(root, ignoreSamplePath, sourceMapper, generateLabels, columnNumbers);
      });
    }
    __name(profileV2, "profileV2");
    function start(intervalBytes, stackDepth, allocations = false) {
      if (enabled) {
        throw new Error(`Heap profiler is already started  with intervalBytes ${heapIntervalBytes} and stackDepth ${stackDepth}`);
      }
      heapIntervalBytes = intervalBytes;
      heapStackDepth = stackDepth;
      startedWithAllocations = allocations;
      (0, heap_profiler_bindings_1.startSamplingHeapProfiler)(intervalBytes, stackDepth, allocations);
      enabled = true;
    }
    __name(start, "start");
    function stop() {
      if (enabled) {
        enabled = false;
        startedWithAllocations = false;
        (0, heap_profiler_bindings_1.stopSamplingHeapProfiler)();
      }
    }
    __name(stop, "stop");
    exports.CallbackMode = {
      Async: 1,
      Interrupt: 2,
      Both: 3
    };
    function monitorOutOfMemory(heapLimitExtensionSize, maxHeapLimitExtensionCount, dumpHeapProfileOnSdterr, exportCommand, callback, callbackMode) {
      if (!enabled) {
        throw new Error("Heap profiler must already be started to call monitorOutOfMemory");
      }
      let newCallback;
      if (typeof callback !== "undefined") {
        newCallback = /* @__PURE__ */ __name((profile2) => {
          callback(convertProfile(profile2));
        }, "newCallback");
      }
      const automatic = heapLimitExtensionSize === "auto";
      (0, heap_profiler_bindings_1.monitorOutOfMemory)(automatic ? 0 : heapLimitExtensionSize, maxHeapLimitExtensionCount, dumpHeapProfileOnSdterr, exportCommand || [], newCallback, typeof callbackMode !== "undefined" ? callbackMode : exports.CallbackMode.Async, worker_threads_1.isMainThread, automatic);
    }
    __name(monitorOutOfMemory, "monitorOutOfMemory");
  }
});

// node_modules/@datadog/pprof/out/src/async-context-frame.js
var require_async_context_frame = __commonJS({
  "node_modules/@datadog/pprof/out/src/async-context-frame.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isAsyncContextFrameActive = isAsyncContextFrameActive;
    exports.asyncContextFrameHint = asyncContextFrameHint;
    var node_async_hooks_1 = __require("node:async_hooks");
    var path_1 = __require("path");
    var addon;
    function bindings() {
      if (!addon) {
        const findBinding = require_node_gyp_build2();
        addon = findBinding((0, path_1.join)(__fg_dirname));
      }
      return addon;
    }
    __name(bindings, "bindings");
    var active2;
    function isAsyncContextFrameActive() {
      if (active2 === void 0) {
        const probe = new node_async_hooks_1.AsyncLocalStorage();
        const sentinel = {};
        let bound = false;
        probe.run(sentinel, () => {
          bound = bindings().cpedMapContains(probe, sentinel);
        });
        probe.disable();
        active2 = bound;
      }
      return active2;
    }
    __name(isAsyncContextFrameActive, "isAsyncContextFrameActive");
    function asyncContextFrameHint() {
      const version = process.versions.node;
      const [major, minor] = version.split(".").map(Number);
      if (major < 22 || major === 22 && minor < 7) {
        return `Node ${version} does not support it at all; Node 24 and later enable it by default`;
      }
      if (major < 24) {
        return `Node ${version} needs --experimental-async-context-frame, on the command line or in NODE_OPTIONS; Node 24 and later enable it by default`;
      }
      return `Node ${version} enables it by default, so something turned it off — look for --no-async-context-frame on the command line, in NODE_OPTIONS, or in this worker's execArgv`;
    }
    __name(asyncContextFrameHint, "asyncContextFrameHint");
  }
});

// node_modules/@datadog/pprof/out/src/otel-thread-ctx.js
var require_otel_thread_ctx = __commonJS({
  "node_modules/@datadog/pprof/out/src/otel-thread-ctx.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports._currentRecordBytes = exports.clearContext = exports.getContext = exports.ThreadContext = void 0;
    exports.getProcessContextAttributes = getProcessContextAttributes;
    var path_1 = __require("path");
    var node_async_hooks_1 = __require("node:async_hooks");
    var async_context_frame_1 = require_async_context_frame();
    var SCHEMA_VERSION = "nodejs_v1_dev";
    var whyUnpublishable = /* @__PURE__ */ __name(() => void 0, "whyUnpublishable");
    var _currentRecordBytes = /* @__PURE__ */ __name(() => void 0, "_currentRecordBytes");
    exports._currentRecordBytes = _currentRecordBytes;
    if (process.platform === "linux") {
      let ensureHook = function() {
        if (als)
          return als;
        const reason = whyUnpublishable();
        if (reason) {
          throw new Error(`otel thread-ctx writer can't publish on this Node: ${reason}.`);
        }
        als = new node_async_hooks_1.AsyncLocalStorage();
        addon.otelThreadCtxStoreAls(als);
        return als;
      };
      __name(ensureHook, "ensureHook");
      const findBinding = require_node_gyp_build2();
      const addon = findBinding((0, path_1.join)(__fg_dirname));
      exports.ThreadContext = addon.threadContext;
      whyUnpublishable = /* @__PURE__ */ __name(() => {
        if (!(0, async_context_frame_1.isAsyncContextFrameActive)()) {
          return `async_context_frame support is unavailable: ${(0, async_context_frame_1.asyncContextFrameHint)()}`;
        }
        if (!addon.otelThreadCtxRecordSlotOffsetHolds) {
          return "V8 does not place internal fields where the addon was built to expect them";
        }
        return void 0;
      }, "whyUnpublishable");
      let als;
      exports.getContext = function() {
        return als ? als.getStore() : void 0;
      };
      exports.clearContext = function() {
        if (!als)
          return;
        als.enterWith(void 0);
      };
      exports.ThreadContext.prototype.enter = function() {
        ensureHook().enterWith(this);
      };
      exports.ThreadContext.prototype.run = function(fn) {
        return ensureHook().run(this, fn);
      };
      exports._currentRecordBytes = function() {
        if (!als)
          return void 0;
        const context = als.getStore();
        return context ? context.debugBytes() : void 0;
      };
    } else {
      class NoopThreadContext {
        static {
          __name(this, "NoopThreadContext");
        }
        appendAttributes() {
        }
        invalidate() {
        }
        setTraceFlags() {
        }
        isTruncated() {
          return false;
        }
        debugBytes() {
          return new Uint8Array(0);
        }
        enter() {
        }
        run(fn) {
          return fn();
        }
      }
      exports.ThreadContext = NoopThreadContext;
      exports.getContext = function() {
        return void 0;
      };
      exports.clearContext = function() {
      };
    }
    function getProcessContextAttributes(keys) {
      const reason = whyUnpublishable();
      if (reason) {
        throw new Error(`can't declare ${SCHEMA_VERSION} on this Node: ${reason}.`);
      }
      if (!Array.isArray(keys)) {
        throw new TypeError("keys must be an array of attribute names");
      }
      if (keys.length > 256) {
        throw new RangeError("keys array exceeds 256 entries");
      }
      const seen2 = /* @__PURE__ */ new Set();
      for (let i = 0; i < keys.length; ++i) {
        const name = keys[i];
        if (typeof name !== "string") {
          throw new TypeError("every key must be a string");
        }
        if (seen2.has(name)) {
          throw new Error(`duplicate key name at index ${i}: ${name}`);
        }
        seen2.add(name);
      }
      return Object.freeze({
        "threadlocal.schema_version": SCHEMA_VERSION,
        "threadlocal.attribute_key_map": Object.freeze(keys.slice())
      });
    }
    __name(getProcessContextAttributes, "getProcessContextAttributes");
  }
});

// node_modules/@datadog/pprof/out/src/profile-encoder.js
var require_profile_encoder = __commonJS({
  "node_modules/@datadog/pprof/out/src/profile-encoder.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.encode = encode;
    exports.encodeSync = encodeSync;
    var util_1 = __require("util");
    var zlib_1 = __require("zlib");
    var gzipPromise = (0, util_1.promisify)(zlib_1.gzip);
    function encode(profile) {
      return profile.encodeAsync().then(gzipPromise);
    }
    __name(encode, "encode");
    function encodeSync(profile) {
      return (0, zlib_1.gzipSync)(profile.encode());
    }
    __name(encodeSync, "encodeSync");
  }
});

// node_modules/@datadog/pprof/out/src/time-profiler-bindings.js
var require_time_profiler_bindings = __commonJS({
  "node_modules/@datadog/pprof/out/src/time-profiler-bindings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getNativeThreadId = exports.constants = exports.TimeProfiler = void 0;
    var path_1 = __require("path");
    var findBinding = require_node_gyp_build2();
    var profiler = findBinding((0, path_1.join)(__fg_dirname));
    exports.TimeProfiler = profiler.TimeProfiler;
    exports.constants = profiler.constants;
    exports.getNativeThreadId = profiler.getNativeThreadId;
  }
});

// node_modules/@datadog/pprof/out/src/time-profiler.js
var require_time_profiler = __commonJS({
  "node_modules/@datadog/pprof/out/src/time-profiler.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getNativeThreadId = exports.constants = void 0;
    exports.profile = profile;
    exports.profileV2 = profileV2;
    exports.start = start;
    exports.stop = stop;
    exports.stopV2 = stopV2;
    exports.getState = getState;
    exports.setContext = setContext;
    exports.runWithContext = runWithContext;
    exports.getContext = getContext;
    exports.getMetrics = getMetrics;
    exports.isStarted = isStarted;
    exports.v8ProfilerStuckEventLoopDetected = v8ProfilerStuckEventLoopDetected;
    var promises_1 = __require("timers/promises");
    var profile_serializer_1 = require_profile_serializer();
    var time_profiler_bindings_1 = require_time_profiler_bindings();
    Object.defineProperty(exports, "getNativeThreadId", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return time_profiler_bindings_1.getNativeThreadId;
    }, "get") });
    var worker_threads_1 = __require("worker_threads");
    var async_hooks_1 = __require("async_hooks");
    var { kSampleCount } = time_profiler_bindings_1.constants;
    var DEFAULT_INTERVAL_MICROS = 1e3;
    var DEFAULT_DURATION_MILLIS = 6e4;
    var gProfiler;
    var gStore;
    var gSourceMapper;
    var gIntervalMicros;
    var gColumnNumbers = profile_serializer_1.DEFAULT_COLUMN_NUMBERS;
    var gV8ProfilerStuckEventLoopDetected = 0;
    function handleStopRestart() {
      if (!gProfiler) {
        return;
      }
      gV8ProfilerStuckEventLoopDetected = gProfiler.v8ProfilerStuckEventLoopDetected();
      if (gV8ProfilerStuckEventLoopDetected > 0) {
        gProfiler.stop(false);
        gProfiler.start();
      }
    }
    __name(handleStopRestart, "handleStopRestart");
    function handleStopNoRestart() {
      gV8ProfilerStuckEventLoopDetected = 0;
      gProfiler?.dispose();
      gProfiler = void 0;
      gSourceMapper = void 0;
      if (gStore !== void 0) {
        gStore.disable();
        gStore = void 0;
      }
    }
    __name(handleStopNoRestart, "handleStopNoRestart");
    process.once("exit", () => {
      if (isStarted())
        stop();
    });
    var DEFAULT_OPTIONS = {
      durationMillis: DEFAULT_DURATION_MILLIS,
      intervalMicros: DEFAULT_INTERVAL_MICROS,
      lineNumbers: false,
      withContexts: false,
      workaroundV8Bug: true,
      collectCpuTime: false,
      collectAsyncId: false,
      useCPED: false,
      columnNumbers: profile_serializer_1.DEFAULT_COLUMN_NUMBERS
    };
    async function profile(options2 = {}) {
      options2 = { ...DEFAULT_OPTIONS, ...options2 };
      start(options2);
      await (0, promises_1.setTimeout)(options2.durationMillis);
      return stop();
    }
    __name(profile, "profile");
    async function profileV2(options2 = {}) {
      options2 = { ...DEFAULT_OPTIONS, ...options2 };
      start(options2);
      await (0, promises_1.setTimeout)(options2.durationMillis);
      return stopV2();
    }
    __name(profileV2, "profileV2");
    function start(options2 = {}) {
      options2 = { ...DEFAULT_OPTIONS, ...options2 };
      if (gProfiler) {
        throw new Error("Wall profiler is already started");
      }
      const store = options2.useCPED === true ? new async_hooks_1.AsyncLocalStorage() : void 0;
      gProfiler = new time_profiler_bindings_1.TimeProfiler({ ...options2, CPEDKey: store, isMainThread: worker_threads_1.isMainThread });
      gSourceMapper = options2.sourceMapper;
      gIntervalMicros = options2.intervalMicros;
      gColumnNumbers = options2.columnNumbers ?? profile_serializer_1.DEFAULT_COLUMN_NUMBERS;
      gV8ProfilerStuckEventLoopDetected = 0;
      gProfiler.start();
      gStore = store;
      if (options2.withContexts && !options2.useCPED) {
        setContext({});
      }
    }
    __name(start, "start");
    function stop(restart = false, generateLabels, lowCardinalityLabels) {
      if (!gProfiler) {
        throw new Error("Wall profiler is not started");
      }
      const profile2 = gProfiler.stop(restart);
      if (restart) {
        handleStopRestart();
      }
      const serializedProfile = (0, profile_serializer_1.serializeTimeProfile)(profile2, gIntervalMicros, gSourceMapper, true, generateLabels, lowCardinalityLabels, gColumnNumbers);
      if (!restart) {
        handleStopNoRestart();
      }
      return serializedProfile;
    }
    __name(stop, "stop");
    function stopV2(restart = false, generateLabels, lowCardinalityLabels) {
      if (!gProfiler) {
        throw new Error("Wall profiler is not started");
      }
      const serializedProfile = gProfiler.stopAndCollect(restart, (profile2) => (0, profile_serializer_1.serializeTimeProfile)(profile2, gIntervalMicros, gSourceMapper, true, generateLabels, lowCardinalityLabels, gColumnNumbers));
      if (restart) {
        handleStopRestart();
      } else {
        handleStopNoRestart();
      }
      return serializedProfile;
    }
    __name(stopV2, "stopV2");
    function getState() {
      if (!gProfiler) {
        throw new Error("Wall profiler is not started");
      }
      return gProfiler.state;
    }
    __name(getState, "getState");
    function setContext(context) {
      if (!gProfiler) {
        throw new Error("Wall profiler is not started");
      }
      gProfiler.context = context;
    }
    __name(setContext, "setContext");
    function runWithContext(context, f, ...args) {
      if (!gProfiler) {
        throw new Error("Wall profiler is not started");
      } else if (!gStore) {
        throw new Error("Can only use runWithContext with AsyncContextFrame");
      }
      return gStore.run(gProfiler.createContextHolder(context), f, ...args);
    }
    __name(runWithContext, "runWithContext");
    function getContext() {
      if (!gProfiler) {
        throw new Error("Wall profiler is not started");
      }
      return gProfiler.context;
    }
    __name(getContext, "getContext");
    function getMetrics() {
      if (!gProfiler) {
        throw new Error("Wall profiler is not started");
      }
      return gProfiler.metrics;
    }
    __name(getMetrics, "getMetrics");
    function isStarted() {
      return !!gProfiler;
    }
    __name(isStarted, "isStarted");
    function v8ProfilerStuckEventLoopDetected() {
      return gV8ProfilerStuckEventLoopDetected;
    }
    __name(v8ProfilerStuckEventLoopDetected, "v8ProfilerStuckEventLoopDetected");
    exports.constants = {
      kSampleCount,
      GARBAGE_COLLECTION_FUNCTION_NAME: profile_serializer_1.GARBAGE_COLLECTION_FUNCTION_NAME,
      NON_JS_THREADS_FUNCTION_NAME: profile_serializer_1.NON_JS_THREADS_FUNCTION_NAME
    };
  }
});

// node_modules/source-map/lib/base64.js
var require_base64 = __commonJS({
  "node_modules/source-map/lib/base64.js"(exports) {
    var intToCharMap = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("");
    exports.encode = function(number2) {
      if (0 <= number2 && number2 < intToCharMap.length) {
        return intToCharMap[number2];
      }
      throw new TypeError("Must be between 0 and 63: " + number2);
    };
  }
});

// node_modules/source-map/lib/base64-vlq.js
var require_base64_vlq = __commonJS({
  "node_modules/source-map/lib/base64-vlq.js"(exports) {
    var base64 = require_base64();
    var VLQ_BASE_SHIFT = 5;
    var VLQ_BASE = 1 << VLQ_BASE_SHIFT;
    var VLQ_BASE_MASK = VLQ_BASE - 1;
    var VLQ_CONTINUATION_BIT = VLQ_BASE;
    function toVLQSigned(aValue) {
      return aValue < 0 ? (-aValue << 1) + 1 : (aValue << 1) + 0;
    }
    __name(toVLQSigned, "toVLQSigned");
    exports.encode = /* @__PURE__ */ __name(function base64VLQ_encode(aValue) {
      let encoded = "";
      let digit;
      let vlq = toVLQSigned(aValue);
      do {
        digit = vlq & VLQ_BASE_MASK;
        vlq >>>= VLQ_BASE_SHIFT;
        if (vlq > 0) {
          digit |= VLQ_CONTINUATION_BIT;
        }
        encoded += base64.encode(digit);
      } while (vlq > 0);
      return encoded;
    }, "base64VLQ_encode");
  }
});

// node_modules/source-map/lib/url.js
var require_url = __commonJS({
  "node_modules/source-map/lib/url.js"(exports, module3) {
    "use strict";
    module3.exports = typeof URL === "function" ? URL : __require("url").URL;
  }
});

// node_modules/source-map/lib/util.js
var require_util = __commonJS({
  "node_modules/source-map/lib/util.js"(exports) {
    var URL2 = require_url();
    function getArg(aArgs, aName, aDefaultValue) {
      if (aName in aArgs) {
        return aArgs[aName];
      } else if (arguments.length === 3) {
        return aDefaultValue;
      }
      throw new Error('"' + aName + '" is a required argument.');
    }
    __name(getArg, "getArg");
    exports.getArg = getArg;
    var supportsNullProto = (function() {
      const obj = /* @__PURE__ */ Object.create(null);
      return !("__proto__" in obj);
    })();
    function identity2(s) {
      return s;
    }
    __name(identity2, "identity");
    function toSetString(aStr) {
      if (isProtoString(aStr)) {
        return "$" + aStr;
      }
      return aStr;
    }
    __name(toSetString, "toSetString");
    exports.toSetString = supportsNullProto ? identity2 : toSetString;
    function fromSetString(aStr) {
      if (isProtoString(aStr)) {
        return aStr.slice(1);
      }
      return aStr;
    }
    __name(fromSetString, "fromSetString");
    exports.fromSetString = supportsNullProto ? identity2 : fromSetString;
    function isProtoString(s) {
      if (!s) {
        return false;
      }
      const length = s.length;
      if (length < 9) {
        return false;
      }
      if (s.charCodeAt(length - 1) !== 95 || s.charCodeAt(length - 2) !== 95 || s.charCodeAt(length - 3) !== 111 || s.charCodeAt(length - 4) !== 116 || s.charCodeAt(length - 5) !== 111 || s.charCodeAt(length - 6) !== 114 || s.charCodeAt(length - 7) !== 112 || s.charCodeAt(length - 8) !== 95 || s.charCodeAt(length - 9) !== 95) {
        return false;
      }
      for (let i = length - 10; i >= 0; i--) {
        if (s.charCodeAt(i) !== 36) {
          return false;
        }
      }
      return true;
    }
    __name(isProtoString, "isProtoString");
    function strcmp(aStr1, aStr2) {
      if (aStr1 === aStr2) {
        return 0;
      }
      if (aStr1 === null) {
        return 1;
      }
      if (aStr2 === null) {
        return -1;
      }
      if (aStr1 > aStr2) {
        return 1;
      }
      return -1;
    }
    __name(strcmp, "strcmp");
    function compareByGeneratedPositionsInflated(mappingA, mappingB) {
      let cmp = mappingA.generatedLine - mappingB.generatedLine;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.generatedColumn - mappingB.generatedColumn;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = strcmp(mappingA.source, mappingB.source);
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.originalLine - mappingB.originalLine;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.originalColumn - mappingB.originalColumn;
      if (cmp !== 0) {
        return cmp;
      }
      return strcmp(mappingA.name, mappingB.name);
    }
    __name(compareByGeneratedPositionsInflated, "compareByGeneratedPositionsInflated");
    exports.compareByGeneratedPositionsInflated = compareByGeneratedPositionsInflated;
    function parseSourceMapInput(str) {
      return JSON.parse(str.replace(/^\)]}'[^\n]*\n/, ""));
    }
    __name(parseSourceMapInput, "parseSourceMapInput");
    exports.parseSourceMapInput = parseSourceMapInput;
    var PROTOCOL = "http:";
    var PROTOCOL_AND_HOST = `${PROTOCOL}//host`;
    function createSafeHandler(cb) {
      return (input) => {
        const type = getURLType(input);
        const base = buildSafeBase(input);
        const url = new URL2(input, base);
        cb(url);
        const result = url.toString();
        if (type === "absolute") {
          return result;
        } else if (type === "scheme-relative") {
          return result.slice(PROTOCOL.length);
        } else if (type === "path-absolute") {
          return result.slice(PROTOCOL_AND_HOST.length);
        }
        return computeRelativeURL(base, result);
      };
    }
    __name(createSafeHandler, "createSafeHandler");
    function withBase(url, base) {
      return new URL2(url, base).toString();
    }
    __name(withBase, "withBase");
    function buildUniqueSegment(prefix, str) {
      let id = 0;
      do {
        const ident = prefix + id++;
        if (str.indexOf(ident) === -1) return ident;
      } while (true);
    }
    __name(buildUniqueSegment, "buildUniqueSegment");
    function buildSafeBase(str) {
      const maxDotParts = str.split("..").length - 1;
      const segment = buildUniqueSegment("p", str);
      let base = `${PROTOCOL_AND_HOST}/`;
      for (let i = 0; i < maxDotParts; i++) {
        base += `${segment}/`;
      }
      return base;
    }
    __name(buildSafeBase, "buildSafeBase");
    var ABSOLUTE_SCHEME = /^[A-Za-z0-9\+\-\.]+:/;
    function getURLType(url) {
      if (url[0] === "/") {
        if (url[1] === "/") return "scheme-relative";
        return "path-absolute";
      }
      return ABSOLUTE_SCHEME.test(url) ? "absolute" : "path-relative";
    }
    __name(getURLType, "getURLType");
    function computeRelativeURL(rootURL, targetURL) {
      if (typeof rootURL === "string") rootURL = new URL2(rootURL);
      if (typeof targetURL === "string") targetURL = new URL2(targetURL);
      const targetParts = targetURL.pathname.split("/");
      const rootParts = rootURL.pathname.split("/");
      if (rootParts.length > 0 && !rootParts[rootParts.length - 1]) {
        rootParts.pop();
      }
      while (targetParts.length > 0 && rootParts.length > 0 && targetParts[0] === rootParts[0]) {
        targetParts.shift();
        rootParts.shift();
      }
      const relativePath = rootParts.map(() => "..").concat(targetParts).join("/");
      return relativePath + targetURL.search + targetURL.hash;
    }
    __name(computeRelativeURL, "computeRelativeURL");
    var ensureDirectory = createSafeHandler((url) => {
      url.pathname = url.pathname.replace(/\/?$/, "/");
    });
    var trimFilename = createSafeHandler((url) => {
      url.href = new URL2(".", url.toString()).toString();
    });
    var normalize = createSafeHandler((url) => {
    });
    exports.normalize = normalize;
    function join10(aRoot, aPath) {
      const pathType = getURLType(aPath);
      const rootType = getURLType(aRoot);
      aRoot = ensureDirectory(aRoot);
      if (pathType === "absolute") {
        return withBase(aPath, void 0);
      }
      if (rootType === "absolute") {
        return withBase(aPath, aRoot);
      }
      if (pathType === "scheme-relative") {
        return normalize(aPath);
      }
      if (rootType === "scheme-relative") {
        return withBase(aPath, withBase(aRoot, PROTOCOL_AND_HOST)).slice(
          PROTOCOL.length
        );
      }
      if (pathType === "path-absolute") {
        return normalize(aPath);
      }
      if (rootType === "path-absolute") {
        return withBase(aPath, withBase(aRoot, PROTOCOL_AND_HOST)).slice(
          PROTOCOL_AND_HOST.length
        );
      }
      const base = buildSafeBase(aPath + aRoot);
      const newPath = withBase(aPath, withBase(aRoot, base));
      return computeRelativeURL(base, newPath);
    }
    __name(join10, "join");
    exports.join = join10;
    function relative4(rootURL, targetURL) {
      const result = relativeIfPossible(rootURL, targetURL);
      return typeof result === "string" ? result : normalize(targetURL);
    }
    __name(relative4, "relative");
    exports.relative = relative4;
    function relativeIfPossible(rootURL, targetURL) {
      const urlType = getURLType(rootURL);
      if (urlType !== getURLType(targetURL)) {
        return null;
      }
      const base = buildSafeBase(rootURL + targetURL);
      const root = new URL2(rootURL, base);
      const target = new URL2(targetURL, base);
      try {
        new URL2("", target.toString());
      } catch (err) {
        return null;
      }
      if (target.protocol !== root.protocol || target.user !== root.user || target.password !== root.password || target.hostname !== root.hostname || target.port !== root.port) {
        return null;
      }
      return computeRelativeURL(root, target);
    }
    __name(relativeIfPossible, "relativeIfPossible");
    function computeSourceURL(sourceRoot, sourceURL, sourceMapURL) {
      if (sourceRoot && getURLType(sourceURL) === "path-absolute") {
        sourceURL = sourceURL.replace(/^\//, "");
      }
      let url = normalize(sourceURL || "");
      if (sourceRoot) url = join10(sourceRoot, url);
      if (sourceMapURL) url = join10(trimFilename(sourceMapURL), url);
      return url;
    }
    __name(computeSourceURL, "computeSourceURL");
    exports.computeSourceURL = computeSourceURL;
  }
});

// node_modules/source-map/lib/array-set.js
var require_array_set = __commonJS({
  "node_modules/source-map/lib/array-set.js"(exports) {
    var ArraySet = class _ArraySet {
      static {
        __name(this, "ArraySet");
      }
      constructor() {
        this._array = [];
        this._set = /* @__PURE__ */ new Map();
      }
      /**
       * Static method for creating ArraySet instances from an existing array.
       */
      static fromArray(aArray, aAllowDuplicates) {
        const set = new _ArraySet();
        for (let i = 0, len = aArray.length; i < len; i++) {
          set.add(aArray[i], aAllowDuplicates);
        }
        return set;
      }
      /**
       * Return how many unique items are in this ArraySet. If duplicates have been
       * added, than those do not count towards the size.
       *
       * @returns Number
       */
      size() {
        return this._set.size;
      }
      /**
       * Add the given string to this set.
       *
       * @param String aStr
       */
      add(aStr, aAllowDuplicates) {
        const isDuplicate = this.has(aStr);
        const idx = this._array.length;
        if (!isDuplicate || aAllowDuplicates) {
          this._array.push(aStr);
        }
        if (!isDuplicate) {
          this._set.set(aStr, idx);
        }
      }
      /**
       * Is the given string a member of this set?
       *
       * @param String aStr
       */
      has(aStr) {
        return this._set.has(aStr);
      }
      /**
       * What is the index of the given string in the array?
       *
       * @param String aStr
       */
      indexOf(aStr) {
        const idx = this._set.get(aStr);
        if (idx >= 0) {
          return idx;
        }
        throw new Error('"' + aStr + '" is not in the set.');
      }
      /**
       * What is the element at the given index?
       *
       * @param Number aIdx
       */
      at(aIdx) {
        if (aIdx >= 0 && aIdx < this._array.length) {
          return this._array[aIdx];
        }
        throw new Error("No element indexed by " + aIdx);
      }
      /**
       * Returns the array representation of this set (which has the proper indices
       * indicated by indexOf). Note that this is a copy of the internal array used
       * for storing the members so that no one can mess with internal state.
       */
      toArray() {
        return this._array.slice();
      }
    };
    exports.ArraySet = ArraySet;
  }
});

// node_modules/source-map/lib/mapping-list.js
var require_mapping_list = __commonJS({
  "node_modules/source-map/lib/mapping-list.js"(exports) {
    var util = require_util();
    function generatedPositionAfter(mappingA, mappingB) {
      const lineA = mappingA.generatedLine;
      const lineB = mappingB.generatedLine;
      const columnA = mappingA.generatedColumn;
      const columnB = mappingB.generatedColumn;
      return lineB > lineA || lineB == lineA && columnB >= columnA || util.compareByGeneratedPositionsInflated(mappingA, mappingB) <= 0;
    }
    __name(generatedPositionAfter, "generatedPositionAfter");
    var MappingList = class {
      static {
        __name(this, "MappingList");
      }
      constructor() {
        this._array = [];
        this._sorted = true;
        this._last = { generatedLine: -1, generatedColumn: 0 };
      }
      /**
       * Iterate through internal items. This method takes the same arguments that
       * `Array.prototype.forEach` takes.
       *
       * NOTE: The order of the mappings is NOT guaranteed.
       */
      unsortedForEach(aCallback, aThisArg) {
        this._array.forEach(aCallback, aThisArg);
      }
      /**
       * Add the given source mapping.
       *
       * @param Object aMapping
       */
      add(aMapping) {
        if (generatedPositionAfter(this._last, aMapping)) {
          this._last = aMapping;
          this._array.push(aMapping);
        } else {
          this._sorted = false;
          this._array.push(aMapping);
        }
      }
      /**
       * Returns the flat, sorted array of mappings. The mappings are sorted by
       * generated position.
       *
       * WARNING: This method returns internal data without copying, for
       * performance. The return value must NOT be mutated, and should be treated as
       * an immutable borrow. If you want to take ownership, you must make your own
       * copy.
       */
      toArray() {
        if (!this._sorted) {
          this._array.sort(util.compareByGeneratedPositionsInflated);
          this._sorted = true;
        }
        return this._array;
      }
    };
    exports.MappingList = MappingList;
  }
});

// node_modules/source-map/lib/source-map-generator.js
var require_source_map_generator = __commonJS({
  "node_modules/source-map/lib/source-map-generator.js"(exports) {
    var base64VLQ = require_base64_vlq();
    var util = require_util();
    var ArraySet = require_array_set().ArraySet;
    var MappingList = require_mapping_list().MappingList;
    var SourceMapGenerator = class _SourceMapGenerator {
      static {
        __name(this, "SourceMapGenerator");
      }
      constructor(aArgs) {
        if (!aArgs) {
          aArgs = {};
        }
        this._file = util.getArg(aArgs, "file", null);
        this._sourceRoot = util.getArg(aArgs, "sourceRoot", null);
        this._skipValidation = util.getArg(aArgs, "skipValidation", false);
        this._sources = new ArraySet();
        this._names = new ArraySet();
        this._mappings = new MappingList();
        this._sourcesContents = null;
      }
      /**
       * Creates a new SourceMapGenerator based on a SourceMapConsumer
       *
       * @param aSourceMapConsumer The SourceMap.
       */
      static fromSourceMap(aSourceMapConsumer) {
        const sourceRoot = aSourceMapConsumer.sourceRoot;
        const generator = new _SourceMapGenerator({
          file: aSourceMapConsumer.file,
          sourceRoot
        });
        aSourceMapConsumer.eachMapping(function(mapping) {
          const newMapping = {
            generated: {
              line: mapping.generatedLine,
              column: mapping.generatedColumn
            }
          };
          if (mapping.source != null) {
            newMapping.source = mapping.source;
            if (sourceRoot != null) {
              newMapping.source = util.relative(sourceRoot, newMapping.source);
            }
            newMapping.original = {
              line: mapping.originalLine,
              column: mapping.originalColumn
            };
            if (mapping.name != null) {
              newMapping.name = mapping.name;
            }
          }
          generator.addMapping(newMapping);
        });
        aSourceMapConsumer.sources.forEach(function(sourceFile) {
          let sourceRelative = sourceFile;
          if (sourceRoot != null) {
            sourceRelative = util.relative(sourceRoot, sourceFile);
          }
          if (!generator._sources.has(sourceRelative)) {
            generator._sources.add(sourceRelative);
          }
          const content = aSourceMapConsumer.sourceContentFor(sourceFile);
          if (content != null) {
            generator.setSourceContent(sourceFile, content);
          }
        });
        return generator;
      }
      /**
       * Add a single mapping from original source line and column to the generated
       * source's line and column for this source map being created. The mapping
       * object should have the following properties:
       *
       *   - generated: An object with the generated line and column positions.
       *   - original: An object with the original line and column positions.
       *   - source: The original source file (relative to the sourceRoot).
       *   - name: An optional original token name for this mapping.
       */
      addMapping(aArgs) {
        const generated = util.getArg(aArgs, "generated");
        const original = util.getArg(aArgs, "original", null);
        let source = util.getArg(aArgs, "source", null);
        let name = util.getArg(aArgs, "name", null);
        if (!this._skipValidation) {
          this._validateMapping(generated, original, source, name);
        }
        if (source != null) {
          source = String(source);
          if (!this._sources.has(source)) {
            this._sources.add(source);
          }
        }
        if (name != null) {
          name = String(name);
          if (!this._names.has(name)) {
            this._names.add(name);
          }
        }
        this._mappings.add({
          generatedLine: generated.line,
          generatedColumn: generated.column,
          originalLine: original && original.line,
          originalColumn: original && original.column,
          source,
          name
        });
      }
      /**
       * Set the source content for a source file.
       */
      setSourceContent(aSourceFile, aSourceContent) {
        let source = aSourceFile;
        if (this._sourceRoot != null) {
          source = util.relative(this._sourceRoot, source);
        }
        if (aSourceContent != null) {
          if (!this._sourcesContents) {
            this._sourcesContents = /* @__PURE__ */ Object.create(null);
          }
          this._sourcesContents[util.toSetString(source)] = aSourceContent;
        } else if (this._sourcesContents) {
          delete this._sourcesContents[util.toSetString(source)];
          if (Object.keys(this._sourcesContents).length === 0) {
            this._sourcesContents = null;
          }
        }
      }
      /**
       * Applies the mappings of a sub-source-map for a specific source file to the
       * source map being generated. Each mapping to the supplied source file is
       * rewritten using the supplied source map. Note: The resolution for the
       * resulting mappings is the minimium of this map and the supplied map.
       *
       * @param aSourceMapConsumer The source map to be applied.
       * @param aSourceFile Optional. The filename of the source file.
       *        If omitted, SourceMapConsumer's file property will be used.
       * @param aSourceMapPath Optional. The dirname of the path to the source map
       *        to be applied. If relative, it is relative to the SourceMapConsumer.
       *        This parameter is needed when the two source maps aren't in the same
       *        directory, and the source map to be applied contains relative source
       *        paths. If so, those relative source paths need to be rewritten
       *        relative to the SourceMapGenerator.
       */
      applySourceMap(aSourceMapConsumer, aSourceFile, aSourceMapPath) {
        let sourceFile = aSourceFile;
        if (aSourceFile == null) {
          if (aSourceMapConsumer.file == null) {
            throw new Error(
              `SourceMapGenerator.prototype.applySourceMap requires either an explicit source file, or the source map's "file" property. Both were omitted.`
            );
          }
          sourceFile = aSourceMapConsumer.file;
        }
        const sourceRoot = this._sourceRoot;
        if (sourceRoot != null) {
          sourceFile = util.relative(sourceRoot, sourceFile);
        }
        const newSources = this._mappings.toArray().length > 0 ? new ArraySet() : this._sources;
        const newNames = new ArraySet();
        this._mappings.unsortedForEach(function(mapping) {
          if (mapping.source === sourceFile && mapping.originalLine != null) {
            const original = aSourceMapConsumer.originalPositionFor({
              line: mapping.originalLine,
              column: mapping.originalColumn
            });
            if (original.source != null) {
              mapping.source = original.source;
              if (aSourceMapPath != null) {
                mapping.source = util.join(aSourceMapPath, mapping.source);
              }
              if (sourceRoot != null) {
                mapping.source = util.relative(sourceRoot, mapping.source);
              }
              mapping.originalLine = original.line;
              mapping.originalColumn = original.column;
              if (original.name != null) {
                mapping.name = original.name;
              }
            }
          }
          const source = mapping.source;
          if (source != null && !newSources.has(source)) {
            newSources.add(source);
          }
          const name = mapping.name;
          if (name != null && !newNames.has(name)) {
            newNames.add(name);
          }
        }, this);
        this._sources = newSources;
        this._names = newNames;
        aSourceMapConsumer.sources.forEach(function(srcFile) {
          const content = aSourceMapConsumer.sourceContentFor(srcFile);
          if (content != null) {
            if (aSourceMapPath != null) {
              srcFile = util.join(aSourceMapPath, srcFile);
            }
            if (sourceRoot != null) {
              srcFile = util.relative(sourceRoot, srcFile);
            }
            this.setSourceContent(srcFile, content);
          }
        }, this);
      }
      /**
       * A mapping can have one of the three levels of data:
       *
       *   1. Just the generated position.
       *   2. The Generated position, original position, and original source.
       *   3. Generated and original position, original source, as well as a name
       *      token.
       *
       * To maintain consistency, we validate that any new mapping being added falls
       * in to one of these categories.
       */
      _validateMapping(aGenerated, aOriginal, aSource, aName) {
        if (aOriginal && typeof aOriginal.line !== "number" && typeof aOriginal.column !== "number") {
          throw new Error(
            "original.line and original.column are not numbers -- you probably meant to omit the original mapping entirely and only map the generated position. If so, pass null for the original mapping instead of an object with empty or null values."
          );
        }
        if (aGenerated && "line" in aGenerated && "column" in aGenerated && aGenerated.line > 0 && aGenerated.column >= 0 && !aOriginal && !aSource && !aName) {
        } else if (aGenerated && "line" in aGenerated && "column" in aGenerated && aOriginal && "line" in aOriginal && "column" in aOriginal && aGenerated.line > 0 && aGenerated.column >= 0 && aOriginal.line > 0 && aOriginal.column >= 0 && aSource) {
        } else {
          throw new Error(
            "Invalid mapping: " + JSON.stringify({
              generated: aGenerated,
              source: aSource,
              original: aOriginal,
              name: aName
            })
          );
        }
      }
      /**
       * Serialize the accumulated mappings in to the stream of base 64 VLQs
       * specified by the source map format.
       */
      _serializeMappings() {
        let previousGeneratedColumn = 0;
        let previousGeneratedLine = 1;
        let previousOriginalColumn = 0;
        let previousOriginalLine = 0;
        let previousName = 0;
        let previousSource = 0;
        let result = "";
        let next;
        let mapping;
        let nameIdx;
        let sourceIdx;
        const mappings = this._mappings.toArray();
        for (let i = 0, len = mappings.length; i < len; i++) {
          mapping = mappings[i];
          next = "";
          if (mapping.generatedLine !== previousGeneratedLine) {
            previousGeneratedColumn = 0;
            while (mapping.generatedLine !== previousGeneratedLine) {
              next += ";";
              previousGeneratedLine++;
            }
          } else if (i > 0) {
            if (!util.compareByGeneratedPositionsInflated(mapping, mappings[i - 1])) {
              continue;
            }
            next += ",";
          }
          next += base64VLQ.encode(
            mapping.generatedColumn - previousGeneratedColumn
          );
          previousGeneratedColumn = mapping.generatedColumn;
          if (mapping.source != null) {
            sourceIdx = this._sources.indexOf(mapping.source);
            next += base64VLQ.encode(sourceIdx - previousSource);
            previousSource = sourceIdx;
            next += base64VLQ.encode(
              mapping.originalLine - 1 - previousOriginalLine
            );
            previousOriginalLine = mapping.originalLine - 1;
            next += base64VLQ.encode(
              mapping.originalColumn - previousOriginalColumn
            );
            previousOriginalColumn = mapping.originalColumn;
            if (mapping.name != null) {
              nameIdx = this._names.indexOf(mapping.name);
              next += base64VLQ.encode(nameIdx - previousName);
              previousName = nameIdx;
            }
          }
          result += next;
        }
        return result;
      }
      _generateSourcesContent(aSources, aSourceRoot) {
        return aSources.map(function(source) {
          if (!this._sourcesContents) {
            return null;
          }
          if (aSourceRoot != null) {
            source = util.relative(aSourceRoot, source);
          }
          const key = util.toSetString(source);
          return Object.prototype.hasOwnProperty.call(this._sourcesContents, key) ? this._sourcesContents[key] : null;
        }, this);
      }
      /**
       * Externalize the source map.
       */
      toJSON() {
        const map = {
          version: this._version,
          sources: this._sources.toArray(),
          names: this._names.toArray(),
          mappings: this._serializeMappings()
        };
        if (this._file != null) {
          map.file = this._file;
        }
        if (this._sourceRoot != null) {
          map.sourceRoot = this._sourceRoot;
        }
        if (this._sourcesContents) {
          map.sourcesContent = this._generateSourcesContent(
            map.sources,
            map.sourceRoot
          );
        }
        return map;
      }
      /**
       * Render the source map being generated to a string.
       */
      toString() {
        return JSON.stringify(this.toJSON());
      }
    };
    SourceMapGenerator.prototype._version = 3;
    exports.SourceMapGenerator = SourceMapGenerator;
  }
});

// node_modules/source-map/lib/binary-search.js
var require_binary_search = __commonJS({
  "node_modules/source-map/lib/binary-search.js"(exports) {
    exports.GREATEST_LOWER_BOUND = 1;
    exports.LEAST_UPPER_BOUND = 2;
    function recursiveSearch(aLow, aHigh, aNeedle, aHaystack, aCompare, aBias) {
      const mid = Math.floor((aHigh - aLow) / 2) + aLow;
      const cmp = aCompare(aNeedle, aHaystack[mid], true);
      if (cmp === 0) {
        return mid;
      } else if (cmp > 0) {
        if (aHigh - mid > 1) {
          return recursiveSearch(mid, aHigh, aNeedle, aHaystack, aCompare, aBias);
        }
        if (aBias === exports.LEAST_UPPER_BOUND) {
          return aHigh < aHaystack.length ? aHigh : -1;
        }
        return mid;
      }
      if (mid - aLow > 1) {
        return recursiveSearch(aLow, mid, aNeedle, aHaystack, aCompare, aBias);
      }
      if (aBias == exports.LEAST_UPPER_BOUND) {
        return mid;
      }
      return aLow < 0 ? -1 : aLow;
    }
    __name(recursiveSearch, "recursiveSearch");
    exports.search = /* @__PURE__ */ __name(function search(aNeedle, aHaystack, aCompare, aBias) {
      if (aHaystack.length === 0) {
        return -1;
      }
      let index = recursiveSearch(
        -1,
        aHaystack.length,
        aNeedle,
        aHaystack,
        aCompare,
        aBias || exports.GREATEST_LOWER_BOUND
      );
      if (index < 0) {
        return -1;
      }
      while (index - 1 >= 0) {
        if (aCompare(aHaystack[index], aHaystack[index - 1], true) !== 0) {
          break;
        }
        --index;
      }
      return index;
    }, "search");
  }
});

// node_modules/source-map/lib/read-wasm.js
var require_read_wasm = __commonJS({
  "node_modules/source-map/lib/read-wasm.js"(exports, module3) {
    "use strict";
    var fs = __require("fs");
    var path = __require("path");
    module3.exports = /* @__PURE__ */ __name(function readWasm() {
      return new Promise((resolve5, reject) => {
        const wasmPath = path.join(__fg_dirname, "mappings.wasm");
        fs.readFile(wasmPath, null, (error2, data) => {
          if (error2) {
            reject(error2);
            return;
          }
          resolve5(data.buffer);
        });
      });
    }, "readWasm");
    module3.exports.initialize = (_) => {
      console.debug(
        "SourceMapConsumer.initialize is a no-op when running in node.js"
      );
    };
  }
});

// node_modules/source-map/lib/wasm.js
var require_wasm = __commonJS({
  "node_modules/source-map/lib/wasm.js"(exports, module3) {
    var readWasm = require_read_wasm();
    function Mapping() {
      this.generatedLine = 0;
      this.generatedColumn = 0;
      this.lastGeneratedColumn = null;
      this.source = null;
      this.originalLine = null;
      this.originalColumn = null;
      this.name = null;
    }
    __name(Mapping, "Mapping");
    var cachedWasm = null;
    module3.exports = /* @__PURE__ */ __name(function wasm() {
      if (cachedWasm) {
        return cachedWasm;
      }
      const callbackStack = [];
      cachedWasm = readWasm().then((buffer) => {
        return WebAssembly.instantiate(buffer, {
          env: {
            mapping_callback(generatedLine, generatedColumn, hasLastGeneratedColumn, lastGeneratedColumn, hasOriginal, source, originalLine2, originalColumn, hasName, name) {
              const mapping = new Mapping();
              mapping.generatedLine = generatedLine + 1;
              mapping.generatedColumn = generatedColumn;
              if (hasLastGeneratedColumn) {
                mapping.lastGeneratedColumn = lastGeneratedColumn - 1;
              }
              if (hasOriginal) {
                mapping.source = source;
                mapping.originalLine = originalLine2 + 1;
                mapping.originalColumn = originalColumn;
                if (hasName) {
                  mapping.name = name;
                }
              }
              callbackStack[callbackStack.length - 1](mapping);
            },
            start_all_generated_locations_for() {
              console.time("all_generated_locations_for");
            },
            end_all_generated_locations_for() {
              console.timeEnd("all_generated_locations_for");
            },
            start_compute_column_spans() {
              console.time("compute_column_spans");
            },
            end_compute_column_spans() {
              console.timeEnd("compute_column_spans");
            },
            start_generated_location_for() {
              console.time("generated_location_for");
            },
            end_generated_location_for() {
              console.timeEnd("generated_location_for");
            },
            start_original_location_for() {
              console.time("original_location_for");
            },
            end_original_location_for() {
              console.timeEnd("original_location_for");
            },
            start_parse_mappings() {
              console.time("parse_mappings");
            },
            end_parse_mappings() {
              console.timeEnd("parse_mappings");
            },
            start_sort_by_generated_location() {
              console.time("sort_by_generated_location");
            },
            end_sort_by_generated_location() {
              console.timeEnd("sort_by_generated_location");
            },
            start_sort_by_original_location() {
              console.time("sort_by_original_location");
            },
            end_sort_by_original_location() {
              console.timeEnd("sort_by_original_location");
            }
          }
        });
      }).then((Wasm) => {
        return {
          exports: Wasm.instance.exports,
          withMappingCallback: /* @__PURE__ */ __name((mappingCallback, f) => {
            callbackStack.push(mappingCallback);
            try {
              f();
            } finally {
              callbackStack.pop();
            }
          }, "withMappingCallback")
        };
      }).then(null, (e) => {
        cachedWasm = null;
        throw e;
      });
      return cachedWasm;
    }, "wasm");
  }
});

// node_modules/source-map/lib/source-map-consumer.js
var require_source_map_consumer = __commonJS({
  "node_modules/source-map/lib/source-map-consumer.js"(exports) {
    var util = require_util();
    var binarySearch = require_binary_search();
    var ArraySet = require_array_set().ArraySet;
    var base64VLQ = require_base64_vlq();
    var readWasm = require_read_wasm();
    var wasm = require_wasm();
    var INTERNAL = /* @__PURE__ */ Symbol("smcInternal");
    var SourceMapConsumer = class _SourceMapConsumer {
      static {
        __name(this, "SourceMapConsumer");
      }
      constructor(aSourceMap, aSourceMapURL) {
        if (aSourceMap == INTERNAL) {
          return Promise.resolve(this);
        }
        return _factory(aSourceMap, aSourceMapURL);
      }
      static initialize(opts) {
        readWasm.initialize(opts["lib/mappings.wasm"]);
      }
      static fromSourceMap(aSourceMap, aSourceMapURL) {
        return _factoryBSM(aSourceMap, aSourceMapURL);
      }
      /**
       * Construct a new `SourceMapConsumer` from `rawSourceMap` and `sourceMapUrl`
       * (see the `SourceMapConsumer` constructor for details. Then, invoke the `async
       * function f(SourceMapConsumer) -> T` with the newly constructed consumer, wait
       * for `f` to complete, call `destroy` on the consumer, and return `f`'s return
       * value.
       *
       * You must not use the consumer after `f` completes!
       *
       * By using `with`, you do not have to remember to manually call `destroy` on
       * the consumer, since it will be called automatically once `f` completes.
       *
       * ```js
       * const xSquared = await SourceMapConsumer.with(
       *   myRawSourceMap,
       *   null,
       *   async function (consumer) {
       *     // Use `consumer` inside here and don't worry about remembering
       *     // to call `destroy`.
       *
       *     const x = await whatever(consumer);
       *     return x * x;
       *   }
       * );
       *
       * // You may not use that `consumer` anymore out here; it has
       * // been destroyed. But you can use `xSquared`.
       * console.log(xSquared);
       * ```
       */
      static async with(rawSourceMap, sourceMapUrl, f) {
        const consumer = await new _SourceMapConsumer(rawSourceMap, sourceMapUrl);
        try {
          return await f(consumer);
        } finally {
          consumer.destroy();
        }
      }
      /**
       * Iterate over each mapping between an original source/line/column and a
       * generated line/column in this source map.
       *
       * @param Function aCallback
       *        The function that is called with each mapping.
       * @param Object aContext
       *        Optional. If specified, this object will be the value of `this` every
       *        time that `aCallback` is called.
       * @param aOrder
       *        Either `SourceMapConsumer.GENERATED_ORDER` or
       *        `SourceMapConsumer.ORIGINAL_ORDER`. Specifies whether you want to
       *        iterate over the mappings sorted by the generated file's line/column
       *        order or the original's source/line/column order, respectively. Defaults to
       *        `SourceMapConsumer.GENERATED_ORDER`.
       */
      eachMapping(aCallback, aContext, aOrder) {
        throw new Error("Subclasses must implement eachMapping");
      }
      /**
       * Returns all generated line and column information for the original source,
       * line, and column provided. If no column is provided, returns all mappings
       * corresponding to a either the line we are searching for or the next
       * closest line that has any mappings. Otherwise, returns all mappings
       * corresponding to the given line and either the column we are searching for
       * or the next closest column that has any offsets.
       *
       * The only argument is an object with the following properties:
       *
       *   - source: The filename of the original source.
       *   - line: The line number in the original source.  The line number is 1-based.
       *   - column: Optional. the column number in the original source.
       *    The column number is 0-based.
       *
       * and an array of objects is returned, each with the following properties:
       *
       *   - line: The line number in the generated source, or null.  The
       *    line number is 1-based.
       *   - column: The column number in the generated source, or null.
       *    The column number is 0-based.
       */
      allGeneratedPositionsFor(aArgs) {
        throw new Error("Subclasses must implement allGeneratedPositionsFor");
      }
      destroy() {
        throw new Error("Subclasses must implement destroy");
      }
    };
    SourceMapConsumer.prototype._version = 3;
    SourceMapConsumer.GENERATED_ORDER = 1;
    SourceMapConsumer.ORIGINAL_ORDER = 2;
    SourceMapConsumer.GREATEST_LOWER_BOUND = 1;
    SourceMapConsumer.LEAST_UPPER_BOUND = 2;
    exports.SourceMapConsumer = SourceMapConsumer;
    var BasicSourceMapConsumer = class _BasicSourceMapConsumer extends SourceMapConsumer {
      static {
        __name(this, "BasicSourceMapConsumer");
      }
      constructor(aSourceMap, aSourceMapURL) {
        return super(INTERNAL).then((that) => {
          let sourceMap = aSourceMap;
          if (typeof aSourceMap === "string") {
            sourceMap = util.parseSourceMapInput(aSourceMap);
          }
          const version = util.getArg(sourceMap, "version");
          const sources2 = util.getArg(sourceMap, "sources").map(String);
          const names = util.getArg(sourceMap, "names", []);
          const sourceRoot = util.getArg(sourceMap, "sourceRoot", null);
          const sourcesContent = util.getArg(sourceMap, "sourcesContent", null);
          const mappings = util.getArg(sourceMap, "mappings");
          const file = util.getArg(sourceMap, "file", null);
          const x_google_ignoreList = util.getArg(
            sourceMap,
            "x_google_ignoreList",
            null
          );
          if (version != that._version) {
            throw new Error("Unsupported version: " + version);
          }
          that._sourceLookupCache = /* @__PURE__ */ new Map();
          that._names = ArraySet.fromArray(names.map(String), true);
          that._sources = ArraySet.fromArray(sources2, true);
          that._absoluteSources = ArraySet.fromArray(
            that._sources.toArray().map(function(s) {
              return util.computeSourceURL(sourceRoot, s, aSourceMapURL);
            }),
            true
          );
          that.sourceRoot = sourceRoot;
          that.sourcesContent = sourcesContent;
          that._mappings = mappings;
          that._sourceMapURL = aSourceMapURL;
          that.file = file;
          that.x_google_ignoreList = x_google_ignoreList;
          that._computedColumnSpans = false;
          that._mappingsPtr = 0;
          that._wasm = null;
          return wasm().then((w) => {
            that._wasm = w;
            return that;
          });
        });
      }
      /**
       * Utility function to find the index of a source.  Returns -1 if not
       * found.
       */
      _findSourceIndex(aSource) {
        const cachedIndex = this._sourceLookupCache.get(aSource);
        if (typeof cachedIndex === "number") {
          return cachedIndex;
        }
        const sourceAsMapRelative = util.computeSourceURL(
          null,
          aSource,
          this._sourceMapURL
        );
        if (this._absoluteSources.has(sourceAsMapRelative)) {
          const index = this._absoluteSources.indexOf(sourceAsMapRelative);
          this._sourceLookupCache.set(aSource, index);
          return index;
        }
        const sourceAsSourceRootRelative = util.computeSourceURL(
          this.sourceRoot,
          aSource,
          this._sourceMapURL
        );
        if (this._absoluteSources.has(sourceAsSourceRootRelative)) {
          const index = this._absoluteSources.indexOf(sourceAsSourceRootRelative);
          this._sourceLookupCache.set(aSource, index);
          return index;
        }
        return -1;
      }
      /**
       * Create a BasicSourceMapConsumer from a SourceMapGenerator.
       *
       * @param SourceMapGenerator aSourceMap
       *        The source map that will be consumed.
       * @param String aSourceMapURL
       *        The URL at which the source map can be found (optional)
       * @returns BasicSourceMapConsumer
       */
      static fromSourceMap(aSourceMap, aSourceMapURL) {
        return new _BasicSourceMapConsumer(aSourceMap.toString());
      }
      get sources() {
        return this._absoluteSources.toArray();
      }
      _getMappingsPtr() {
        if (this._mappingsPtr === 0) {
          this._parseMappings();
        }
        return this._mappingsPtr;
      }
      /**
       * Parse the mappings in a string in to a data structure which we can easily
       * query (the ordered arrays in the `this.__generatedMappings` and
       * `this.__originalMappings` properties).
       */
      _parseMappings() {
        const aStr = this._mappings;
        const size = aStr.length;
        const mappingsBufPtr = this._wasm.exports.allocate_mappings(size) >>> 0;
        const mappingsBuf = new Uint8Array(
          this._wasm.exports.memory.buffer,
          mappingsBufPtr,
          size
        );
        for (let i = 0; i < size; i++) {
          mappingsBuf[i] = aStr.charCodeAt(i);
        }
        const mappingsPtr = this._wasm.exports.parse_mappings(mappingsBufPtr);
        if (!mappingsPtr) {
          const error2 = this._wasm.exports.get_last_error();
          let msg = `Error parsing mappings (code ${error2}): `;
          switch (error2) {
            case 1:
              msg += "the mappings contained a negative line, column, source index, or name index";
              break;
            case 2:
              msg += "the mappings contained a number larger than 2**32";
              break;
            case 3:
              msg += "reached EOF while in the middle of parsing a VLQ";
              break;
            case 4:
              msg += "invalid base 64 character while parsing a VLQ";
              break;
            default:
              msg += "unknown error code";
              break;
          }
          throw new Error(msg);
        }
        this._mappingsPtr = mappingsPtr;
      }
      eachMapping(aCallback, aContext, aOrder) {
        const context = aContext || null;
        const order = aOrder || SourceMapConsumer.GENERATED_ORDER;
        this._wasm.withMappingCallback(
          (mapping) => {
            if (mapping.source !== null) {
              mapping.source = this._absoluteSources.at(mapping.source);
              if (mapping.name !== null) {
                mapping.name = this._names.at(mapping.name);
              }
            }
            if (this._computedColumnSpans && mapping.lastGeneratedColumn === null) {
              mapping.lastGeneratedColumn = Infinity;
            }
            aCallback.call(context, mapping);
          },
          () => {
            switch (order) {
              case SourceMapConsumer.GENERATED_ORDER:
                this._wasm.exports.by_generated_location(this._getMappingsPtr());
                break;
              case SourceMapConsumer.ORIGINAL_ORDER:
                this._wasm.exports.by_original_location(this._getMappingsPtr());
                break;
              default:
                throw new Error("Unknown order of iteration.");
            }
          }
        );
      }
      allGeneratedPositionsFor(aArgs) {
        let source = util.getArg(aArgs, "source");
        const originalLine2 = util.getArg(aArgs, "line");
        const originalColumn = aArgs.column || 0;
        source = this._findSourceIndex(source);
        if (source < 0) {
          return [];
        }
        if (originalLine2 < 1) {
          throw new Error("Line numbers must be >= 1");
        }
        if (originalColumn < 0) {
          throw new Error("Column numbers must be >= 0");
        }
        const mappings = [];
        this._wasm.withMappingCallback(
          (m) => {
            let lastColumn = m.lastGeneratedColumn;
            if (this._computedColumnSpans && lastColumn === null) {
              lastColumn = Infinity;
            }
            mappings.push({
              line: m.generatedLine,
              column: m.generatedColumn,
              lastColumn
            });
          },
          () => {
            this._wasm.exports.all_generated_locations_for(
              this._getMappingsPtr(),
              source,
              originalLine2 - 1,
              "column" in aArgs,
              originalColumn
            );
          }
        );
        return mappings;
      }
      destroy() {
        if (this._mappingsPtr !== 0) {
          this._wasm.exports.free_mappings(this._mappingsPtr);
          this._mappingsPtr = 0;
        }
      }
      /**
       * Compute the last column for each generated mapping. The last column is
       * inclusive.
       */
      computeColumnSpans() {
        if (this._computedColumnSpans) {
          return;
        }
        this._wasm.exports.compute_column_spans(this._getMappingsPtr());
        this._computedColumnSpans = true;
      }
      /**
       * Returns the original source, line, and column information for the generated
       * source's line and column positions provided. The only argument is an object
       * with the following properties:
       *
       *   - line: The line number in the generated source.  The line number
       *     is 1-based.
       *   - column: The column number in the generated source.  The column
       *     number is 0-based.
       *   - bias: Either 'SourceMapConsumer.GREATEST_LOWER_BOUND' or
       *     'SourceMapConsumer.LEAST_UPPER_BOUND'. Specifies whether to return the
       *     closest element that is smaller than or greater than the one we are
       *     searching for, respectively, if the exact element cannot be found.
       *     Defaults to 'SourceMapConsumer.GREATEST_LOWER_BOUND'.
       *
       * and an object is returned with the following properties:
       *
       *   - source: The original source file, or null.
       *   - line: The line number in the original source, or null.  The
       *     line number is 1-based.
       *   - column: The column number in the original source, or null.  The
       *     column number is 0-based.
       *   - name: The original identifier, or null.
       */
      originalPositionFor(aArgs) {
        const needle = {
          generatedLine: util.getArg(aArgs, "line"),
          generatedColumn: util.getArg(aArgs, "column")
        };
        if (needle.generatedLine < 1) {
          throw new Error("Line numbers must be >= 1");
        }
        if (needle.generatedColumn < 0) {
          throw new Error("Column numbers must be >= 0");
        }
        let bias = util.getArg(
          aArgs,
          "bias",
          SourceMapConsumer.GREATEST_LOWER_BOUND
        );
        if (bias == null) {
          bias = SourceMapConsumer.GREATEST_LOWER_BOUND;
        }
        let mapping;
        this._wasm.withMappingCallback(
          (m) => mapping = m,
          () => {
            this._wasm.exports.original_location_for(
              this._getMappingsPtr(),
              needle.generatedLine - 1,
              needle.generatedColumn,
              bias
            );
          }
        );
        if (mapping) {
          if (mapping.generatedLine === needle.generatedLine) {
            let source = util.getArg(mapping, "source", null);
            if (source !== null) {
              source = this._absoluteSources.at(source);
            }
            let name = util.getArg(mapping, "name", null);
            if (name !== null) {
              name = this._names.at(name);
            }
            return {
              source,
              line: util.getArg(mapping, "originalLine", null),
              column: util.getArg(mapping, "originalColumn", null),
              name
            };
          }
        }
        return {
          source: null,
          line: null,
          column: null,
          name: null
        };
      }
      /**
       * Return true if we have the source content for every source in the source
       * map, false otherwise.
       */
      hasContentsOfAllSources() {
        if (!this.sourcesContent) {
          return false;
        }
        return this.sourcesContent.length >= this._sources.size() && !this.sourcesContent.some(function(sc) {
          return sc == null;
        });
      }
      /**
       * Returns the original source content. The only argument is the url of the
       * original source file. Returns null if no original source content is
       * available.
       */
      sourceContentFor(aSource, nullOnMissing) {
        if (!this.sourcesContent) {
          return null;
        }
        const index = this._findSourceIndex(aSource);
        if (index >= 0) {
          return this.sourcesContent[index];
        }
        if (nullOnMissing) {
          return null;
        }
        throw new Error('"' + aSource + '" is not in the SourceMap.');
      }
      /**
       * Returns the generated line and column information for the original source,
       * line, and column positions provided. The only argument is an object with
       * the following properties:
       *
       *   - source: The filename of the original source.
       *   - line: The line number in the original source.  The line number
       *     is 1-based.
       *   - column: The column number in the original source.  The column
       *     number is 0-based.
       *   - bias: Either 'SourceMapConsumer.GREATEST_LOWER_BOUND' or
       *     'SourceMapConsumer.LEAST_UPPER_BOUND'. Specifies whether to return the
       *     closest element that is smaller than or greater than the one we are
       *     searching for, respectively, if the exact element cannot be found.
       *     Defaults to 'SourceMapConsumer.GREATEST_LOWER_BOUND'.
       *
       * and an object is returned with the following properties:
       *
       *   - line: The line number in the generated source, or null.  The
       *     line number is 1-based.
       *   - column: The column number in the generated source, or null.
       *     The column number is 0-based.
       */
      generatedPositionFor(aArgs) {
        let source = util.getArg(aArgs, "source");
        source = this._findSourceIndex(source);
        if (source < 0) {
          return {
            line: null,
            column: null,
            lastColumn: null
          };
        }
        const needle = {
          source,
          originalLine: util.getArg(aArgs, "line"),
          originalColumn: util.getArg(aArgs, "column")
        };
        if (needle.originalLine < 1) {
          throw new Error("Line numbers must be >= 1");
        }
        if (needle.originalColumn < 0) {
          throw new Error("Column numbers must be >= 0");
        }
        let bias = util.getArg(
          aArgs,
          "bias",
          SourceMapConsumer.GREATEST_LOWER_BOUND
        );
        if (bias == null) {
          bias = SourceMapConsumer.GREATEST_LOWER_BOUND;
        }
        let mapping;
        this._wasm.withMappingCallback(
          (m) => mapping = m,
          () => {
            this._wasm.exports.generated_location_for(
              this._getMappingsPtr(),
              needle.source,
              needle.originalLine - 1,
              needle.originalColumn,
              bias
            );
          }
        );
        if (mapping) {
          if (mapping.source === needle.source) {
            let lastColumn = mapping.lastGeneratedColumn;
            if (this._computedColumnSpans && lastColumn === null) {
              lastColumn = Infinity;
            }
            return {
              line: util.getArg(mapping, "generatedLine", null),
              column: util.getArg(mapping, "generatedColumn", null),
              lastColumn
            };
          }
        }
        return {
          line: null,
          column: null,
          lastColumn: null
        };
      }
    };
    BasicSourceMapConsumer.prototype.consumer = SourceMapConsumer;
    exports.BasicSourceMapConsumer = BasicSourceMapConsumer;
    var IndexedSourceMapConsumer = class extends SourceMapConsumer {
      static {
        __name(this, "IndexedSourceMapConsumer");
      }
      constructor(aSourceMap, aSourceMapURL) {
        return super(INTERNAL).then((that) => {
          let sourceMap = aSourceMap;
          if (typeof aSourceMap === "string") {
            sourceMap = util.parseSourceMapInput(aSourceMap);
          }
          const version = util.getArg(sourceMap, "version");
          const sections = util.getArg(sourceMap, "sections");
          if (version != that._version) {
            throw new Error("Unsupported version: " + version);
          }
          let lastOffset = {
            line: -1,
            column: 0
          };
          return Promise.all(
            sections.map((s) => {
              if (s.url) {
                throw new Error(
                  "Support for url field in sections not implemented."
                );
              }
              const offset = util.getArg(s, "offset");
              const offsetLine = util.getArg(offset, "line");
              const offsetColumn = util.getArg(offset, "column");
              if (offsetLine < lastOffset.line || offsetLine === lastOffset.line && offsetColumn < lastOffset.column) {
                throw new Error(
                  "Section offsets must be ordered and non-overlapping."
                );
              }
              lastOffset = offset;
              const cons = new SourceMapConsumer(
                util.getArg(s, "map"),
                aSourceMapURL
              );
              return cons.then((consumer) => {
                return {
                  generatedOffset: {
                    // The offset fields are 0-based, but we use 1-based indices when
                    // encoding/decoding from VLQ.
                    generatedLine: offsetLine + 1,
                    generatedColumn: offsetColumn + 1
                  },
                  consumer
                };
              });
            })
          ).then((s) => {
            that._sections = s;
            return that;
          });
        });
      }
      /**
       * The list of original sources.
       */
      get sources() {
        const sources2 = [];
        for (let i = 0; i < this._sections.length; i++) {
          for (let j = 0; j < this._sections[i].consumer.sources.length; j++) {
            sources2.push(this._sections[i].consumer.sources[j]);
          }
        }
        return sources2;
      }
      /**
       * Returns the original source, line, and column information for the generated
       * source's line and column positions provided. The only argument is an object
       * with the following properties:
       *
       *   - line: The line number in the generated source.  The line number
       *     is 1-based.
       *   - column: The column number in the generated source.  The column
       *     number is 0-based.
       *
       * and an object is returned with the following properties:
       *
       *   - source: The original source file, or null.
       *   - line: The line number in the original source, or null.  The
       *     line number is 1-based.
       *   - column: The column number in the original source, or null.  The
       *     column number is 0-based.
       *   - name: The original identifier, or null.
       */
      originalPositionFor(aArgs) {
        const needle = {
          generatedLine: util.getArg(aArgs, "line"),
          generatedColumn: util.getArg(aArgs, "column")
        };
        const sectionIndex = binarySearch.search(
          needle,
          this._sections,
          function(aNeedle, section2) {
            const cmp = aNeedle.generatedLine - section2.generatedOffset.generatedLine;
            if (cmp) {
              return cmp;
            }
            return aNeedle.generatedColumn - (section2.generatedOffset.generatedColumn - 1);
          }
        );
        const section = this._sections[sectionIndex];
        if (!section) {
          return {
            source: null,
            line: null,
            column: null,
            name: null
          };
        }
        return section.consumer.originalPositionFor({
          line: needle.generatedLine - (section.generatedOffset.generatedLine - 1),
          column: needle.generatedColumn - (section.generatedOffset.generatedLine === needle.generatedLine ? section.generatedOffset.generatedColumn - 1 : 0),
          bias: aArgs.bias
        });
      }
      /**
       * Return true if we have the source content for every source in the source
       * map, false otherwise.
       */
      hasContentsOfAllSources() {
        return this._sections.every(function(s) {
          return s.consumer.hasContentsOfAllSources();
        });
      }
      /**
       * Returns the original source content. The only argument is the url of the
       * original source file. Returns null if no original source content is
       * available.
       */
      sourceContentFor(aSource, nullOnMissing) {
        for (let i = 0; i < this._sections.length; i++) {
          const section = this._sections[i];
          const content = section.consumer.sourceContentFor(aSource, true);
          if (content) {
            return content;
          }
        }
        if (nullOnMissing) {
          return null;
        }
        throw new Error('"' + aSource + '" is not in the SourceMap.');
      }
      _findSectionIndex(source) {
        for (let i = 0; i < this._sections.length; i++) {
          const { consumer } = this._sections[i];
          if (consumer._findSourceIndex(source) !== -1) {
            return i;
          }
        }
        return -1;
      }
      /**
       * Returns the generated line and column information for the original source,
       * line, and column positions provided. The only argument is an object with
       * the following properties:
       *
       *   - source: The filename of the original source.
       *   - line: The line number in the original source.  The line number
       *     is 1-based.
       *   - column: The column number in the original source.  The column
       *     number is 0-based.
       *
       * and an object is returned with the following properties:
       *
       *   - line: The line number in the generated source, or null.  The
       *     line number is 1-based.
       *   - column: The column number in the generated source, or null.
       *     The column number is 0-based.
       */
      generatedPositionFor(aArgs) {
        const index = this._findSectionIndex(util.getArg(aArgs, "source"));
        const section = index >= 0 ? this._sections[index] : null;
        const nextSection = index >= 0 && index + 1 < this._sections.length ? this._sections[index + 1] : null;
        const generatedPosition = section && section.consumer.generatedPositionFor(aArgs);
        if (generatedPosition && generatedPosition.line !== null) {
          const lineShift = section.generatedOffset.generatedLine - 1;
          const columnShift = section.generatedOffset.generatedColumn - 1;
          if (generatedPosition.line === 1) {
            generatedPosition.column += columnShift;
            if (typeof generatedPosition.lastColumn === "number") {
              generatedPosition.lastColumn += columnShift;
            }
          }
          if (generatedPosition.lastColumn === Infinity && nextSection && generatedPosition.line === nextSection.generatedOffset.generatedLine) {
            generatedPosition.lastColumn = nextSection.generatedOffset.generatedColumn - 2;
          }
          generatedPosition.line += lineShift;
          return generatedPosition;
        }
        return {
          line: null,
          column: null,
          lastColumn: null
        };
      }
      allGeneratedPositionsFor(aArgs) {
        const index = this._findSectionIndex(util.getArg(aArgs, "source"));
        const section = index >= 0 ? this._sections[index] : null;
        const nextSection = index >= 0 && index + 1 < this._sections.length ? this._sections[index + 1] : null;
        if (!section) return [];
        return section.consumer.allGeneratedPositionsFor(aArgs).map((generatedPosition) => {
          const lineShift = section.generatedOffset.generatedLine - 1;
          const columnShift = section.generatedOffset.generatedColumn - 1;
          if (generatedPosition.line === 1) {
            generatedPosition.column += columnShift;
            if (typeof generatedPosition.lastColumn === "number") {
              generatedPosition.lastColumn += columnShift;
            }
          }
          if (generatedPosition.lastColumn === Infinity && nextSection && generatedPosition.line === nextSection.generatedOffset.generatedLine) {
            generatedPosition.lastColumn = nextSection.generatedOffset.generatedColumn - 2;
          }
          generatedPosition.line += lineShift;
          return generatedPosition;
        });
      }
      eachMapping(aCallback, aContext, aOrder) {
        this._sections.forEach((section, index) => {
          const nextSection = index + 1 < this._sections.length ? this._sections[index + 1] : null;
          const { generatedOffset } = section;
          const lineShift = generatedOffset.generatedLine - 1;
          const columnShift = generatedOffset.generatedColumn - 1;
          section.consumer.eachMapping(
            function(mapping) {
              if (mapping.generatedLine === 1) {
                mapping.generatedColumn += columnShift;
                if (typeof mapping.lastGeneratedColumn === "number") {
                  mapping.lastGeneratedColumn += columnShift;
                }
              }
              if (mapping.lastGeneratedColumn === Infinity && nextSection && mapping.generatedLine === nextSection.generatedOffset.generatedLine) {
                mapping.lastGeneratedColumn = nextSection.generatedOffset.generatedColumn - 2;
              }
              mapping.generatedLine += lineShift;
              aCallback.call(this, mapping);
            },
            aContext,
            aOrder
          );
        });
      }
      computeColumnSpans() {
        for (let i = 0; i < this._sections.length; i++) {
          this._sections[i].consumer.computeColumnSpans();
        }
      }
      destroy() {
        for (let i = 0; i < this._sections.length; i++) {
          this._sections[i].consumer.destroy();
        }
      }
    };
    exports.IndexedSourceMapConsumer = IndexedSourceMapConsumer;
    function _factory(aSourceMap, aSourceMapURL) {
      let sourceMap = aSourceMap;
      if (typeof aSourceMap === "string") {
        sourceMap = util.parseSourceMapInput(aSourceMap);
      }
      const consumer = sourceMap.sections != null ? new IndexedSourceMapConsumer(sourceMap, aSourceMapURL) : new BasicSourceMapConsumer(sourceMap, aSourceMapURL);
      return Promise.resolve(consumer);
    }
    __name(_factory, "_factory");
    function _factoryBSM(aSourceMap, aSourceMapURL) {
      return BasicSourceMapConsumer.fromSourceMap(aSourceMap, aSourceMapURL);
    }
    __name(_factoryBSM, "_factoryBSM");
  }
});

// node_modules/source-map/lib/source-node.js
var require_source_node = __commonJS({
  "node_modules/source-map/lib/source-node.js"(exports) {
    var SourceMapGenerator = require_source_map_generator().SourceMapGenerator;
    var util = require_util();
    var REGEX_NEWLINE = /(\r?\n)/;
    var NEWLINE_CODE = 10;
    var isSourceNode = "$$$isSourceNode$$$";
    var SourceNode = class _SourceNode {
      static {
        __name(this, "SourceNode");
      }
      constructor(aLine, aColumn, aSource, aChunks, aName) {
        this.children = [];
        this.sourceContents = /* @__PURE__ */ Object.create(null);
        this.line = aLine == null ? null : aLine;
        this.column = aColumn == null ? null : aColumn;
        this.source = aSource == null ? null : aSource;
        this.name = aName == null ? null : aName;
        this[isSourceNode] = true;
        if (aChunks != null) this.add(aChunks);
      }
      /**
       * Creates a SourceNode from generated code and a SourceMapConsumer.
       *
       * @param aGeneratedCode The generated code
       * @param aSourceMapConsumer The SourceMap for the generated code
       * @param aRelativePath Optional. The path that relative sources in the
       *        SourceMapConsumer should be relative to.
       */
      static fromStringWithSourceMap(aGeneratedCode, aSourceMapConsumer, aRelativePath) {
        const node = new _SourceNode();
        const remainingLines = aGeneratedCode.split(REGEX_NEWLINE);
        let remainingLinesIndex = 0;
        const shiftNextLine = /* @__PURE__ */ __name(function() {
          const lineContents = getNextLine();
          const newLine = getNextLine() || "";
          return lineContents + newLine;
          function getNextLine() {
            return remainingLinesIndex < remainingLines.length ? remainingLines[remainingLinesIndex++] : void 0;
          }
          __name(getNextLine, "getNextLine");
        }, "shiftNextLine");
        let lastGeneratedLine = 1, lastGeneratedColumn = 0;
        let lastMapping = null;
        let nextLine;
        aSourceMapConsumer.eachMapping(function(mapping) {
          if (lastMapping !== null) {
            if (lastGeneratedLine < mapping.generatedLine) {
              addMappingWithCode(lastMapping, shiftNextLine());
              lastGeneratedLine++;
              lastGeneratedColumn = 0;
            } else {
              nextLine = remainingLines[remainingLinesIndex] || "";
              const code = nextLine.substr(
                0,
                mapping.generatedColumn - lastGeneratedColumn
              );
              remainingLines[remainingLinesIndex] = nextLine.substr(
                mapping.generatedColumn - lastGeneratedColumn
              );
              lastGeneratedColumn = mapping.generatedColumn;
              addMappingWithCode(lastMapping, code);
              lastMapping = mapping;
              return;
            }
          }
          while (lastGeneratedLine < mapping.generatedLine) {
            node.add(shiftNextLine());
            lastGeneratedLine++;
          }
          if (lastGeneratedColumn < mapping.generatedColumn) {
            nextLine = remainingLines[remainingLinesIndex] || "";
            node.add(nextLine.substr(0, mapping.generatedColumn));
            remainingLines[remainingLinesIndex] = nextLine.substr(
              mapping.generatedColumn
            );
            lastGeneratedColumn = mapping.generatedColumn;
          }
          lastMapping = mapping;
        }, this);
        if (remainingLinesIndex < remainingLines.length) {
          if (lastMapping) {
            addMappingWithCode(lastMapping, shiftNextLine());
          }
          node.add(remainingLines.splice(remainingLinesIndex).join(""));
        }
        aSourceMapConsumer.sources.forEach(function(sourceFile) {
          const content = aSourceMapConsumer.sourceContentFor(sourceFile);
          if (content != null) {
            if (aRelativePath != null) {
              sourceFile = util.join(aRelativePath, sourceFile);
            }
            node.setSourceContent(sourceFile, content);
          }
        });
        return node;
        function addMappingWithCode(mapping, code) {
          if (mapping === null || mapping.source === void 0) {
            node.add(code);
          } else {
            const source = aRelativePath ? util.join(aRelativePath, mapping.source) : mapping.source;
            node.add(
              new _SourceNode(
                mapping.originalLine,
                mapping.originalColumn,
                source,
                code,
                mapping.name
              )
            );
          }
        }
        __name(addMappingWithCode, "addMappingWithCode");
      }
      /**
       * Add a chunk of generated JS to this source node.
       *
       * @param aChunk A string snippet of generated JS code, another instance of
       *        SourceNode, or an array where each member is one of those things.
       */
      add(aChunk) {
        if (Array.isArray(aChunk)) {
          aChunk.forEach(function(chunk) {
            this.add(chunk);
          }, this);
        } else if (aChunk[isSourceNode] || typeof aChunk === "string") {
          if (aChunk) {
            this.children.push(aChunk);
          }
        } else {
          throw new TypeError(
            "Expected a SourceNode, string, or an array of SourceNodes and strings. Got " + aChunk
          );
        }
        return this;
      }
      /**
       * Add a chunk of generated JS to the beginning of this source node.
       *
       * @param aChunk A string snippet of generated JS code, another instance of
       *        SourceNode, or an array where each member is one of those things.
       */
      prepend(aChunk) {
        if (Array.isArray(aChunk)) {
          for (let i = aChunk.length - 1; i >= 0; i--) {
            this.prepend(aChunk[i]);
          }
        } else if (aChunk[isSourceNode] || typeof aChunk === "string") {
          this.children.unshift(aChunk);
        } else {
          throw new TypeError(
            "Expected a SourceNode, string, or an array of SourceNodes and strings. Got " + aChunk
          );
        }
        return this;
      }
      /**
       * Walk over the tree of JS snippets in this node and its children. The
       * walking function is called once for each snippet of JS and is passed that
       * snippet and the its original associated source's line/column location.
       *
       * @param aFn The traversal function.
       */
      walk(aFn) {
        let chunk;
        for (let i = 0, len = this.children.length; i < len; i++) {
          chunk = this.children[i];
          if (chunk[isSourceNode]) {
            chunk.walk(aFn);
          } else if (chunk !== "") {
            aFn(chunk, {
              source: this.source,
              line: this.line,
              column: this.column,
              name: this.name
            });
          }
        }
      }
      /**
       * Like `String.prototype.join` except for SourceNodes. Inserts `aStr` between
       * each of `this.children`.
       *
       * @param aSep The separator.
       */
      join(aSep) {
        let newChildren;
        let i;
        const len = this.children.length;
        if (len > 0) {
          newChildren = [];
          for (i = 0; i < len - 1; i++) {
            newChildren.push(this.children[i]);
            newChildren.push(aSep);
          }
          newChildren.push(this.children[i]);
          this.children = newChildren;
        }
        return this;
      }
      /**
       * Call String.prototype.replace on the very right-most source snippet. Useful
       * for trimming whitespace from the end of a source node, etc.
       *
       * @param aPattern The pattern to replace.
       * @param aReplacement The thing to replace the pattern with.
       */
      replaceRight(aPattern, aReplacement) {
        const lastChild = this.children[this.children.length - 1];
        if (lastChild[isSourceNode]) {
          lastChild.replaceRight(aPattern, aReplacement);
        } else if (typeof lastChild === "string") {
          this.children[this.children.length - 1] = lastChild.replace(
            aPattern,
            aReplacement
          );
        } else {
          this.children.push("".replace(aPattern, aReplacement));
        }
        return this;
      }
      /**
       * Set the source content for a source file. This will be added to the SourceMapGenerator
       * in the sourcesContent field.
       *
       * @param aSourceFile The filename of the source file
       * @param aSourceContent The content of the source file
       */
      setSourceContent(aSourceFile, aSourceContent) {
        this.sourceContents[util.toSetString(aSourceFile)] = aSourceContent;
      }
      /**
       * Walk over the tree of SourceNodes. The walking function is called for each
       * source file content and is passed the filename and source content.
       *
       * @param aFn The traversal function.
       */
      walkSourceContents(aFn) {
        for (let i = 0, len = this.children.length; i < len; i++) {
          if (this.children[i][isSourceNode]) {
            this.children[i].walkSourceContents(aFn);
          }
        }
        const sources2 = Object.keys(this.sourceContents);
        for (let i = 0, len = sources2.length; i < len; i++) {
          aFn(util.fromSetString(sources2[i]), this.sourceContents[sources2[i]]);
        }
      }
      /**
       * Return the string representation of this source node. Walks over the tree
       * and concatenates all the various snippets together to one string.
       */
      toString() {
        let str = "";
        this.walk(function(chunk) {
          str += chunk;
        });
        return str;
      }
      /**
       * Returns the string representation of this source node along with a source
       * map.
       */
      toStringWithSourceMap(aArgs) {
        const generated = {
          code: "",
          line: 1,
          column: 0
        };
        const map = new SourceMapGenerator(aArgs);
        let sourceMappingActive = false;
        let lastOriginalSource = null;
        let lastOriginalLine = null;
        let lastOriginalColumn = null;
        let lastOriginalName = null;
        this.walk(function(chunk, original) {
          generated.code += chunk;
          if (original.source !== null && original.line !== null && original.column !== null) {
            if (lastOriginalSource !== original.source || lastOriginalLine !== original.line || lastOriginalColumn !== original.column || lastOriginalName !== original.name) {
              map.addMapping({
                source: original.source,
                original: {
                  line: original.line,
                  column: original.column
                },
                generated: {
                  line: generated.line,
                  column: generated.column
                },
                name: original.name
              });
            }
            lastOriginalSource = original.source;
            lastOriginalLine = original.line;
            lastOriginalColumn = original.column;
            lastOriginalName = original.name;
            sourceMappingActive = true;
          } else if (sourceMappingActive) {
            map.addMapping({
              generated: {
                line: generated.line,
                column: generated.column
              }
            });
            lastOriginalSource = null;
            sourceMappingActive = false;
          }
          for (let idx = 0, length = chunk.length; idx < length; idx++) {
            if (chunk.charCodeAt(idx) === NEWLINE_CODE) {
              generated.line++;
              generated.column = 0;
              if (idx + 1 === length) {
                lastOriginalSource = null;
                sourceMappingActive = false;
              } else if (sourceMappingActive) {
                map.addMapping({
                  source: original.source,
                  original: {
                    line: original.line,
                    column: original.column
                  },
                  generated: {
                    line: generated.line,
                    column: generated.column
                  },
                  name: original.name
                });
              }
            } else {
              generated.column++;
            }
          }
        });
        this.walkSourceContents(function(sourceFile, sourceContent) {
          map.setSourceContent(sourceFile, sourceContent);
        });
        return { code: generated.code, map };
      }
    };
    exports.SourceNode = SourceNode;
  }
});

// node_modules/source-map/source-map.js
var require_source_map = __commonJS({
  "node_modules/source-map/source-map.js"(exports) {
    exports.SourceMapGenerator = require_source_map_generator().SourceMapGenerator;
    exports.SourceMapConsumer = require_source_map_consumer().SourceMapConsumer;
    exports.SourceNode = require_source_node().SourceNode;
  }
});

// node_modules/@datadog/pprof/out/src/logger.js
var require_logger = __commonJS({
  "node_modules/@datadog/pprof/out/src/logger.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.logger = exports.NullLogger = void 0;
    exports.setLogger = setLogger;
    var NullLogger = class {
      static {
        __name(this, "NullLogger");
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      info(...args) {
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      error(...args) {
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      trace(...args) {
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      warn(...args) {
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      fatal(...args) {
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      debug(...args) {
        return;
      }
    };
    exports.NullLogger = NullLogger;
    exports.logger = new NullLogger();
    function setLogger(newLogger) {
      exports.logger = newLogger;
    }
    __name(setLogger, "setLogger");
  }
});

// node_modules/@datadog/pprof/out/src/sourcemapper/sourcemapper.js
var require_sourcemapper = __commonJS({
  "node_modules/@datadog/pprof/out/src/sourcemapper/sourcemapper.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: /* @__PURE__ */ __name(function() {
          return m[k];
        }, "get") };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = /* @__PURE__ */ __name(function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      }, "ownKeys");
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SourceMapper = exports.ANNOTATION_TAIL_BYTES = void 0;
    exports.extractSourceMappingURL = extractSourceMappingURL;
    exports.readSourceMappingURL = readSourceMappingURL;
    var fs = __importStar(__require("fs"));
    var path = __importStar(__require("path"));
    var sourceMap = __importStar(require_source_map());
    var logger_1 = require_logger();
    var readFile = fs.promises.readFile;
    var CONCURRENCY = 10;
    function createLimiter(concurrency) {
      let active2 = 0;
      const queue = [];
      return /* @__PURE__ */ __name(function limit(fn) {
        return new Promise((resolve5, reject) => {
          const run = /* @__PURE__ */ __name(() => {
            active2++;
            fn().then(resolve5, reject).finally(() => {
              active2--;
              if (queue.length > 0)
                queue.shift()();
            });
          }, "run");
          if (active2 < concurrency)
            run();
          else
            queue.push(run);
        });
      }, "limit");
    }
    __name(createLimiter, "createLimiter");
    var MAP_EXT = ".map";
    var LINE_SPLIT_RE = /\r\n|\n|\r|\u2028|\u2029/;
    exports.ANNOTATION_TAIL_BYTES = 4 * 1024;
    var QUOTE_CHARS_RE = /["'`]/;
    var MATCH_SOURCE_MAP_URL_RE = /^[@#]\s*sourceMappingURL=(\S*?)\s*$/;
    function extractSourceMappingURL(content) {
      const lines = content.split(LINE_SPLIT_RE);
      for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i];
        if (line.trim() === "")
          continue;
        const commentStart = line.indexOf("//");
        if (commentStart === -1)
          return void 0;
        const comment = line.slice(commentStart + 2);
        if (QUOTE_CHARS_RE.test(comment))
          return void 0;
        const match = MATCH_SOURCE_MAP_URL_RE.exec(comment);
        return match ? match[1] || void 0 : void 0;
      }
      return void 0;
    }
    __name(extractSourceMappingURL, "extractSourceMappingURL");
    async function readSourceMappingURL(filePath) {
      const fd = await fs.promises.open(filePath, "r");
      try {
        const { size } = await fd.stat();
        if (size === 0)
          return void 0;
        const tailSize = Math.min(exports.ANNOTATION_TAIL_BYTES, size);
        const buf = Buffer.allocUnsafe(tailSize);
        await fd.read(buf, 0, tailSize, size - tailSize);
        const tail = buf.toString("utf8");
        const lines = tail.split(LINE_SPLIT_RE);
        let lastNonEmptyIdx = lines.length - 1;
        while (lastNonEmptyIdx > 0 && lines[lastNonEmptyIdx].trim() === "") {
          lastNonEmptyIdx--;
        }
        if (tailSize === size || lastNonEmptyIdx > 0) {
          return extractSourceMappingURL(tail);
        }
        const fullContent = await readFile(filePath, "utf8");
        return extractSourceMappingURL(fullContent);
      } finally {
        await fd.close();
      }
    }
    __name(readSourceMappingURL, "readSourceMappingURL");
    function error2(msg) {
      logger_1.logger.debug(`Error: ${msg}`);
      return new Error(msg);
    }
    __name(error2, "error");
    async function processSourceMap(infoMap, mapPath, debug) {
      if (!mapPath || !mapPath.endsWith(MAP_EXT)) {
        throw error2(`The path "${mapPath}" does not specify a source map file`);
      }
      mapPath = path.normalize(mapPath);
      let contents;
      try {
        contents = await readFile(mapPath, "utf8");
      } catch (e) {
        throw error2("Could not read source map file " + mapPath + ": " + e);
      }
      const dir = path.dirname(mapPath);
      let parsedMap;
      let rawFile;
      try {
        parsedMap = JSON.parse(contents);
        rawFile = parsedMap.file;
      } catch {
      }
      const generatedPathCandidates = [];
      if (rawFile) {
        generatedPathCandidates.push(path.resolve(dir, rawFile));
      }
      const samePath = path.resolve(dir, path.basename(mapPath, MAP_EXT));
      if (generatedPathCandidates.length === 0 || generatedPathCandidates[0] !== samePath) {
        generatedPathCandidates.push(samePath);
      }
      let targetPath;
      for (const candidate of generatedPathCandidates) {
        if (infoMap.has(candidate)) {
          if (debug) {
            logger_1.logger.debug(`Skipping ${mapPath}: ${candidate} already loaded via sourceMappingURL`);
          }
          return;
        }
        try {
          await fs.promises.access(candidate, fs.constants.F_OK);
          targetPath = candidate;
          break;
        } catch {
          if (debug) {
            logger_1.logger.debug(`Generated path ${candidate} does not exist`);
          }
        }
      }
      if (!targetPath) {
        if (debug) {
          logger_1.logger.debug(`Unable to find generated file for ${mapPath}`);
        }
        return;
      }
      let consumer;
      try {
        consumer = await new sourceMap.SourceMapConsumer(parsedMap ?? contents);
      } catch (e) {
        throw error2("An error occurred while reading the sourceMap file " + mapPath + ": " + e);
      }
      infoMap.set(targetPath, { mapFileDir: dir, mapConsumer: consumer });
      if (debug) {
        logger_1.logger.debug(`Loaded source map for ${targetPath} => ${mapPath}`);
      }
    }
    __name(processSourceMap, "processSourceMap");
    var SourceMapper2 = class _SourceMapper {
      static {
        __name(this, "SourceMapper");
      }
      static async create(searchDirs, debug = false) {
        const mapper = new _SourceMapper(debug);
        for (const dir of searchDirs) {
          await mapper.loadDirectory(dir);
        }
        return mapper;
      }
      constructor(debug = false) {
        this.declaredMissingMap = /* @__PURE__ */ new Set();
        this.infoMap = /* @__PURE__ */ new Map();
        this.debug = debug;
      }
      /**
       * Scans `searchDir` recursively for JS files and source map files, loading
       * source maps for all JS files found.
       *
       * Priority for each JS file:
       *  1. A map pointed to by a `sourceMappingURL` annotation in the JS file
       *     (inline `data:` URL or external file path, only if the file exists).
       *  2. A `.map` file found in the directory scan that claims to belong to
       *     that JS file (via its `file` property or naming convention).
       *
       * Safe to call multiple times; already-loaded files are skipped.
       */
      async loadDirectory(searchDir) {
        searchDir = path.resolve(searchDir);
        if (this.debug) {
          logger_1.logger.debug(`Loading source maps from directory: ${searchDir}`);
        }
        const jsFiles = [];
        const mapFiles = [];
        for await (const entry of walk(searchDir, (filename) => /\.[cm]?js$/.test(filename) || /\.[cm]?js\.map$/.test(filename), (root, dirname12) => root !== "/proc" && dirname12 !== ".git" && dirname12 !== "node_modules")) {
          if (entry.endsWith(MAP_EXT)) {
            mapFiles.push(entry);
          } else {
            jsFiles.push(entry);
          }
        }
        if (this.debug) {
          logger_1.logger.debug(`Found ${jsFiles.length} JS files and ${mapFiles.length} map files in ${searchDir}`);
        }
        const limit = createLimiter(CONCURRENCY);
        const annotatedNotLoaded = /* @__PURE__ */ new Set();
        await Promise.all(jsFiles.map((jsPath) => limit(async () => {
          if (this.infoMap.has(jsPath))
            return;
          let url;
          try {
            url = await readSourceMappingURL(jsPath);
          } catch {
            return;
          }
          if (!url)
            return;
          if (url.startsWith("data:")) {
            const commaIdx = url.indexOf(",");
            if (commaIdx !== -1) {
              const meta = url.slice(0, commaIdx);
              const data = url.slice(commaIdx + 1);
              const mapContent = meta.endsWith(";base64") ? Buffer.from(data, "base64").toString() : decodeURIComponent(data);
              await this.loadMapContent(jsPath, mapContent, path.dirname(jsPath));
            }
          } else {
            const mapPath = path.resolve(path.dirname(jsPath), url);
            try {
              const mapContent = await readFile(mapPath, "utf8");
              await this.loadMapContent(jsPath, mapContent, path.dirname(mapPath));
            } catch {
              annotatedNotLoaded.add(jsPath);
            }
          }
        })));
        await Promise.all(mapFiles.map((mapPath) => limit(() => processSourceMap(this.infoMap, mapPath, this.debug))));
        for (const jsPath of annotatedNotLoaded) {
          if (!this.infoMap.has(jsPath)) {
            this.declaredMissingMap.add(jsPath);
          }
        }
      }
      async loadMapContent(jsPath, mapContent, mapDir) {
        try {
          const parsedMap = JSON.parse(mapContent);
          const consumer = await new sourceMap.SourceMapConsumer(parsedMap);
          this.infoMap.set(jsPath, { mapFileDir: mapDir, mapConsumer: consumer });
          if (this.debug) {
            logger_1.logger.debug(`Loaded source map for ${jsPath} via sourceMappingURL`);
          }
        } catch (e) {
          logger_1.logger.debug(`Failed to parse source map for ${jsPath}: ${e}`);
        }
      }
      /**
       * Used to get the information about the transpiled file from a given input
       * source file provided there isn't any ambiguity with associating the input
       * path to exactly one output transpiled file.
       *
       * @param inputPath The (possibly relative) path to the original source file.
       * @return The `MapInfoCompiled` object that describes the transpiled file
       *  associated with the specified input path.  `null` is returned if either
       *  zero files are associated with the input path or if more than one file
       *  could possibly be associated with the given input path.
       */
      getMappingInfo(inputPath) {
        const normalizedPath = path.normalize(inputPath);
        if (this.infoMap.has(normalizedPath)) {
          return this.infoMap.get(normalizedPath);
        }
        return null;
      }
      /**
       * Used to determine if the source file specified by the given path has
       * a .map file and an output file associated with it.
       *
       * If there is no such mapping, it could be because the input file is not
       * the input to a transpilation process or it is the input to a transpilation
       * process but its corresponding .map file was not given to the constructor
       * of this mapper.
       *
       * @param {string} inputPath The path to an input file that could
       *  possibly be the input to a transpilation process.  The path should be
       *  relative to the process's current working directory.
       */
      hasMappingInfo(inputPath) {
        return this.getMappingInfo(inputPath) !== null;
      }
      /**
       * @param {string} inputPath The path to an input file that could possibly
       *  be the input to a transpilation process.  The path should be relative to
       *  the process's current working directory
       * @param {number} The line number in the input file where the line number is
       *   zero-based.
       * @param {number} (Optional) The column number in the line of the file
       *   specified where the column number is zero-based.
       * @return {Object} The object returned has a "file" attribute for the
       *   path of the output file associated with the given input file (where the
       *   path is relative to the process's current working directory),
       *   a "line" attribute of the line number in the output file associated with
       *   the given line number for the input file, and an optional "column" number
       *   of the column number of the output file associated with the given file
       *   and line information.
       *
       *   If the given input file does not have mapping information associated
       *   with it then the input location is returned.
       */
      mappingInfo(location) {
        const inputPath = path.normalize(location.file);
        const entry = this.getMappingInfo(inputPath);
        if (entry === null) {
          if (this.debug) {
            logger_1.logger.debug(`Source map lookup failed: no map found for ${location.file} (normalized: ${inputPath})`);
          }
          if (this.declaredMissingMap.has(inputPath)) {
            return { ...location, missingMapFile: true };
          }
          return location;
        }
        const generatedPos = {
          line: location.line,
          column: location.column > 0 ? location.column - 1 : 0
          // SourceMapConsumer expects column to be 0-based
        };
        const consumer = entry.mapConsumer;
        const bias = generatedPos.column === 0 ? sourceMap.SourceMapConsumer.LEAST_UPPER_BOUND : sourceMap.SourceMapConsumer.GREATEST_LOWER_BOUND;
        const pos = consumer.originalPositionFor({ ...generatedPos, bias });
        if (pos.source === null) {
          if (this.debug) {
            logger_1.logger.debug(`Source map lookup failed for ${location.name}(${location.file}:${location.line}:${location.column})`);
          }
          return location;
        }
        const loc = {
          file: path.resolve(entry.mapFileDir, pos.source),
          line: pos.line || void 0,
          name: pos.name || location.name,
          column: pos.column === null ? void 0 : pos.column + 1
          // convert column back to 1-based
        };
        if (this.debug) {
          logger_1.logger.debug(`Source map lookup succeeded for ${location.name}(${location.file}:${location.line}:${location.column}) => ${loc.name}(${loc.file}:${loc.line}:${loc.column})`);
        }
        return loc;
      }
    };
    exports.SourceMapper = SourceMapper2;
    function isErrnoException(e) {
      return e instanceof Error && "code" in e;
    }
    __name(isErrnoException, "isErrnoException");
    function isNonFatalError(error3) {
      const nonFatalErrors = ["ENOENT", "EPERM", "EACCES", "ELOOP"];
      return isErrnoException(error3) && error3.code && nonFatalErrors.includes(error3.code);
    }
    __name(isNonFatalError, "isNonFatalError");
    async function* walk(dir, fileFilter = (filename) => true, directoryFilter = (root, dirname12) => true) {
      async function* walkRecursive(dir2) {
        try {
          for await (const d of await fs.promises.opendir(dir2)) {
            const entry = path.join(dir2, d.name);
            if (d.isDirectory() && directoryFilter(dir2, d.name)) {
              yield* walkRecursive(entry);
            } else if (d.isFile() && fileFilter(d.name)) {
              await fs.promises.access(entry, fs.constants.R_OK);
              yield entry;
            }
          }
        } catch (error3) {
          if (!isNonFatalError(error3)) {
            throw error3;
          } else {
            logger_1.logger.debug(() => `Non fatal error: ${error3}`);
          }
        }
      }
      __name(walkRecursive, "walkRecursive");
      yield* walkRecursive(dir);
    }
    __name(walk, "walk");
  }
});

// node_modules/@datadog/pprof/out/src/index.js
var require_src = __commonJS({
  "node_modules/@datadog/pprof/out/src/index.js"(exports, module3) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: /* @__PURE__ */ __name(function() {
          return m[k];
        }, "get") };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = /* @__PURE__ */ __name(function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      }, "ownKeys");
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.otelThreadCtx = exports.heap = exports.time = exports.getNativeThreadId = exports.setLogger = exports.SourceMapper = exports.encodeSync = exports.encode = void 0;
    var fs_1 = __require("fs");
    var heapProfiler = __importStar(require_heap_profiler());
    var otelThreadCtxModule = __importStar(require_otel_thread_ctx());
    var profile_encoder_1 = require_profile_encoder();
    var timeProfiler = __importStar(require_time_profiler());
    var profile_encoder_2 = require_profile_encoder();
    Object.defineProperty(exports, "encode", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return profile_encoder_2.encode;
    }, "get") });
    Object.defineProperty(exports, "encodeSync", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return profile_encoder_2.encodeSync;
    }, "get") });
    var sourcemapper_1 = require_sourcemapper();
    Object.defineProperty(exports, "SourceMapper", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return sourcemapper_1.SourceMapper;
    }, "get") });
    var logger_1 = require_logger();
    Object.defineProperty(exports, "setLogger", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return logger_1.setLogger;
    }, "get") });
    var time_profiler_1 = require_time_profiler();
    Object.defineProperty(exports, "getNativeThreadId", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return time_profiler_1.getNativeThreadId;
    }, "get") });
    exports.time = {
      profile: timeProfiler.profile,
      start: timeProfiler.start,
      stop: timeProfiler.stop,
      profileV2: timeProfiler.profileV2,
      getContext: timeProfiler.getContext,
      setContext: timeProfiler.setContext,
      runWithContext: timeProfiler.runWithContext,
      isStarted: timeProfiler.isStarted,
      v8ProfilerStuckEventLoopDetected: timeProfiler.v8ProfilerStuckEventLoopDetected,
      getState: timeProfiler.getState,
      getMetrics: timeProfiler.getMetrics,
      constants: timeProfiler.constants
    };
    exports.heap = {
      start: heapProfiler.start,
      stop: heapProfiler.stop,
      profile: heapProfiler.profile,
      profileV2: heapProfiler.profileV2,
      convertProfile: heapProfiler.convertProfile,
      v8Profile: heapProfiler.v8Profile,
      monitorOutOfMemory: heapProfiler.monitorOutOfMemory,
      CallbackMode: heapProfiler.CallbackMode
    };
    exports.otelThreadCtx = {
      ThreadContext: otelThreadCtxModule.ThreadContext,
      getContext: otelThreadCtxModule.getContext,
      clearContext: otelThreadCtxModule.clearContext,
      getProcessContextAttributes: otelThreadCtxModule.getProcessContextAttributes
    };
    if (module3.parent && module3.parent.id === "internal/preload") {
      exports.time.start({});
      process.on("exit", () => {
        const profile = exports.time.stop();
        const buffer = (0, profile_encoder_1.encodeSync)(profile);
        (0, fs_1.writeFileSync)(`pprof-profile-${process.pid}.pb.gz`, buffer);
      });
    }
  }
});

// src/measure/child/runner.ts
import { readFileSync as readFileSync7 } from "node:fs";

// src/measure/protocol-parse.ts
var ProtocolError = class extends Error {
  static {
    __name(this, "ProtocolError");
  }
  name = "ProtocolError";
};
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value === "object" ? "an object" : typeof value;
}
__name(describe, "describe");
function refuse(at, expected, value) {
  throw new ProtocolError(`${at} is not ${expected} (got ${describe(value)})`);
}
__name(refuse, "refuse");
var string = /* @__PURE__ */ __name((v, at) => typeof v === "string" ? v : refuse(at, "a string", v), "string");
var boolean = /* @__PURE__ */ __name((v, at) => typeof v === "boolean" ? v : refuse(at, "a boolean", v), "boolean");
var number = /* @__PURE__ */ __name((v, at) => typeof v === "number" && Number.isFinite(v) ? v : refuse(at, "a finite number", v), "number");
var count = /* @__PURE__ */ __name((v, at) => Number.isSafeInteger(v) && v >= 0 ? v : refuse(at, "a whole number ≥ 0", v), "count");
function literal(...values) {
  const expected = values.map((x) => JSON.stringify(x)).join(" or ");
  return (v, at) => values.includes(v) ? v : refuse(at, expected, v);
}
__name(literal, "literal");
var side = literal("base", "head");
function optional(check) {
  return (v, at) => v === void 0 ? void 0 : check(v, at);
}
__name(optional, "optional");
function array(check) {
  return (v, at) => Array.isArray(v) ? v.map((x, i) => check(x, `${at}[${i}]`)) : refuse(at, "an array", v);
}
__name(array, "array");
var isRecord = /* @__PURE__ */ __name((v) => typeof v === "object" && v !== null && !Array.isArray(v), "isRecord");
function object(shape) {
  return (v, at) => {
    if (!isRecord(v)) return refuse(at, "an object", v);
    const out = {};
    for (const [key, check] of Object.entries(shape)) {
      const value = check(Object.hasOwn(v, key) ? v[key] : void 0, `${at}.${key}`);
      if (value !== void 0) out[key] = value;
    }
    return out;
  };
}
__name(object, "object");
function record(check) {
  return (v, at) => {
    if (!isRecord(v)) return refuse(at, "an object", v);
    const out = {};
    for (const [key, value] of Object.entries(v)) out[key] = check(value, `${at}[${JSON.stringify(key)}]`);
    return out;
  };
}
__name(record, "record");
function perSide(check) {
  return object({ base: optional(check), head: optional(check) });
}
__name(perSide, "perSide");
var taskSpec = object({ file: string, task: string });
var benchmark = object({
  key: string,
  slug: string,
  base: optional(taskSpec),
  head: optional(taskSpec)
});
var benchmarks = array(benchmark);
var roots = optional(perSide(string));
var JOBS = {
  discover: object({
    kind: literal("discover"),
    files: array(string),
    graph: optional(boolean),
    executed: optional(array(string)),
    executeMs: optional(number)
  }),
  timing: object({
    kind: literal("timing"),
    benchmarks,
    firstSide: side,
    sliceMs: number,
    warmupMs: number,
    timeMs: number,
    perCall: optional(boolean)
  }),
  profile: object({
    kind: literal("profile"),
    benchmarks,
    sliceMs: number,
    warmupMs: number,
    timeMs: number,
    intervalUs: number,
    outDir: string,
    process: count,
    roots
  }),
  overhead: object({
    kind: literal("overhead"),
    benchmarks,
    sliceMs: number,
    warmupMs: number,
    timeMs: number,
    intervalUs: number
  }),
  allocation: object({
    kind: literal("allocation"),
    benchmarks,
    firstSide: side,
    sliceMs: number,
    warmupMs: number,
    timeMs: number,
    samplingIntervalBytes: number,
    outDir: string,
    process: count,
    roots
  })
};
function parseJob(raw) {
  if (!isRecord(raw)) return refuse("job", "an object", raw);
  const kind = raw.kind;
  if (typeof kind !== "string" || !Object.hasOwn(JOBS, kind))
    return refuse(
      "job.kind",
      Object.keys(JOBS).map((k) => JSON.stringify(k)).join(", "),
      kind
    );
  return JOBS[kind](raw, "job");
}
__name(parseJob, "parseJob");
var sideTiming = object({ ops: count, totalNs: number });
var sideAllocation = object({
  ops: count,
  bytes: number,
  gcNs: number,
  wallNs: number,
  majorGcNs: optional(number),
  minorGcDurationsNs: optional(array(number)),
  majorGcDurationsNs: optional(array(number))
});
var written = perSide(object({ path: string, ops: count }));
var pairLogRatios = array(number);
var progress = object({
  type: literal("progress"),
  key: string,
  side,
  phase: literal("load", "warmup", "measure")
});
var error = object({
  type: literal("error"),
  key: string,
  side: optional(side),
  error: string
});
var done = object({ type: literal("done") });
var BENCHMARK_COMMON = { progress, error };
var MESSAGES = {
  discover: {
    loading: object({ type: literal("loading"), file: string }),
    discovered: object({
      type: literal("discovered"),
      file: string,
      tasks: array(string),
      reached: optional(array(string))
    }),
    "discover-error": object({
      type: literal("discover-error"),
      file: string,
      error: string,
      reached: optional(array(string))
    }),
    loaded: object({ type: literal("loaded"), files: array(string) }),
    executing: object({ type: literal("executing"), file: string }),
    executed: object({
      type: literal("executed"),
      file: string,
      changed: array(string),
      unknown: optional(boolean),
      skipped: optional(boolean),
      tasks: optional(record(array(string)))
    }),
    "vitest-project": object({
      type: literal("vitest-project"),
      execArgv: array(string),
      notes: array(string)
    })
  },
  timing: {
    ...BENCHMARK_COMMON,
    timing: object({
      type: literal("timing"),
      key: string,
      base: optional(sideTiming),
      head: optional(sideTiming),
      pairLogRatios
    }),
    floor: object({ type: literal("floor"), nsPerOp: number })
  },
  profile: {
    ...BENCHMARK_COMMON,
    profiled: object({
      type: literal("profiled"),
      key: string,
      profiles: written,
      base: optional(sideTiming),
      head: optional(sideTiming),
      pairLogRatios
    })
  },
  overhead: {
    ...BENCHMARK_COMMON,
    overhead: object({ type: literal("overhead"), key: string, pairLogRatios })
  },
  allocation: {
    ...BENCHMARK_COMMON,
    allocated: object({
      type: literal("allocated"),
      key: string,
      profiles: written,
      base: optional(sideAllocation),
      head: optional(sideAllocation),
      pairLogRatios
    })
  }
};

// src/measure/child/pristine.ts
import { performance as perfHooksPerformance } from "node:perf_hooks";

// src/measure/child/pristine-key.ts
var PRISTINE_KEY = "flamegate.pristine";

// src/measure/child/pristine.ts
var preloaded = globalThis[Symbol.for(PRISTINE_KEY)];
var performance = preloaded?.performance ?? perfHooksPerformance;
var now = preloaded?.now ?? performance.now;
var clock = now.bind(performance);
var log = preloaded?.log ?? Math.log;
var FunctionConstructor = preloaded?.FunctionConstructor ?? Function;
var ipc = process;
var rawSend = preloaded?.send ?? ipc._send ?? ipc.send;
function sendToParent(message) {
  return new Promise((resolve5) => {
    if (!rawSend) {
      process.stdout.write(`${JSON.stringify(message)}
`);
      resolve5();
      return;
    }
    rawSend.call(process, message, void 0, { swallowErrors: false }, () => resolve5());
  });
}
__name(sendToParent, "sendToParent");
var hrtime = preloaded?.hrtime ?? process.hrtime;
var WATCHED = [
  {
    name: "globalThis.performance",
    original: performance,
    read: /* @__PURE__ */ __name(() => globalThis.performance, "read"),
    holder: globalThis,
    key: "performance"
  },
  {
    name: "performance.now",
    original: now,
    read: /* @__PURE__ */ __name(() => performance.now, "read"),
    holder: performance,
    key: "now"
  },
  { name: "process.hrtime", original: hrtime, read: /* @__PURE__ */ __name(() => process.hrtime, "read"), holder: process, key: "hrtime" },
  {
    name: "process.hrtime.bigint",
    original: preloaded?.hrtimeBigint ?? hrtime.bigint,
    read: /* @__PURE__ */ __name(() => process.hrtime?.bigint, "read"),
    holder: hrtime,
    key: "bigint"
  }
];
function replacedClocks() {
  const replaced = [];
  for (const w of WATCHED) {
    let current3;
    try {
      current3 = w.read();
    } catch {
      current3 = void 0;
    }
    if (current3 === w.original) continue;
    replaced.push(w.name);
    try {
      Object.defineProperty(w.holder, w.key, {
        value: w.original,
        writable: true,
        configurable: true,
        enumerable: Object.getOwnPropertyDescriptor(w.holder, w.key)?.enumerable ?? false
      });
    } catch {
    }
  }
  return replaced;
}
__name(replacedClocks, "replacedClocks");

// src/measure/child/failures.ts
function checkClocks() {
  const replaced = replacedClocks();
  if (replaced.length > 0)
    throw new Error(
      `the benchmark code replaced ${replaced.join(", ")}, which flamegate and tinybench time benchmarks with; a benchmark must leave the clocks as it found them`
    );
}
__name(checkClocks, "checkClocks");
function errorText(error2) {
  if (error2 instanceof Error) {
    const frames = (error2.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
    const where = frames.find(
      (l) => !l.includes("/dist/runner.js") && !/node_modules\/(tinybench|mitata|benchmark|bench-node)\//.test(l)
    );
    return `${error2.name}: ${error2.message}${where ? `
${where.trim()}` : ""}`;
  }
  return String(error2);
}
__name(errorText, "errorText");

// src/measure/child/pnp.ts
import { existsSync as existsSync2 } from "node:fs";
import module, { register } from "node:module";
import { dirname as dirname2, join as join2 } from "node:path";
import { pathToFileURL } from "node:url";

// src/measure/pnp.ts
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
function findPnpManifest(fromDir) {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const manifest = join(dir, ".pnp.cjs");
    if (existsSync(manifest)) return manifest;
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return void 0;
  }
}
__name(findPnpManifest, "findPnpManifest");
var PNP_LOADER = ".pnp.loader.mjs";

// src/measure/child/pnp.ts
var loaderRegistered = false;
function usePnpLoaderFor(file) {
  if (loaderRegistered) return;
  const manifest = findPnpManifest(dirname2(file));
  if (!manifest || !("findPnpApi" in module)) return;
  const loader = join2(dirname2(manifest), PNP_LOADER);
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes(PNP_LOADER));
  if (existsSync2(loader) && !given) register(pathToFileURL(loader).href);
  loaderRegistered = true;
}
__name(usePnpLoaderFor, "usePnpLoaderFor");
function explainPnpError(error2) {
  if (error2 instanceof Error && error2.message.includes("controlled by multiple pnpapi instances"))
    error2.message += `
Base and head run in one benchmark process, so each checkout needs its own Yarn cache: flamegate installs with YARN_ENABLE_GLOBAL_CACHE=false unless the environment sets it (unset it, or install with enableGlobalCache: false).`;
  return error2;
}
__name(explainPnpError, "explainPnpError");

// src/measure/child/harness/bench-node.ts
import { createRequire as createRequire2 } from "node:module";

// src/measure/child/harness/imports.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { dirname as dirname4 } from "node:path";

// src/harness-imports.ts
var SCRIPT_HARNESSES = {
  mitata: { title: "mitata", majors: [1], supported: "mitata 1.x" },
  benchmark: { title: "benchmark.js", majors: [2], supported: "benchmark.js 2.x" },
  "bench-node": { title: "bench-node", majors: [0], supported: "bench-node 0.x" }
};
var importOf = /* @__PURE__ */ __name((name) => new RegExp(
  `(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s+)['"]${name.replace(/[.-]/g, "\\$&")}(?:/[^'"]*)?['"]`
), "importOf");
var SCRIPT_IMPORTS = Object.keys(SCRIPT_HARNESSES).map((name) => ({
  name,
  pattern: importOf(name)
}));
var OWN = [importOf("vitest"), importOf("tinybench")];
function scriptHarnessIn(source) {
  if (OWN.some((pattern) => pattern.test(source))) return void 0;
  return SCRIPT_IMPORTS.find(({ pattern }) => pattern.test(source))?.name;
}
__name(scriptHarnessIn, "scriptHarnessIn");
function importsAHarness(source) {
  return OWN.some((p) => p.test(source)) || SCRIPT_IMPORTS.some(({ pattern }) => pattern.test(source));
}
__name(importsAHarness, "importsAHarness");

// src/measure/child/vitest/resolve.ts
import { existsSync as existsSync3, readFileSync, realpathSync } from "node:fs";
import module2 from "node:module";
import { dirname as dirname3, join as join3, resolve as resolve2 } from "node:path";
function findPackage(fromDir, name) {
  const pnp = pnpApiFor(fromDir);
  if (pnp) return findPnpPackage(pnp, fromDir, name);
  let dir = resolve2(fromDir);
  for (; ; ) {
    const candidate = join3(dir, "node_modules", name, "package.json");
    if (existsSync3(candidate)) {
      const pkgDir = realpathSync(dirname3(candidate));
      const pkg = JSON.parse(readFileSync(join3(pkgDir, "package.json"), "utf8"));
      return { name, version: pkg.version ?? "0.0.0", dir: pkgDir, entry: join3(pkgDir, entryOf(pkg)) };
    }
    const parent = dirname3(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}
__name(findPackage, "findPackage");
function notInstalledMessage(root, name, why) {
  const manifest = findPnpManifest(root);
  if (manifest && !pnpApiFor(root))
    return `this repository uses Yarn Plug'n'Play, but its ${manifest}, preloaded as \`yarn node\` does, set up no Plug'n'Play runtime (is it the file Yarn's install writes?), so ${name} cannot be resolved through it; ${why}`;
  if (manifest)
    return `this repository uses Yarn Plug'n'Play, and its ${manifest} maps no ${name} for ${root}; ${why}. Add ${name} to the devDependencies of that package (Plug'n'Play gives a package only what it declares).`;
  const yarnrc = findUp(root, ".yarnrc.yml");
  if (yarnrc && !findUp(root, "node_modules"))
    return `${name} is not installed: this repository uses Yarn 2+ (${yarnrc}) but has neither .pnp.cjs nor node_modules, so its install did not run or installed elsewhere; ${why}. Check the install command (--install, or install: in the config).`;
  return `${name} is not installed: ${why}, but no node_modules/${name} is found from ${root}. Add ${name} to devDependencies (flamegate runs the install command first).`;
}
__name(notInstalledMessage, "notInstalledMessage");
function findUp(fromDir, name) {
  for (let dir = resolve2(fromDir); ; dir = dirname3(dir)) {
    if (existsSync3(join3(dir, name))) return join3(dir, name);
    if (existsSync3(join3(dir, ".git")) || dirname3(dir) === dir) return void 0;
  }
}
__name(findUp, "findUp");
function pnpApiFor(dir) {
  const find = module2.findPnpApi;
  return find?.(`${resolve2(dir)}/`) ?? void 0;
}
__name(pnpApiFor, "pnpApiFor");
function findPnpPackage(api, fromDir, name) {
  let pkgDir;
  try {
    pkgDir = api.resolveToUnqualified(name, `${resolve2(fromDir)}/`);
  } catch {
    return void 0;
  }
  if (!pkgDir || !existsSync3(join3(pkgDir, "package.json"))) return void 0;
  const pkg = JSON.parse(readFileSync(join3(pkgDir, "package.json"), "utf8"));
  return { name, version: pkg.version ?? "0.0.0", dir: pkgDir, entry: join3(pkgDir, entryOf(pkg)) };
}
__name(findPnpPackage, "findPnpPackage");
var CONDITIONS = ["node", "import", "module", "default"];
function pickTarget(target) {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const picked = pickTarget(t);
      if (picked) return picked;
    }
    return void 0;
  }
  if (target && typeof target === "object") {
    for (const [condition, value] of Object.entries(target)) {
      if (!CONDITIONS.includes(condition)) continue;
      const picked = pickTarget(value);
      if (picked) return picked;
    }
  }
  return void 0;
}
__name(pickTarget, "pickTarget");
function entryOf(pkg) {
  const exports = pkg.exports;
  if (exports !== void 0) {
    const isSubpathMap = !!exports && typeof exports === "object" && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith("."));
    const root = isSubpathMap ? exports["."] : exports;
    const picked = pickTarget(root);
    if (picked) return picked;
  }
  return pkg.module ?? pkg.main ?? "index.js";
}
__name(entryOf, "entryOf");

// src/measure/child/harness/imports.ts
var sources = /* @__PURE__ */ new Map();
function sourceOf(file) {
  if (!sources.has(file)) {
    let source;
    try {
      source = readFileSync2(file, "utf8");
    } catch {
      source = void 0;
    }
    sources.set(file, source);
  }
  return sources.get(file);
}
__name(sourceOf, "sourceOf");
function scriptHarnessOf(file) {
  const source = sourceOf(file);
  return source === void 0 ? void 0 : scriptHarnessIn(source);
}
__name(scriptHarnessOf, "scriptHarnessOf");
function checkHarnessVersion(file, harness) {
  const { title, majors, supported } = SCRIPT_HARNESSES[harness];
  const installed = findPackage(dirname4(file), harness);
  if (!installed)
    throw new Error(
      `this file is written for ${title} (it imports '${harness}'), but ${harness} is not installed where the file can resolve it`
    );
  const major = Number(/^(\d+)\./.exec(installed.version)?.[1]);
  if (!majors.includes(major))
    throw new Error(
      `this file is written for ${title} (it imports '${harness}'), and ${harness} ${installed.version} is installed: flamegate runs ${supported} files. Leave it out with "exclude" in .github/flamegate.yml, or update ${harness}.`
    );
}
__name(checkHarnessVersion, "checkHarnessVersion");

// src/measure/child/harness/script.ts
import { pathToFileURL as pathToFileURL2 } from "node:url";

// src/measure/child/batch.ts
function batcherFor(bound) {
  const loop = new FunctionConstructor(
    "fn",
    "n",
    "now",
    `let sink;
const t0 = now();
for (let i = 0; i < n; i++) sink = fn();
const t1 = now();
globalThis.__flamegateSink = sink;
return t1 - t0;
//# sourceURL=${import.meta.url}`
  );
  return { bound, loop, size: 1 };
}
__name(batcherFor, "batcherFor");
function timeBatches(batcher, ms) {
  const { loop, bound } = batcher;
  const goalMs = Math.min(ms / 4, 1);
  let ops = 0;
  let totalMs = 0;
  const end = clock() + ms;
  do {
    const n = batcher.size;
    const took = loop(bound, n, clock);
    ops += n;
    totalMs += took;
    if (took < goalMs / 2 && n < 2 ** 30)
      batcher.size = Math.min(n * 2, Math.max(1, Math.ceil(n * goalMs / Math.max(took, 1e-4))));
    else if (took > goalMs * 2 && n > 1) batcher.size = Math.max(1, Math.floor(n * goalMs / took));
  } while (totalMs < ms && clock() < end);
  return { ops, totalNs: totalMs * 1e6 };
}
__name(timeBatches, "timeBatches");
function batchFloor() {
  const fn = /* @__PURE__ */ __name(() => void 0, "fn");
  const batcher = batcherFor(fn.bind({ name: "(empty)" }));
  timeBatches(batcher, 60);
  let floor = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i++) {
    const t = timeBatches(batcher, 2);
    floor = Math.min(floor, t.totalNs / t.ops);
  }
  return floor;
}
__name(batchFloor, "batchFloor");

// src/measure/child/harness/script.ts
var ranScript;
function scriptRan() {
  ranScript?.();
}
__name(scriptRan, "scriptRan");
function never() {
  return new Promise(() => void 0);
}
__name(never, "never");
var AFTER_RUN_MS = 50;
async function importScript(file) {
  process.argv = [process.argv[0] ?? process.execPath, file];
  let ran = false;
  const calledRun = new Promise((resolve5) => {
    ranScript = /* @__PURE__ */ __name(() => {
      ran = true;
      resolve5();
    }, "ranScript");
  });
  const imported = import(pathToFileURL2(file).href).then(
    (namespace) => namespace,
    (error2) => {
      if (!ran) throw error2;
      return void 0;
    }
  );
  try {
    return await Promise.race([
      imported,
      calledRun.then(
        () => Promise.race([imported, new Promise((r) => setTimeout(() => r(void 0), AFTER_RUN_MS))])
      )
    ]);
  } finally {
    ranScript = void 0;
  }
}
__name(importScript, "importScript");
function uniqueNames(names) {
  const seen2 = /* @__PURE__ */ new Map();
  return names.map((name) => {
    const n = (seen2.get(name) ?? 0) + 1;
    seen2.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
__name(uniqueNames, "uniqueNames");
function identity(group, name, params) {
  const args = params && Object.keys(params).length > 0 ? ` [${Object.entries(params).map(([k, v]) => `${k}=${String(v)}`).join(", ")}]` : "";
  return `${group ? `${group} > ` : ""}${name}${args}`;
}
__name(identity, "identity");
var isThenable = /* @__PURE__ */ __name((v) => v !== null && (typeof v === "object" || typeof v === "function") && typeof v.then === "function", "isThenable");
async function timeEach(call, ms, prepare) {
  let ops = 0;
  let totalMs = 0;
  const end = clock() + ms;
  do {
    const args = prepare ? await prepare() : [];
    const started = clock();
    const result = call(...args);
    if (isThenable(result)) await result;
    totalMs += clock() - started;
    ops++;
  } while (totalMs < ms && clock() < end);
  return { ops, totalNs: totalMs * 1e6 };
}
__name(timeEach, "timeEach");
async function timeCounted(loop, ms, state2) {
  const goalMs = Math.min(ms / 4, 1);
  let ops = 0;
  let totalMs = 0;
  const end = clock() + ms;
  do {
    const n = state2.size;
    const result = loop(n);
    const took = typeof result === "number" ? result : await result;
    ops += n;
    totalMs += took;
    if (took < goalMs / 2 && n < 2 ** 30)
      state2.size = Math.min(n * 2, Math.max(1, Math.ceil(n * goalMs / Math.max(took, 1e-4))));
    else if (took > goalMs * 2 && n > 1) state2.size = Math.max(1, Math.floor(n * goalMs / took));
  } while (totalMs < ms && clock() < end);
  return { ops, totalNs: totalMs * 1e6 };
}
__name(timeCounted, "timeCounted");
function callTimer(call, options2, prepare) {
  let mode;
  const batcher = batcherFor(call);
  return async (ms) => {
    if (!mode) {
      if (options2.perCall || prepare) mode = "each";
      else {
        const probe = call();
        if (isThenable(probe)) await probe;
        mode = isThenable(probe) ? "each" : "batch";
      }
    }
    return mode === "batch" ? timeBatches(batcher, ms) : timeEach(call, ms, prepare);
  };
}
__name(callTimer, "callTimer");

// src/measure/child/harness/tinybench.ts
import { existsSync as existsSync4, readFileSync as readFileSync3 } from "node:fs";
import { createRequire, register as register2 } from "node:module";
import { dirname as dirname5, join as join4 } from "node:path";
import { fileURLToPath, pathToFileURL as pathToFileURL3 } from "node:url";
var addedTasks = /* @__PURE__ */ new WeakMap();
var patchedBenches = /* @__PURE__ */ new WeakSet();
var scriptBenches;
function patchScriptRuns(proto) {
  for (const method of ["run", "runSync", "warmup", "warmupSync"]) {
    const original = proto[method];
    if (typeof original !== "function") continue;
    proto[method] = function(...args) {
      if (!scriptBenches) return original.apply(this, args);
      if (!scriptBenches.includes(this)) scriptBenches.push(this);
      if (method.startsWith("warmup")) return method === "warmup" ? Promise.resolve() : void 0;
      scriptRan();
      return method === "runSync" ? [] : never();
    };
  }
}
__name(patchScriptRuns, "patchScriptRuns");
async function recordTaskFunctions(file) {
  const candidates = /* @__PURE__ */ new Set();
  try {
    const require2 = createRequire(file);
    const main2 = require2.resolve("tinybench");
    candidates.add(main2);
    let pkgDir = dirname5(main2);
    while (!existsSync4(join4(pkgDir, "package.json")) && dirname5(pkgDir) !== pkgDir) pkgDir = dirname5(pkgDir);
    const pkg = JSON.parse(readFileSync3(join4(pkgDir, "package.json"), "utf8"));
    const esm = pkg.exports?.["."]?.import;
    const esmPath = typeof esm === "string" ? esm : esm?.default ?? pkg.module;
    if (esmPath) candidates.add(join4(pkgDir, esmPath));
  } catch {
    return;
  }
  for (const path of candidates) {
    try {
      const mod = await import(pathToFileURL3(path).href);
      const proto = mod.Bench?.prototype;
      if (!proto || patchedBenches.has(proto) || typeof proto.add !== "function") continue;
      const add = proto.add;
      proto.add = function(name, fn, opts) {
        const result = add.call(this, name, fn, opts);
        if (scriptBenches && isBench(this) && !scriptBenches.includes(this)) scriptBenches.push(this);
        if (typeof fn === "function") {
          let byName = addedTasks.get(this);
          if (!byName) addedTasks.set(this, byName = /* @__PURE__ */ new Map());
          byName.set(name, { fn, opts: opts ?? {} });
        }
        return result;
      };
      patchScriptRuns(proto);
      patchedBenches.add(proto);
    } catch {
    }
  }
}
__name(recordTaskFunctions, "recordTaskFunctions");
var tsHooksRegistered = false;
function ensureTypeScript(file) {
  if (tsHooksRegistered || !/\.(c|m)?ts$/.test(file)) return;
  const features = process.features;
  if (!features.typescript) {
    const here = dirname5(fileURLToPath(import.meta.url));
    register2(pathToFileURL3(join4(here, "ts-hooks.js")).href);
  }
  tsHooksRegistered = true;
}
__name(ensureTypeScript, "ensureTypeScript");
function isBench(value) {
  const v = value;
  return !!v && typeof v === "object" && Array.isArray(v.tasks) && typeof v.run === "function";
}
__name(isBench, "isBench");
function describe2(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object")
    return `an object with keys ${Object.keys(value).slice(0, 5).join(", ") || "(none)"}`;
  return typeof value;
}
__name(describe2, "describe");
var isThenable2 = /* @__PURE__ */ __name((v) => v !== null && (typeof v === "object" || typeof v === "function") && typeof v.then === "function", "isThenable");
async function timingFor(bench2, task, options2) {
  const added = addedTasks.get(bench2)?.get(task.name);
  const asyncFn = added && (added.opts.async === true || added.fn.constructor.name === "AsyncFunction");
  if (options2.perCall || !added || asyncFn || added.opts.beforeEach || added.opts.afterEach)
    return { mode: "per-call" };
  const probe = added.fn.call(task);
  if (isThenable2(probe)) await probe;
  const overrides = typeof probe === "object" && probe !== null && "overriddenDuration" in probe;
  if (isThenable2(probe) || overrides) return { mode: "per-call" };
  return { mode: "batch", added, batcher: batcherFor(added.fn.bind(task)) };
}
__name(timingFor, "timingFor");
async function perCallSlice(bench2, task, ms) {
  bench2.time = ms;
  bench2.iterations = 1;
  if (bench2.opts) {
    bench2.opts.time = ms;
    bench2.opts.iterations = 1;
  }
  task.reset();
  const started = clock();
  await task.run();
  const elapsedMs = clock() - started;
  const result = task.result;
  if (!result || result.state === "errored" || result.error) {
    throw result?.error ?? new Error("the task produced no result");
  }
  const ops = result.latency?.samplesCount ?? result.samples?.length ?? task.runs ?? 0;
  const totalMs = result.totalTime ?? 0;
  if (!(ops > 0) || !(totalMs >= 0)) throw new Error("the task measured no operations");
  if (!(totalMs <= elapsedMs * 1.05 + 1))
    throw new Error(
      `tinybench measured ${totalMs} ms in ${elapsedMs.toFixed(3)} ms: its clock was replaced or broken`
    );
  return { ops, totalNs: totalMs * 1e6 };
}
__name(perCallSlice, "perCallSlice");
async function batchSlice(bench2, task, timing, ms) {
  await bench2.setup?.(task, "run");
  await timing.added.opts.beforeAll?.call(task, "run");
  const measured = timeBatches(timing.batcher, ms);
  await timing.added.opts.afterAll?.call(task, "run");
  await bench2.teardown?.(task, "run");
  return measured;
}
__name(batchSlice, "batchSlice");
async function callOnce(bench2, task) {
  const added = addedTasks.get(bench2)?.get(task.name);
  if (!added) {
    await perCallSlice(bench2, task, 0);
    return;
  }
  const { beforeAll, afterAll, beforeEach, afterEach } = added.opts;
  await bench2.setup?.(task, "run");
  await beforeAll?.call(task, "run");
  if (typeof beforeEach === "function") await beforeEach.call(task, "run");
  const result = added.fn.call(task);
  if (isThenable2(result)) await result;
  if (typeof afterEach === "function") await afterEach.call(task, "run");
  await afterAll?.call(task, "run");
  await bench2.teardown?.(task, "run");
}
__name(callOnce, "callOnce");
function tinybenchFile(bench2, options2, ownerOf = () => bench2) {
  const tasks = bench2.tasks.map((task) => {
    const owner = ownerOf(task);
    let timing;
    return {
      name: task.name,
      async slice(ms) {
        const known = timing ??= await timingFor(owner, task, options2);
        return known.mode === "batch" ? batchSlice(owner, task, known, ms) : perCallSlice(owner, task, ms);
      },
      callOnce: /* @__PURE__ */ __name(() => callOnce(owner, task), "callOnce")
    };
  });
  return { tasks };
}
__name(tinybenchFile, "tinybenchFile");
var tinybench = {
  name: "tinybench",
  // The default: a file no other adapter claims is read as a tinybench file, and told so when it is not.
  claims: /* @__PURE__ */ __name(() => true, "claims"),
  async load(file, options2) {
    ensureTypeScript(file);
    await recordTaskFunctions(file);
    const built = [];
    scriptBenches = built;
    let mod;
    try {
      mod = await importScript(file);
    } finally {
      scriptBenches = void 0;
    }
    let exported = mod?.default;
    if (typeof exported === "function" && !isBench(exported)) exported = await exported();
    if (isBench(exported)) return tinybenchFile(exported, options2);
    if (built.length > 0 && exported === void 0) {
      const tasks = built.flatMap((bench2) => tinybenchFile(bench2, options2).tasks);
      const names = uniqueNames(tasks.map((t) => t.name));
      return { tasks: tasks.map((task, i) => ({ ...task, name: names[i] ?? task.name })) };
    }
    if (!importsAHarness(readFileSync3(file, "utf8")))
      throw new Error(
        `no benchmark harness recognised: the file imports none of tinybench, vitest, mitata, benchmark (benchmark.js) or bench-node, and its default export is not a tinybench Bench (got ${describe2(exported)})`
      );
    throw new Error(
      `the default export is not a tinybench Bench (got ${describe2(exported)}). Export a Bench, or a function that returns one.`
    );
  }
};

// src/measure/child/harness/bench-node.ts
var current;
var patched = /* @__PURE__ */ new WeakSet();
function patch(file) {
  const mod = createRequire2(file)("bench-node");
  const proto = mod.Suite?.prototype;
  if (!proto || typeof proto.add !== "function")
    throw new Error("the bench-node this file imports has no Suite");
  if (patched.has(proto)) return;
  patched.add(proto);
  const add = proto.add;
  proto.add = function(name, options2, fn) {
    const result = add.call(this, name, options2, fn);
    const given = typeof options2 === "function" ? options2 : fn;
    if (current && typeof given === "function") current.push({ name: String(name), fn: given });
    return result;
  };
  proto.run = () => {
    scriptRan();
    return never();
  };
}
__name(patch, "patch");
var ManagedTimer = class {
  constructor(count2) {
    this.count = count2;
  }
  count;
  static {
    __name(this, "ManagedTimer");
  }
  started = 0;
  ended = 0;
  iterations = 0;
  start() {
    this.started = clock();
  }
  end(iterations = 1) {
    this.ended = clock();
    this.iterations = iterations;
  }
};
function managedTask(name, fn) {
  const calibration = { size: 1 };
  const run = /* @__PURE__ */ __name(async (n) => {
    const timer = new ManagedTimer(n);
    const result = fn(timer);
    if (isThenable(result)) await result;
    if (!timer.started) throw new Error("You forgot to call .start()");
    if (!timer.ended) throw new Error("You forgot to call .end(count)");
    return { ms: timer.ended - timer.started, iterations: timer.iterations };
  }, "run");
  return {
    name,
    async slice(ms) {
      let ops = 0;
      let totalMs = 0;
      const timing = await timeCounted(
        async (n) => {
          const r = await run(n);
          ops += r.iterations;
          totalMs += r.ms;
          return r.ms;
        },
        ms,
        calibration
      );
      return timing.ops > 0 ? { ops, totalNs: totalMs * 1e6 } : timing;
    },
    async callOnce() {
      await run(1);
    }
  };
}
__name(managedTask, "managedTask");
function plainTask(name, fn, options2) {
  const call = /* @__PURE__ */ __name(() => fn(), "call");
  return {
    name,
    slice: callTimer(call, options2),
    async callOnce() {
      const result = call();
      if (isThenable(result)) await result;
    }
  };
}
__name(plainTask, "plainTask");
var benchNode = {
  name: "bench-node",
  claims: /* @__PURE__ */ __name((file) => scriptHarnessOf(file) === "bench-node", "claims"),
  async load(file, options2) {
    checkHarnessVersion(file, "bench-node");
    ensureTypeScript(file);
    patch(file);
    const registered2 = [];
    current = registered2;
    try {
      await importScript(file);
    } finally {
      current = void 0;
    }
    const names = uniqueNames(registered2.map((r) => identity(void 0, r.name)));
    return {
      tasks: registered2.map(
        (r, i) => r.fn.length >= 1 ? managedTask(names[i] ?? r.name, r.fn) : plainTask(names[i] ?? r.name, r.fn, options2)
      )
    };
  }
};

// src/measure/child/harness/benchmarkjs.ts
import { createRequire as createRequire3 } from "node:module";
var current2;
var patched2 = /* @__PURE__ */ new WeakSet();
function patch2(file) {
  const Benchmark = createRequire3(file)("benchmark");
  if (patched2.has(Benchmark)) return Benchmark;
  patched2.add(Benchmark);
  const suiteProto = Benchmark.Suite.prototype;
  const add = suiteProto.add;
  suiteProto.add = function(...args) {
    if (current2 && !current2.suites.includes(this)) current2.suites.push(this);
    return add.apply(this, args);
  };
  suiteProto.run = function() {
    if (current2 && !current2.suites.includes(this)) current2.suites.push(this);
    scriptRan();
    return this;
  };
  Benchmark.prototype.run = function() {
    if (current2 && !current2.singles.includes(this)) current2.singles.push(this);
    scriptRan();
    return this;
  };
  return Benchmark;
}
__name(patch2, "patch");
function sourceOf2(value) {
  const text = typeof value === "string" ? value : /^[^{]+\{([\s\S]*)\}\s*$/.exec(String(value))?.[1] ?? "";
  const trimmed = text.trim();
  return /^(?:\/\*+[\w\W]*?\*\/|\/\/.*?[\n\r\u2028\u2029]|\s)*(["'])use strict\1;?$/.test(trimmed) ? "" : trimmed;
}
__name(sourceOf2, "sourceOf");
function firstArgument(fn) {
  return typeof fn === "function" && /^[\s(]*function[^(]*\(([^\s,)]+)/.exec(String(fn))?.[1] || "deferred";
}
__name(firstArgument, "firstArgument");
var uidCounter = 0;
function compiledLoop(bench2) {
  const setup = sourceOf2(bench2.setup);
  const teardown = sourceOf2(bench2.teardown);
  const fn = sourceOf2(bench2.fn);
  const build = /* @__PURE__ */ __name((loop, uid2) => new FunctionConstructor(
    "m$fg",
    "n$fg",
    "now$fg",
    `var i$fg = n$fg, f$fg = m$fg.fn;
${setup}
var s$fg = now$fg();
${loop}
var r$fg = now$fg() - s$fg;
${teardown}
return { elapsed: r$fg, uid: "${uid2}" };`
  ), "build");
  const pretest = /* @__PURE__ */ __name((compiled, uid2) => compiled.call(bench2, bench2, 1, clock).uid === uid2, "pretest");
  let error2;
  if (fn !== "") {
    const uid2 = `fg${uidCounter++}`;
    try {
      const inlined = build(`while (i$fg--) {
${fn}
}`, uid2);
      if (pretest(inlined, uid2)) return inlined;
    } catch (e) {
      error2 = e;
    }
  }
  const uid = `fg${uidCounter++}`;
  const body = typeof bench2.fn === "string" || fn !== "" && error2 === void 0 ? `function l$fg() {
${fn}
}
while (i$fg--) l$fg.call(m$fg);` : "while (i$fg--) f$fg.call(m$fg);";
  const fallback = build(body, uid);
  fallback.call(bench2, bench2, 1, clock);
  return fallback;
}
__name(compiledLoop, "compiledLoop");
function deferredParts(bench2) {
  const arg = firstArgument(bench2.fn);
  const source = /* @__PURE__ */ __name((s, call) => typeof s === "function" && sourceOf2(s) === "" ? call : sourceOf2(s), "source");
  const make = new FunctionConstructor(
    "m$fg",
    "d$fg",
    `var f$fg = m$fg.fn, su$fg = m$fg.setup, td$fg = m$fg.teardown;
${source(bench2.setup, "su$fg.call(m$fg);")}
d$fg.fn = function () { var ${arg} = d$fg; ${typeof bench2.fn === "string" ? bench2.fn : "f$fg.call(m$fg, d$fg);"}
};
d$fg.teardown = function () { ${source(bench2.teardown, "td$fg.call(m$fg);")}
};`
  );
  return () => {
    const deferred = { benchmark: bench2, cycles: 0 };
    let done2 = /* @__PURE__ */ __name(() => void 0, "done");
    deferred.resolve = () => done2();
    make.call(bench2, bench2, deferred);
    return {
      fn: /* @__PURE__ */ __name((resolve5) => {
        done2 = resolve5;
        deferred.fn();
      }, "fn"),
      teardown: deferred.teardown
    };
  };
}
__name(deferredParts, "deferredParts");
function deferredTask(name, bench2) {
  const start = deferredParts(bench2);
  const once = /* @__PURE__ */ __name((parts) => {
    let ended = 0;
    const started = clock();
    return new Promise((resolve5) => {
      parts.fn(() => {
        ended = clock();
        resolve5(ended - started);
      });
    });
  }, "once");
  return {
    name,
    async slice(ms) {
      const parts = start();
      let ops = 0;
      let totalMs = 0;
      const end = clock() + ms;
      do {
        totalMs += await once(parts);
        ops++;
      } while (totalMs < ms && clock() < end);
      parts.teardown();
      return { ops, totalNs: totalMs * 1e6 };
    },
    async callOnce() {
      const parts = start();
      await once(parts);
      parts.teardown();
    }
  };
}
__name(deferredTask, "deferredTask");
function benchmarkTask(name, bench2, Benchmark, options2) {
  if (bench2.defer) return deferredTask(name, bench2);
  const decompiled = typeof bench2.fn === "string" || bench2.setup !== Benchmark.options.setup || bench2.teardown !== Benchmark.options.teardown;
  if (decompiled) {
    let compiled;
    const calibration = { size: 1 };
    const loop = /* @__PURE__ */ __name((n) => {
      compiled ??= compiledLoop(bench2);
      return compiled.call(bench2, bench2, n, clock).elapsed;
    }, "loop");
    return {
      name,
      slice: /* @__PURE__ */ __name((ms) => timeCounted(loop, ms, calibration), "slice"),
      callOnce: /* @__PURE__ */ __name(async () => {
        loop(1);
      }, "callOnce")
    };
  }
  const bound = bench2.fn.bind(bench2);
  return {
    name,
    slice: callTimer(bound, options2),
    async callOnce() {
      bound();
    }
  };
}
__name(benchmarkTask, "benchmarkTask");
var benchmarkjs = {
  name: "benchmark.js",
  claims: /* @__PURE__ */ __name((file) => scriptHarnessOf(file) === "benchmark", "claims"),
  async load(file, options2) {
    checkHarnessVersion(file, "benchmark");
    ensureTypeScript(file);
    const Benchmark = patch2(file);
    const registered2 = { suites: [], singles: [] };
    current2 = registered2;
    try {
      await importScript(file);
    } finally {
      current2 = void 0;
    }
    const found = [];
    const nameOf = /* @__PURE__ */ __name((b) => b.name || `<Test #${b.id ?? found.length + 1}>`, "nameOf");
    for (const suite of registered2.suites) {
      for (let i = 0; i < suite.length; i++) {
        const bench2 = suite[i];
        if (bench2) found.push({ name: identity(suite.name, nameOf(bench2)), bench: bench2 });
      }
    }
    for (const bench2 of registered2.singles) found.push({ name: identity(void 0, nameOf(bench2)), bench: bench2 });
    const names = uniqueNames(found.map((f) => f.name));
    return { tasks: found.map((f, i) => benchmarkTask(names[i] ?? f.name, f.bench, Benchmark, options2)) };
  }
};

// src/measure/child/harness/mitata.ts
import { mkdtempSync, readFileSync as readFileSync4, rmSync, writeFileSync } from "node:fs";
import Module, { register as register3 } from "node:module";
import { tmpdir } from "node:os";
import { dirname as dirname6, join as join5 } from "node:path";
import { fileURLToPath as fileURLToPath2, pathToFileURL as pathToFileURL4 } from "node:url";

// src/measure/child/harness/mitata-hooks.ts
var MITATA_ENTRY = /[\\/]mitata[\\/]src[\\/]main\.mjs$/;
var RUN = /export\s+async\s+function\s+run\s*\(([^)]*)\)\s*\{/;
var LIST = /\blet\s+COLLECTIONS\s*=/;
var KEY = "Symbol.for('flamegate.mitata')";
function instrumentMitata(source) {
  if (!RUN.test(source) || !LIST.test(source)) return void 0;
  const run = source.replace(
    RUN,
    (whole) => `${whole} const fg$flamegate = globalThis[${KEY}]; if (fg$flamegate) return fg$flamegate.run();`
  );
  const take = `
;globalThis[${KEY}]?.instance({ take() { const taken = COLLECTIONS; COLLECTIONS = [{ id: 0, name: null, types: [], trials: [] }]; return taken; } });
`;
  return run + take;
}
__name(instrumentMitata, "instrumentMitata");

// src/measure/child/harness/mitata.ts
var instances = [];
var hooked = false;
function hook() {
  if (hooked) return;
  hooked = true;
  globalThis[/* @__PURE__ */ Symbol.for("flamegate.mitata")] = {
    instance: /* @__PURE__ */ __name((instance) => instances.push(instance), "instance"),
    run: /* @__PURE__ */ __name(() => {
      scriptRan();
      return never();
    }, "run")
  };
  const here = dirname6(fileURLToPath2(import.meta.url));
  register3(pathToFileURL4(join5(here, "mitata-hooks.js")).href);
  const cjs = Module;
  const resolveFilename = cjs._resolveFilename;
  cjs._resolveFilename = function(request, ...rest) {
    const resolved = resolveFilename.call(this, request, ...rest);
    return MITATA_ENTRY.test(resolved) ? instrumentedCopy(resolved) ?? resolved : resolved;
  };
}
__name(hook, "hook");
var copies = /* @__PURE__ */ new Map();
var copiesDir;
function instrumentedCopy(entry) {
  if (!copies.has(entry)) {
    const source = instrumentMitata(readFileSync4(entry, "utf8"));
    let copy;
    if (source !== void 0) {
      if (!copiesDir) {
        const dir = mkdtempSync(join5(tmpdir(), "flamegate-mitata-"));
        copiesDir = dir;
        process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
      }
      copy = join5(copiesDir, `main-${copies.size}.mjs`);
      const absolute = source.replace(
        /(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.\.?\/[^'"]+)\2/g,
        (_, lead, quote, rel) => `${lead}${quote}${pathToFileURL4(join5(dirname6(entry), rel)).href}${quote}`
      );
      writeFileSync(copy, absolute);
    }
    copies.set(entry, copy);
  }
  return copies.get(entry);
}
__name(instrumentedCopy, "instrumentedCopy");
var GeneratorFunction = function* () {
}.constructor;
var AsyncGeneratorFunction = async function* () {
}.constructor;
function kindOf(f) {
  if (typeof f !== "function") return void 0;
  if (f instanceof GeneratorFunction || f instanceof AsyncGeneratorFunction) return "yield";
  return f.length === 0 ? "fn" : "iter";
}
__name(kindOf, "kindOf");
function combinations(args) {
  const names = Object.keys(args);
  if (names.length === 0) return [{}];
  const out = [];
  const offsets = names.map(() => 0);
  const total = names.reduce((n, name) => n * (args[name]?.length ?? 0), 1);
  for (let o = 0; o < total; o++) {
    out.push(Object.fromEntries(names.map((name, i2) => [name, args[name]?.[offsets[i2] ?? 0]])));
    let i = 0;
    do {
      offsets[i] = ((offsets[i] ?? 0) + 1) % (args[names[i] ?? ""]?.length ?? 1);
    } while (offsets[i++] === 0 && i < names.length);
  }
  return out;
}
__name(combinations, "combinations");
function displayName(name, params) {
  let out = name;
  for (const [k, v] of Object.entries(params)) out = out.replaceAll(`$${k}`, String(v));
  return out;
}
__name(displayName, "displayName");
function callableOf(value) {
  if (kindOf(value) === "fn") return { call: value, params: [] };
  const yielded = value;
  if (yielded && typeof yielded === "object" && yielded.manual !== void 0)
    throw new Error(
      "mitata's manual timing (a yielded `manual`) is not supported: flamegate times every call itself"
    );
  if (!yielded || typeof yielded.bench !== "function")
    throw new TypeError(
      "expected benchmarkable yield from generator (a function, or an object with `bench`)"
    );
  const call = yielded.bench;
  const params = Array.from({ length: call.length }, (_, i) => {
    const p = yielded[i];
    if (typeof p !== "function") throw new TypeError("expected function for benchmark parameter");
    return p;
  });
  return { call, params };
}
__name(callableOf, "callableOf");
async function prepared(c) {
  const values = [];
  for (const p of c.params) values.push(await p());
  return values;
}
__name(prepared, "prepared");
function timerFor(c, options2) {
  return callTimer(c.call, options2, c.params.length > 0 ? () => prepared(c) : void 0);
}
__name(timerFor, "timerFor");
function iterLoop(f, params) {
  return (n) => {
    let i = 0;
    let started = 0;
    let ended = 0;
    const steps = {
      next() {
        if (i === 0) started = clock();
        if (i++ < n) return { value: void 0, done: false };
        ended = clock();
        return { value: void 0, done: true };
      }
    };
    const state2 = {
      [Symbol.iterator]: () => steps,
      [Symbol.asyncIterator]: () => steps,
      get: /* @__PURE__ */ __name((name) => params[name], "get")
    };
    const finish = /* @__PURE__ */ __name(() => {
      if (i === 0) throw new Error("the benchmark never iterated over its state (`for (const _ of state)`)");
      return (ended || clock()) - started;
    }, "finish");
    const result = f(state2);
    return isThenable(result) ? Promise.resolve(result).then(finish) : finish();
  };
}
__name(iterLoop, "iterLoop");
function mitataTask(name, b, params, options2) {
  const kind = kindOf(b.f);
  const ctx = { get: /* @__PURE__ */ __name((key) => params[key], "get") };
  if (kind === "iter") {
    const loop = iterLoop(b.f, params);
    const calibration = { size: 1 };
    return {
      name,
      slice: /* @__PURE__ */ __name((ms) => timeCounted(loop, ms, calibration), "slice"),
      callOnce: /* @__PURE__ */ __name(async () => {
        await loop(1);
      }, "callOnce")
    };
  }
  if (kind === "yield") {
    let running;
    const start = /* @__PURE__ */ __name(async () => {
      const gen = b.f(ctx);
      const first = await gen.next();
      return { gen, callable: callableOf(first.value) };
    }, "start");
    return {
      name,
      async slice(ms) {
        if (!running) {
          const { gen, callable: callable2 } = await start();
          running = { gen, time: timerFor(callable2, options2) };
        }
        return running.time(ms);
      },
      async callOnce() {
        const { gen, callable: callable2 } = await start();
        const result = callable2.call(...await prepared(callable2));
        if (isThenable(result)) await result;
        await gen.next();
      },
      async dispose() {
        const gen = running?.gen;
        running = void 0;
        if (gen) await gen.next();
      }
    };
  }
  const callable = { call: b.f, params: [] };
  return {
    name,
    slice: timerFor(callable, options2),
    async callOnce() {
      const result = b.f();
      if (isThenable(result)) await result;
    }
  };
}
__name(mitataTask, "mitataTask");
var mitata = {
  name: "mitata",
  claims: /* @__PURE__ */ __name((file) => scriptHarnessOf(file) === "mitata", "claims"),
  async load(file, options2) {
    checkHarnessVersion(file, "mitata");
    ensureTypeScript(file);
    hook();
    await importScript(file);
    const collections = instances.flatMap((i) => i.take());
    if (instances.length === 0)
      throw new Error(
        "flamegate could not read this file's mitata benchmarks: the mitata it imports is not laid out as mitata 1.x's (src/main.mjs)"
      );
    const found = [];
    for (const collection of collections) {
      const group = typeof collection.name === "string" && collection.name ? collection.name : void 0;
      for (const bench2 of collection.trials) {
        if (!kindOf(bench2.f)) continue;
        for (const params of combinations(bench2._args ?? {}))
          found.push({
            name: identity(group, displayName(String(bench2._name), params), params),
            bench: bench2,
            params
          });
      }
    }
    const names = uniqueNames(found.map((f) => f.name));
    return { tasks: found.map((f, i) => mitataTask(names[i] ?? f.name, f.bench, f.params, options2)) };
  }
};

// src/measure/child/vitest/load.ts
import { existsSync as existsSync6, readFileSync as readFileSync6 } from "node:fs";
import { basename as basename2, dirname as dirname9, join as join8, relative as relative3 } from "node:path";
import { pathToFileURL as pathToFileURL10 } from "node:url";
import { runInThisContext } from "node:vm";

// src/measure/child/executed.ts
import { realpathSync as realpathSync2 } from "node:fs";
import { fileURLToPath as fileURLToPath3 } from "node:url";
var moduleRunnerScripts = /* @__PURE__ */ new Map();
var EXPORT_GETTER = /__vite_ssr_exportName__\(\s*"[^"]*"\s*,\s*\(\)\s*=>\s*\{[^\n]*?\}\s*\)|configurable:\s*true,\s*get\s*\(\s*\)\s*\{[^\n]*?\}/g;
function rememberModuleRunnerScript(filename, head, code, length) {
  const exportGetters = [];
  for (const match of code.matchAll(EXPORT_GETTER))
    exportGetters.push([head + match.index, head + match.index + match[0].length]);
  moduleRunnerScripts.set(filename, { end: length, exportGetters });
}
__name(rememberModuleRunnerScript, "rememberModuleRunnerScript");
function scriptPath(url) {
  if (url.startsWith("file://")) {
    try {
      return fileURLToPath3(url.replace(/[?#].*$/, ""));
    } catch {
      return void 0;
    }
  }
  if (url.startsWith("/") || /^[A-Za-z]:[\\/]/.test(url)) return url.replace(/[?#].*$/, "");
  return void 0;
}
__name(scriptPath, "scriptPath");
function changedFilesRun(scripts, changed, realpath, runnerScript = (url) => moduleRunnerScripts.get(url)) {
  const ran = /* @__PURE__ */ new Set();
  for (const script of scripts) {
    const path = scriptPath(script.url);
    if (!path) continue;
    const real = realpath(path);
    if (!changed.has(real) || ran.has(real)) continue;
    const added = runnerScript(script.url);
    const called = script.functions.some((f) => {
      const range = f.ranges[0];
      if (!range || range.count === 0 || range.startOffset === 0 || range.endOffset === added?.end)
        return false;
      return !added?.exportGetters.some(([from, to]) => range.startOffset >= from && range.startOffset < to);
    });
    if (called) ran.add(real);
  }
  return [...ran].sort();
}
__name(changedFilesRun, "changedFilesRun");
var ExecutionRecorder = class {
  static {
    __name(this, "ExecutionRecorder");
  }
  session;
  real = /* @__PURE__ */ new Map();
  changed;
  constructor(changed) {
    this.changed = new Set(changed.map((p) => this.realpath(p)));
  }
  /** The changed files (real paths) among `reached`: what a file's benchmarks are run for. */
  changedAmong(reached) {
    return reached.filter((f) => this.changed.has(this.realpath(f)));
  }
  /**
   * Runs `work` (every benchmark of a file called once) and returns the changed files it called into.
   * Precise coverage starts at the first call: the loads before it need not pay for the counting.
   */
  async record(work) {
    if (!this.session) {
      const { Session: InspectorSession } = await import("node:inspector/promises");
      this.session = new InspectorSession();
      this.session.connect();
      await this.session.post("Profiler.enable");
      await this.session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
    }
    await this.session.post("Profiler.takePreciseCoverage");
    await work();
    const { result } = await this.session.post("Profiler.takePreciseCoverage");
    return changedFilesRun(result, this.changed, (p) => this.realpath(p));
  }
  realpath(path) {
    let real = this.real.get(path);
    if (real === void 0) {
      try {
        real = realpathSync2(path);
      } catch {
        real = path;
      }
      this.real.set(path, real);
    }
    return real;
  }
};

// src/measure/child/module-graph.ts
import { realpathSync as realpathSync3 } from "node:fs";
import { createRequire as createRequire4, register as register4 } from "node:module";
import { dirname as dirname7, join as join6 } from "node:path";
import { fileURLToPath as fileURLToPath4, pathToFileURL as pathToFileURL5 } from "node:url";
import { MessageChannel } from "node:worker_threads";

// src/measure/child/graph-hooks.ts
var FLUSH_PREFIX = "flamegate-graph-flush:";

// src/measure/child/module-graph.ts
var FLUSH_TIMEOUT_MS = 5e3;
var ModuleGraph = class _ModuleGraph {
  constructor(port) {
    this.port = port;
  }
  port;
  static {
    __name(this, "ModuleGraph");
  }
  /** Absolute path → the absolute paths its imports resolved to. */
  edges = /* @__PURE__ */ new Map();
  flushed = /* @__PURE__ */ new Map();
  flushes = 0;
  /** False once an edge may have been missed: then no reach is reported (the parent measures all). */
  complete = true;
  /** Starts recording; undefined when Node refuses the hooks (then nothing can be said about reach). */
  static start() {
    try {
      const { port1, port2 } = new MessageChannel();
      const graph = new _ModuleGraph(port1);
      port1.on(
        "message",
        (message) => graph.onMessage(message)
      );
      port1.unref();
      const here = dirname7(fileURLToPath4(import.meta.url));
      register4(pathToFileURL5(join6(here, "graph-hooks.js")).href, {
        data: { port: port2 },
        transferList: [port2]
      });
      return graph;
    } catch {
      return void 0;
    }
  }
  onMessage(message) {
    if (message.flush !== void 0) {
      this.flushed.get(message.flush)?.();
      return;
    }
    if (message.from && message.to) this.add(fileURLToPath4(message.from), fileURLToPath4(message.to));
  }
  add(from, to) {
    let children = this.edges.get(from);
    if (!children) this.edges.set(from, children = /* @__PURE__ */ new Set());
    children.add(to);
  }
  /** Waits until every edge resolved so far has arrived from the hooks thread. */
  async settle() {
    if (!this.complete) return;
    const id = String(++this.flushes);
    this.port.ref();
    const arrived = new Promise((resolve5) => {
      this.flushed.set(id, () => resolve5(true));
      setTimeout(() => resolve5(false), FLUSH_TIMEOUT_MS).unref();
    });
    try {
      await import(`${FLUSH_PREFIX}${id}`);
      if (!await arrived) this.complete = false;
    } catch {
      this.complete = false;
    } finally {
      this.flushed.delete(id);
      this.port.unref();
    }
  }
  /**
   * Every file `file`'s imports reached (itself included), real paths; `also` adds edges recorded
   * elsewhere (Vite's module graph). Undefined when the recording may have missed an import.
   */
  reachedFrom(file, also = []) {
    if (!this.complete) return void 0;
    this.addCommonJsEdges();
    for (const [from, to] of also) this.add(from, to);
    const reached = /* @__PURE__ */ new Set([realPath(file), file]);
    const queue = [...reached];
    for (let next = queue.pop(); next !== void 0; next = queue.pop())
      for (const child of this.edges.get(next) ?? [])
        if (!reached.has(child)) {
          reached.add(child);
          queue.push(child);
        }
    return [...reached].sort();
  }
  /** Every file the process loaded through an import: what some module, not only a benchmark file, reached. */
  loaded() {
    this.addCommonJsEdges();
    const files = /* @__PURE__ */ new Set();
    for (const [from, children] of this.edges) {
      files.add(from);
      for (const child of children) files.add(child);
    }
    return [...files].sort();
  }
  addCommonJsEdges() {
    const cache = createRequire4(import.meta.url).cache;
    for (const module3 of Object.values(cache))
      for (const child of module3?.children ?? [])
        if (module3?.filename && child.filename) this.add(module3.filename, child.filename);
  }
};
function realPath(file) {
  try {
    return realpathSync3(file);
  } catch {
    return file;
  }
}
__name(realPath, "realPath");
function viteModuleEdges({ runner, server }) {
  const edges = [];
  const evaluated = runner?.evaluatedModules?.idToModuleMap;
  if (evaluated) {
    for (const node of evaluated.values())
      for (const id of node.imports ?? []) {
        const to = evaluated.get(id)?.file;
        if (node.file && to) edges.push([node.file, to]);
      }
    return edges;
  }
  const modules = server?.moduleGraph?.idToModuleMap;
  if (!modules) return void 0;
  for (const node of modules.values())
    for (const child of [...node.importedModules ?? [], ...node.ssrImportedModules ?? []])
      if (node.file && child.file) edges.push([node.file, child.file]);
  return edges;
}
__name(viteModuleEdges, "viteModuleEdges");

// src/measure/child/source-maps.ts
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync as realpathSync4, statSync } from "node:fs";
import { Session } from "node:inspector";
import { findSourceMap, SourceMap } from "node:module";
import { sep } from "node:path";
import { fileURLToPath as fileURLToPath5, pathToFileURL as pathToFileURL6 } from "node:url";
var SOURCE_MAP_LIMITS = {
  /** A map's JSON (a .map file, or an inline data URL once decoded). */
  mapBytes: 16 * 1024 * 1024,
  /**
   * A map's `mappings`: Node's SourceMap keeps about 27 bytes of heap per character, held for the
   * rest of the process, so the measured code shares its heap with at most a few hundred MB of it.
   */
  mappingsChars: 2 * 1024 * 1024,
  /** All maps' `mappings` in one process. */
  totalMappingsChars: 8 * 1024 * 1024
};
function sourceMappingUrl(code) {
  const text = code.trimEnd();
  const last = text.slice(text.lastIndexOf("\n") + 1);
  const match = /^\s*\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/.exec(last);
  return match?.[1];
}
__name(sourceMappingUrl, "sourceMappingUrl");
function dataUrlText(url, maxBytes = SOURCE_MAP_LIMITS.mapBytes) {
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || comma < 0) return void 0;
  const meta = url.slice(5, comma);
  const data = url.slice(comma + 1);
  if (!/^application\/json\b/i.test(meta)) return void 0;
  if (/;base64$/i.test(meta)) {
    if (data.length * 3 / 4 > maxBytes) return void 0;
    return Buffer.from(data, "base64").toString("utf8");
  }
  if (data.length > maxBytes) return void 0;
  try {
    return decodeURIComponent(data);
  } catch {
    return void 0;
  }
}
__name(dataUrlText, "dataUrlText");
function isInside(path, root) {
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  return path === root || path.startsWith(prefix);
}
__name(isInside, "isInside");
function isOwnCode(path, root) {
  return !path.slice(root.length).split(sep).includes("node_modules");
}
__name(isOwnCode, "isOwnCode");
function parseSourceMap(text, mapUrl, root, budget = { chars: SOURCE_MAP_LIMITS.totalMappingsChars }) {
  if (text.length > SOURCE_MAP_LIMITS.mapBytes) return void 0;
  try {
    return sourceMapOf(JSON.parse(text), mapUrl, root, budget);
  } catch {
    return void 0;
  }
}
__name(parseSourceMap, "parseSourceMap");
function sourceMapOf(raw, mapUrl, root, budget = { chars: SOURCE_MAP_LIMITS.totalMappingsChars }) {
  const json = raw;
  if (!json || typeof json !== "object" || json.version !== 3) return void 0;
  if (typeof json.mappings !== "string" || !Array.isArray(json.sources)) return void 0;
  const chars = json.mappings.length;
  if (chars > SOURCE_MAP_LIMITS.mappingsChars || chars > budget.chars) return void 0;
  const sourceRoot = typeof json.sourceRoot === "string" && json.sourceRoot ? json.sourceRoot : "";
  const prefix = sourceRoot && !sourceRoot.endsWith("/") ? `${sourceRoot}/` : sourceRoot;
  const sources2 = json.sources.map((source) => resolveSource(source, prefix, mapUrl, root));
  let map;
  try {
    map = new SourceMap({
      version: 3,
      file: "",
      sources: sources2,
      sourcesContent: [],
      sourceRoot: "",
      names: [],
      mappings: json.mappings
    });
  } catch {
    return void 0;
  }
  budget.chars -= chars;
  return { map, sources: sources2 };
}
__name(sourceMapOf, "sourceMapOf");
function resolveSource(source, prefix, mapUrl, root) {
  if (typeof source !== "string" || !source) return "";
  try {
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(source) || source.startsWith("/");
    const url = new URL(absolute ? source : prefix + source, mapUrl);
    if (url.protocol !== "file:") return "";
    const path = fileURLToPath5(url);
    return isInside(path, root) && isOwnCode(path, root) ? path : "";
  } catch {
    return "";
  }
}
__name(resolveSource, "resolveSource");
function originalLine(parsed, line, column) {
  const { map } = parsed;
  let entry = entryOnLine(map, line, Math.max(0, column));
  if (!entry) {
    const last = entryOnLine(map, line, 2 ** 31 - 1);
    if (!last) return void 0;
    let low = Math.max(0, column) + 1;
    let high = Math.max(low, last.generatedColumn);
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (entryOnLine(map, line, middle)) high = middle;
      else low = middle + 1;
    }
    entry = entryOnLine(map, line, low);
  }
  if (!entry) return void 0;
  const file = typeof entry.originalSource === "string" ? entry.originalSource : "";
  const original = entry.originalLine;
  if (!file || !parsed.sources.includes(file) || !Number.isInteger(original) || original < 0)
    return void 0;
  return { file, line: original + 1 };
}
__name(originalLine, "originalLine");
function entryOnLine(map, line, column) {
  let entry;
  try {
    entry = map.findEntry(line, column);
  } catch {
    return void 0;
  }
  return entry && entry.generatedLine === line ? entry : void 0;
}
__name(entryOnLine, "entryOnLine");
var parsedScripts;
function parsedScriptMapUrl(file, scriptUrl) {
  if (!parsedScripts || !(parsedScripts.has(file) || parsedScripts.has(scriptUrl)))
    parsedScripts = readParsedScripts();
  return parsedScripts.get(scriptUrl) || parsedScripts.get(file) || void 0;
}
__name(parsedScriptMapUrl, "parsedScriptMapUrl");
function readParsedScripts() {
  const scripts = /* @__PURE__ */ new Map();
  let session;
  try {
    session = new Session();
    session.connect();
    session.on("Debugger.scriptParsed", ({ params }) => {
      const mapUrl = typeof params.sourceMapURL === "string" ? params.sourceMapURL : "";
      scripts.set(params.url, mapUrl);
      if (params.url.startsWith("file:")) scripts.set(toPath(params.url), mapUrl);
    });
    session.post("Debugger.enable");
    session.post("Debugger.disable");
  } catch {
  } finally {
    session?.disconnect();
  }
  return scripts;
}
__name(readParsedScripts, "readParsedScripts");
var compiledModules = /* @__PURE__ */ new Map();
function rememberCompiledModule(file, code, firstLineShift) {
  const mapUrl = sourceMappingUrl(code);
  if (mapUrl) compiledModules.set(file, { mapUrl, firstLineShift });
}
__name(rememberCompiledModule, "rememberCompiledModule");
var SourceMapper = class {
  static {
    __name(this, "SourceMapper");
  }
  roots;
  maps = /* @__PURE__ */ new Map();
  budget = { chars: SOURCE_MAP_LIMITS.totalMappingsChars };
  constructor(roots2) {
    this.roots = roots2.filter((r) => r.startsWith(sep)).sort((a, b) => b.length - a.length);
  }
  mappingInfo(location) {
    const found = this.map({ file: location.file, line: location.line - 1, column: location.column - 1 });
    return found ? { ...location, file: found.file, line: found.line + 1 } : location;
  }
  /**
   * The source position of a generated one (0-based; the source column is not kept, column 0), or
   * undefined when none is known.
   */
  map(position) {
    const file = toPath(position.file);
    const root = this.roots.find((r) => isInside(file, r));
    if (!root || !isOwnCode(file, root)) return void 0;
    const parsed = this.mapOf(file, root);
    if (!parsed) return void 0;
    const shift = position.line === 0 ? compiledModules.get(file)?.firstLineShift ?? 0 : 0;
    const found = originalLine(parsed, position.line, position.column - shift);
    return found ? { file: found.file, line: found.line - 1, column: 0 } : void 0;
  }
  mapOf(file, root) {
    let parsed = this.maps.get(file);
    if (parsed === void 0) {
      try {
        parsed = this.load(file, root) ?? null;
      } catch {
        parsed = null;
      }
      this.maps.set(file, parsed);
    }
    return parsed ?? void 0;
  }
  load(file, root) {
    const scriptUrl = pathToFileURL6(file).href;
    const compiled = compiledModules.get(file);
    if (compiled) return this.fromUrl(compiled.mapUrl, scriptUrl, root);
    const cached = findSourceMap(file) ?? findSourceMap(scriptUrl);
    if (cached) return sourceMapOf(cached.payload, scriptUrl, root, this.budget);
    const compiledUrl = parsedScriptMapUrl(file, scriptUrl);
    if (compiledUrl) return this.fromUrl(compiledUrl, scriptUrl, root);
    if (!isInside(realpathSync4(file), realpathSync4(root))) return void 0;
    const tail = readTail(file, Math.ceil(SOURCE_MAP_LIMITS.mapBytes * 4 / 3) + 4096);
    const url = tail === void 0 ? void 0 : sourceMappingUrl(tail);
    return url ? this.fromUrl(url, scriptUrl, root) : void 0;
  }
  fromUrl(url, scriptUrl, root) {
    if (url.startsWith("data:")) {
      const text2 = dataUrlText(url);
      return text2 === void 0 ? void 0 : parseSourceMap(text2, scriptUrl, root, this.budget);
    }
    const mapUrl = new URL(url, scriptUrl);
    if (mapUrl.protocol !== "file:") return void 0;
    const path = fileURLToPath5(mapUrl);
    if (!isInside(path, root) || !isInside(realpathSync4(path), realpathSync4(root))) return void 0;
    const text = readTail(path, SOURCE_MAP_LIMITS.mapBytes, true);
    return text === void 0 ? void 0 : parseSourceMap(text, mapUrl.href, root, this.budget);
  }
};
function readTail(path, maxBytes, whole = false) {
  if (!statSync(path).isFile()) return void 0;
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || whole && stats.size > maxBytes) return void 0;
    const length = Math.min(stats.size, maxBytes);
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, stats.size - length + read);
      if (n === 0) break;
      read += n;
    }
    return bytes.toString("utf8", 0, read);
  } finally {
    closeSync(fd);
  }
}
__name(readTail, "readTail");
function toPath(file) {
  if (!file.startsWith("file:")) return file;
  try {
    return fileURLToPath5(file);
  } catch {
    return file;
  }
}
__name(toPath, "toPath");

// src/measure/child/vitest/collect.ts
var state;
function active(what) {
  if (!state) throw new Error(`vitest's ${what}() was called outside flamegate's collection of a bench file`);
  return state;
}
__name(active, "active");
function newSuite(name, mode, only, parent, factory) {
  return { kind: "suite", name, mode, only, parent, factory, children: [], beforeAll: [], beforeEach: [] };
}
__name(newSuite, "newSuite");
function formatName(name) {
  if (typeof name === "string") return name;
  if (typeof name === "function") return name.name || "<anonymous>";
  return String(name);
}
__name(formatName, "formatName");
function formatEachName(template, row, index) {
  const args = Array.isArray(row) ? [...row] : [row];
  let name = template.replace(/%[sdifjo#%]/g, (token) => {
    if (token === "%%") return "%";
    if (token === "%#") return String(index);
    const value = args.shift();
    if (token === "%j" || token === "%o") return JSON.stringify(value);
    return String(value);
  });
  if (row && typeof row === "object" && !Array.isArray(row)) {
    name = name.replace(/\$([A-Za-z_][\w.]*)/g, (whole, key) => {
      const value = key.split(".").reduce((v, k) => v?.[k], row);
      return value === void 0 ? whole : String(value);
    });
  }
  return name;
}
__name(formatEachName, "formatEachName");
function chainable(declare, flags = { mode: "run", only: false }) {
  const call = /* @__PURE__ */ __name((name, a, b) => declare(flags, name, a, b), "call");
  const api = call;
  const withFlags = /* @__PURE__ */ __name((next) => chainable(declare, { ...flags, ...next }), "withFlags");
  Object.defineProperties(api, {
    skip: { get: /* @__PURE__ */ __name(() => withFlags({ mode: "skip" }), "get") },
    only: { get: /* @__PURE__ */ __name(() => withFlags({ only: true }), "get") },
    todo: { get: /* @__PURE__ */ __name(() => withFlags({ mode: "todo" }), "get") },
    concurrent: { get: /* @__PURE__ */ __name(() => api, "get") },
    sequential: { get: /* @__PURE__ */ __name(() => api, "get") },
    shuffle: { get: /* @__PURE__ */ __name(() => api, "get") },
    fails: { get: /* @__PURE__ */ __name(() => api, "get") }
  });
  api.skipIf = (condition) => condition ? withFlags({ mode: "skip" }) : api;
  api.runIf = (condition) => condition ? api : withFlags({ mode: "skip" });
  api.each = (table) => (name, a, b) => {
    const fnFirst = typeof a === "function";
    table.forEach((row, index) => {
      const fn = fnFirst ? a : b;
      const bound = fn ? (...rest) => fn(...Array.isArray(row) ? row : [row], ...rest) : void 0;
      const title = formatEachName(formatName(name), row, index);
      if (fnFirst) declare(flags, title, bound, b);
      else declare(flags, title, a, bound);
    });
  };
  api.for = (table) => (name, a, b) => {
    const fnFirst = typeof a === "function";
    table.forEach((row, index) => {
      const fn = fnFirst ? a : b;
      const bound = fn ? (...rest) => fn(row, ...rest) : void 0;
      const title = formatEachName(formatName(name), row, index);
      if (fnFirst) declare(flags, title, bound, b);
      else declare(flags, title, a, bound);
    });
  };
  return api;
}
__name(chainable, "chainable");
function splitArgs(a, b) {
  if (typeof a === "function") return { fn: a, options: b && typeof b === "object" ? { ...b } : {} };
  if (typeof b === "function") return { fn: b, options: a && typeof a === "object" ? { ...a } : {} };
  return { options: a && typeof a === "object" ? { ...a } : {} };
}
__name(splitArgs, "splitArgs");
function modeFromOptions(flags, options2) {
  let { mode, only } = flags;
  if (options2.skip === true) mode = "skip";
  if (options2.todo === true) mode = "todo";
  if (options2.only === true) only = true;
  return { mode, only };
}
__name(modeFromOptions, "modeFromOptions");
var describe3 = chainable((flags, name, a, b) => {
  const s = active("describe");
  const { fn, options: options2 } = splitArgs(a, b);
  const { mode, only } = modeFromOptions(flags, options2);
  s.current.children.push(newSuite(formatName(name), fn ? mode : "todo", only, s.current, fn));
});
var bench = chainable((flags, name, a, b) => {
  const s = active("bench");
  if (s.api === "bench-fixture") {
    throw new Error(
      `this file calls the top-level bench() of Vitest 3/4, but the installed vitest is ${s.vitestVersion}, where bench is a test fixture: test('…', async ({ bench }) => { await bench('…', fn).run() })`
    );
  }
  const fn = typeof a === "function" ? a : void 0;
  const options2 = fn && b && typeof b === "object" ? { ...b } : {};
  const node = {
    kind: "bench",
    name: formatName(name),
    mode: fn || flags.mode !== "run" ? flags.mode : "todo",
    only: flags.only,
    parent: s.current,
    fn,
    options: options2
  };
  s.current.children.push(node);
});
function makeTest(fixtures) {
  const api = chainable((flags, name, a, b) => {
    const s = active("test");
    const { fn, options: options2 } = splitArgs(a, b);
    const { mode, only } = modeFromOptions(flags, options2);
    const node = {
      kind: "test",
      name: formatName(name),
      mode: fn ? mode : "todo",
      only,
      fn,
      fixtures
    };
    node.parent = s.current;
    s.current.children.push(node);
  });
  api.extend = (more) => makeTest([...fixtures, more]);
  return api;
}
__name(makeTest, "makeTest");
var test = makeTest([]);
async function setupFixtures(fixtures, context) {
  for (const set of fixtures) {
    for (const [key, value] of Object.entries(set)) {
      const fixture = Array.isArray(value) ? value[0] : value;
      if (typeof fixture !== "function") {
        context[key] = fixture;
        continue;
      }
      await new Promise((resolve5, reject) => {
        const use = /* @__PURE__ */ __name((v) => {
          context[key] = v;
          resolve5();
          return new Promise(() => void 0);
        }, "use");
        Promise.resolve(fixture(context, use)).then(() => resolve5(), reject);
      });
    }
  }
}
__name(setupFixtures, "setupFixtures");
function hook2(kind) {
  return (fn) => {
    const s = active(kind);
    if (kind !== "ignored" && typeof fn === "function") s.current[kind].push(fn);
  };
}
__name(hook2, "hook");
function inert() {
  const target = /* @__PURE__ */ __name(() => void 0, "target");
  const proxy = new Proxy(target, {
    get: /* @__PURE__ */ __name((_t, key) => {
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === "then") return void 0;
      if (key === Symbol.iterator) return [][Symbol.iterator];
      return proxy;
    }, "get"),
    apply: /* @__PURE__ */ __name(() => proxy, "apply")
  });
  return proxy;
}
__name(inert, "inert");
var vitestApi = {
  bench,
  describe: describe3,
  suite: describe3,
  test,
  it: test,
  beforeAll: hook2("beforeAll"),
  beforeEach: hook2("beforeEach"),
  // Teardown hooks are not run: the collected functions keep running after collection.
  afterAll: hook2("ignored"),
  afterEach: hook2("ignored"),
  onTestFinished: /* @__PURE__ */ __name(() => void 0, "onTestFinished"),
  onTestFailed: /* @__PURE__ */ __name(() => void 0, "onTestFailed"),
  expect: inert(),
  assert: inert(),
  expectTypeOf: inert(),
  assertType: /* @__PURE__ */ __name(() => void 0, "assertType"),
  vi: inert(),
  vitest: inert(),
  inject: /* @__PURE__ */ __name(() => void 0, "inject")
};
var VITEST_EXPORTS = Object.keys(vitestApi);
function included(node, hasOnly) {
  let onlyOnPath = false;
  for (let n = node; n; n = n.parent) {
    if (n.mode !== "run") return false;
    if (n.only) onlyOnPath = true;
  }
  return !hasOnly || onlyOnPath;
}
__name(included, "included");
function pathOf(node) {
  const names = [];
  for (let n = node; n?.parent; n = n.parent) names.unshift(n.name);
  return names;
}
__name(pathOf, "pathOf");
async function collect(api, vitestVersion, body) {
  const root = newSuite("", "run", false);
  state = { api, vitestVersion, root, current: root };
  const out = [];
  try {
    await body();
    const declareSuite = /* @__PURE__ */ __name(async (suite) => {
      if (suite.factory && suite.mode === "run" && state) {
        state.current = suite;
        try {
          await suite.factory();
        } catch (error2) {
          out.push({ name: pathOf(suite).join(" > "), options: {}, error: error2 });
        } finally {
          if (state) state.current = root;
        }
      }
      for (const child of suite.children) if (child.kind === "suite") await declareSuite(child);
    }, "declareSuite");
    await declareSuite(root);
    const all = [];
    const walk = /* @__PURE__ */ __name((n) => {
      all.push(n);
      if (n.kind === "suite") for (const c of n.children) walk(c);
    }, "walk");
    walk(root);
    const hasOnly = all.some((n) => n.only);
    const ran = /* @__PURE__ */ new Set();
    const enter = /* @__PURE__ */ __name(async (node) => {
      const chain = [];
      for (let p = node.parent; p; p = p.parent) chain.unshift(p);
      for (const suite of chain) {
        if (ran.has(suite)) continue;
        ran.add(suite);
        for (const h of suite.beforeAll) await h(suite);
      }
      return chain;
    }, "enter");
    for (const node of all) {
      if (node.kind === "suite" || !included(node, hasOnly)) continue;
      const name = pathOf(node).join(" > ");
      try {
        const chain = await enter(node);
        if (node.kind === "bench") {
          const b = node;
          out.push({ name, fn: b.fn, options: b.options });
        } else if (api === "bench-fixture") {
          await runTest(node, chain, out);
        }
      } catch (error2) {
        out.push({ name, options: {}, error: error2 });
      }
    }
  } finally {
    state = void 0;
  }
  return dedupe(out);
}
__name(collect, "collect");
async function runTest(node, chain, out) {
  const prefix = pathOf(node);
  const record2 = /* @__PURE__ */ __name((reg, options2) => {
    out.push({ name: [...prefix, reg.name].join(" > "), fn: reg.fn, fnOpts: reg.fnOpts, options: options2 });
  }, "record");
  const register6 = /* @__PURE__ */ __name((name, a, b) => {
    const { fn, options: options2 } = splitArgs(a, b);
    const reg = {
      [REGISTRATION]: true,
      name: formatName(name),
      fn,
      fnOpts: options2,
      // `.run(options)` takes Bench options, as the last argument of `compare` does.
      run: /* @__PURE__ */ __name(async (options3) => {
        record2(reg, options3 && typeof options3 === "object" ? { ...options3 } : {});
        return inert();
      }, "run")
    };
    return reg;
  }, "register");
  const benchFixture = register6;
  benchFixture.compare = async (...args) => {
    const last = args.at(-1);
    const shared = last && typeof last === "object" && !(REGISTRATION in last) ? args.pop() : {};
    for (const reg of args) record2(reg, { ...shared });
    return inert();
  };
  const variant = register6;
  const perProject = Object.assign((...a) => variant(...a), {});
  const withBaseline = Object.assign((...a) => variant(...a), { perProject });
  Object.assign(perProject, { withBaseline });
  benchFixture.perProject = perProject;
  benchFixture.withBaseline = withBaseline;
  const controller = new AbortController();
  const context = {
    bench: benchFixture,
    task: { name: node.name, id: prefix.join(" > ") },
    signal: controller.signal,
    expect: inert(),
    skip: /* @__PURE__ */ __name(() => {
      throw new SkipTest();
    }, "skip"),
    onTestFinished: /* @__PURE__ */ __name(() => void 0, "onTestFinished"),
    onTestFailed: /* @__PURE__ */ __name(() => void 0, "onTestFailed"),
    annotate: /* @__PURE__ */ __name(async () => void 0, "annotate")
  };
  await setupFixtures(node.fixtures, context);
  for (const suite of chain) for (const h of suite.beforeEach) await h(context, suite);
  try {
    await node.fn?.(context);
  } catch (error2) {
    if (!(error2 instanceof SkipTest)) throw error2;
  }
}
__name(runTest, "runTest");
var REGISTRATION = /* @__PURE__ */ Symbol("flamegate.vitest.registration");
var SkipTest = class extends Error {
  static {
    __name(this, "SkipTest");
  }
};
function dedupe(benches) {
  const seen2 = /* @__PURE__ */ new Map();
  return benches.map((b) => {
    const n = (seen2.get(b.name) ?? 0) + 1;
    seen2.set(b.name, n);
    return n === 1 ? b : { ...b, name: `${b.name} (${n})` };
  });
}
__name(dedupe, "dedupe");

// src/measure/child/vitest/native.ts
import { register as register5 } from "node:module";
import { pathToFileURL as pathToFileURL7 } from "node:url";
var HOOKS = `let standIn;
export function initialize(data) { standIn = data.standIn; }
export async function resolve(specifier, context, next) {
  if (specifier === 'vitest') return { url: standIn, shortCircuit: true };
  return next(specifier, context);
}`;
var registered = false;
function mapVitestImports(standInSource) {
  if (registered) return;
  register5(`data:text/javascript,${encodeURIComponent(HOOKS)}`, {
    data: { standIn: `data:text/javascript,${encodeURIComponent(standInSource)}` }
  });
  registered = true;
}
__name(mapVitestImports, "mapVitestImports");
var setupRuns = 0;
function importNatively(file, asSetup = false) {
  const url = pathToFileURL7(file).href;
  return asSetup ? import(`${url}?flamegate-setup=${++setupRuns}`) : import(url);
}
__name(importNatively, "importNatively");
function missingFlags(execArgv) {
  const have = new Set(process.execArgv);
  return execArgv.filter((flag) => !have.has(flag));
}
__name(missingFlags, "missingFlags");

// src/measure/child/vitest/projects.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);
import { existsSync as existsSync5, readdirSync, readFileSync as readFileSync5, statSync as statSync2 } from "node:fs";
import { basename, dirname as dirname8, join as join7, relative as relative2, resolve as resolve4 } from "node:path";
import { pathToFileURL as pathToFileURL9 } from "node:url";

// src/measure/child/vitest/settings.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import { isAbsolute, relative, resolve as resolve3 } from "node:path";
import { pathToFileURL as pathToFileURL8 } from "node:url";
var DEFAULT_BENCH_INCLUDE = ["**/*.{bench,benchmark}.?(c|m)[jt]s?(x)"];
var DEFAULT_BENCH_EXCLUDE = ["**/node_modules/**", "**/.git/**"];
var isRecord2 = /* @__PURE__ */ __name((value) => !!value && typeof value === "object" && !Array.isArray(value), "isRecord");
var strings = /* @__PURE__ */ __name((value) => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string");
  return void 0;
}, "strings");
var MODULE_FLAGS = /* @__PURE__ */ new Set(["--import", "--require", "-r", "--loader", "--experimental-loader"]);
function absoluteModule(flag, value, root) {
  if (!value.startsWith("./") && !value.startsWith("../")) return value;
  const path = resolve3(root, value);
  return flag === "--require" || flag === "-r" ? path : pathToFileURL8(path).href;
}
__name(absoluteModule, "absoluteModule");
function absoluteExecArgv(execArgv, root) {
  const out = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!MODULE_FLAGS.has(flag)) {
      out.push(arg);
    } else if (eq > 0) {
      out.push(`${flag}=${absoluteModule(flag, arg.slice(eq + 1), root)}`);
    } else if (i + 1 < execArgv.length) {
      out.push(arg, absoluteModule(flag, execArgv[i + 1], root));
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}
__name(absoluteExecArgv, "absoluteExecArgv");
function mergeTest(base, over) {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = out[key];
    out[key] = isRecord2(before) && isRecord2(value) ? mergeTest(before, value) : value;
  }
  return out;
}
__name(mergeTest, "mergeTest");
function benchProject(config, configDir, fallbackName = ".") {
  const test2 = isRecord2(config.test) ? config.test : {};
  const rootSetting = typeof test2.root === "string" ? test2.root : typeof config.root === "string" ? config.root : void 0;
  const root = rootSetting ? resolve3(configDir, rootSetting) : configDir;
  const dir = typeof test2.dir === "string" ? resolve3(root, test2.dir) : root;
  const benchmark2 = isRecord2(test2.benchmark) ? test2.benchmark : {};
  const experimental = isRecord2(test2.experimental) ? test2.experimental : {};
  const pool = typeof test2.pool === "string" ? test2.pool : "forks";
  const poolOptions = isRecord2(test2.poolOptions) ? test2.poolOptions : {};
  const poolSettings = isRecord2(poolOptions[pool]) ? poolOptions[pool] : {};
  const execArgv = absoluteExecArgv(
    [...strings(test2.execArgv) ?? [], ...strings(poolSettings.execArgv) ?? []],
    root
  );
  const name = typeof test2.name === "string" ? test2.name : isRecord2(test2.name) && typeof test2.name.label === "string" ? test2.name.label : relative(configDir, root) || fallbackName;
  return {
    name,
    root,
    dir,
    include: strings(benchmark2.include) ?? DEFAULT_BENCH_INCLUDE,
    exclude: strings(benchmark2.exclude) ?? DEFAULT_BENCH_EXCLUDE,
    globsSet: benchmark2.include !== void 0 || benchmark2.exclude !== void 0,
    native: experimental.viteModuleRunner === false,
    execArgv,
    setupFiles: (strings(test2.setupFiles) ?? []).map((f) => isAbsolute(f) ? f : resolve3(root, f)),
    define: isRecord2(config.define) ? config.define : {},
    notes: notHonoured(test2, pool, name)
  };
}
__name(benchProject, "benchProject");
function notHonoured(test2, pool, name) {
  const notes = [];
  const say = /* @__PURE__ */ __name((text) => notes.push(`vitest project "${name}": ${text}`), "say");
  if (pool === "vmThreads" || pool === "vmForks")
    say(
      `pool "${pool}" (a VM context per file) is not honoured: flamegate runs bench files in the process's own context`
    );
  else if (pool !== "forks" && pool !== "threads")
    say(`pool "${pool}" is not honoured: flamegate runs bench files in its own processes`);
  const browser = test2.browser;
  if (isRecord2(browser) && browser.enabled === true)
    say("browser mode is not honoured: flamegate runs the bench files in Node");
  if (typeof test2.environment === "string" && test2.environment !== "node")
    say(
      `environment "${test2.environment}" is not honoured: flamegate runs the bench files in plain Node, with no such globals`
    );
  if (test2.runner !== void 0)
    say("the custom runner is not used: flamegate collects describe/bench with its own stand-in for vitest");
  const globalSetup = strings(test2.globalSetup);
  if (globalSetup && globalSetup.length > 0) say(`globalSetup (${globalSetup.join(", ")}) is not run`);
  if (isRecord2(test2.env) && Object.keys(test2.env).length > 0)
    say(`env (${Object.keys(test2.env).slice(0, 5).join(", ")}) is not set for the bench files`);
  const typecheck = test2.typecheck;
  if (isRecord2(typecheck) && typecheck.enabled === true) say("typecheck is not run");
  return notes;
}
__name(notHonoured, "notHonoured");
function isBenchFileOf(project, file) {
  const rel = relative(project.dir, file).split("\\").join("/");
  if (rel.startsWith("../") || isAbsolute(rel)) return false;
  return (0, import_picomatch.default)(project.include, { dot: true })(rel) && !(0, import_picomatch.default)(project.exclude, { dot: true })(rel);
}
__name(isBenchFileOf, "isBenchFileOf");
function projectEntries(entries) {
  if (!Array.isArray(entries)) return [];
  const out = [];
  for (const entry of entries) {
    if (typeof entry === "string") {
      const negated = entry.startsWith("!");
      if (negated) continue;
      out.push(
        import_picomatch.default.scan(entry).isGlob ? { kind: "glob", pattern: entry } : { kind: "path", path: entry }
      );
    } else if (isRecord2(entry)) {
      out.push({ kind: "inline", config: entry });
    }
  }
  return out;
}
__name(projectEntries, "projectEntries");
function inlineProject(root, entry, configDir, index) {
  const own = isRecord2(entry.test) ? entry.test : {};
  const inherited = isRecord2(root.test) ? root.test : {};
  const { projects: _p, workspace: _w, ...shared } = inherited;
  const test2 = entry.extends === true ? mergeTest(shared, own) : own;
  const define = entry.extends === true ? { ...isRecord2(root.define) ? root.define : {}, ...isRecord2(entry.define) ? entry.define : {} } : entry.define;
  return benchProject({ ...entry, define, test: test2 }, configDir, `#${index + 1}`);
}
__name(inlineProject, "inlineProject");

// src/measure/child/vitest/projects.ts
var CONFIG_NAMES = ["vitest.config", "vite.config"].flatMap(
  (base) => ["ts", "mts", "cts", "js", "mjs", "cjs"].map((ext) => `${base}.${ext}`)
);
var WORKSPACE_NAMES = ["ts", "mts", "cts", "js", "mjs", "cjs", "json"].flatMap((ext) => [
  `vitest.workspace.${ext}`,
  `vitest.projects.${ext}`
]);
async function projectsOf(configFile, root, load) {
  const config = configFile ? await load(configFile) : {};
  const configDir = configFile ? dirname8(configFile) : root;
  const entries = await declaredEntries(config, configDir);
  if (entries.length === 0) return [benchProject(config, configDir)];
  const projects2 = [];
  for (const [index, entry] of entries.entries()) {
    if (entry.kind === "inline") projects2.push(inlineProject(config, entry.config, configDir, index));
    else {
      const paths = entry.kind === "path" ? [resolve4(configDir, entry.path)] : expandGlob(configDir, entry.pattern);
      for (const path of paths) projects2.push(await projectAt(path, load));
    }
  }
  return projects2;
}
__name(projectsOf, "projectsOf");
async function declaredEntries(config, configDir) {
  const test2 = config.test ?? {};
  if (Array.isArray(test2.projects)) return projectEntries(test2.projects);
  if (Array.isArray(test2.workspace)) return projectEntries(test2.workspace);
  const file = typeof test2.workspace === "string" ? resolve4(configDir, test2.workspace) : WORKSPACE_NAMES.map((n) => join7(configDir, n)).find((f) => existsSync5(f));
  if (!file) return [];
  let list;
  try {
    list = file.endsWith(".json") ? JSON.parse(readFileSync5(file, "utf8")) : (await import(pathToFileURL9(file).href)).default;
  } catch (error2) {
    throw new Error(`cannot read the vitest workspace file ${file}: ${error2.message}`);
  }
  return projectEntries(list);
}
__name(declaredEntries, "declaredEntries");
async function projectAt(path, load) {
  if (existsSync5(path) && statSync2(path).isDirectory()) {
    const config = CONFIG_NAMES.map((n) => join7(path, n)).find((f) => existsSync5(f));
    return benchProject(config ? await load(config) : {}, path, basename(path));
  }
  return benchProject(await load(path), dirname8(path), basename(dirname8(path)));
}
__name(projectAt, "projectAt");
function expandGlob(dir, pattern) {
  const matches = (0, import_picomatch2.default)(pattern.replace(/^\.\//, ""), { dot: false });
  const found = [];
  const walk = /* @__PURE__ */ __name((folder, depth) => {
    if (depth > 6) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = join7(folder, entry.name);
      const rel = relative2(dir, path).split("\\").join("/");
      if (entry.isDirectory()) {
        if (matches(rel)) found.push(path);
        walk(path, depth + 1);
      } else if (matches(rel) && CONFIG_NAMES.some((n) => entry.name.startsWith(n.replace(/\.[^.]+$/, ".")))) {
        found.push(path);
      }
    }
  }, "walk");
  walk(dir, 0);
  return found;
}
__name(expandGlob, "expandGlob");
function projectForFile(projects2, file, configFile) {
  const found = projects2.find((p) => isBenchFileOf(p, file));
  if (found) return found;
  const only = projects2.length === 1 ? projects2[0] : void 0;
  if (only && !only.globsSet) return only;
  const where = configFile ?? "no vitest config";
  const each = projects2.map(
    (p) => `"${p.name}" includes ${p.include.join(", ")} from ${p.dir}${p.exclude.length > 0 ? ` (exclude ${p.exclude.join(", ")})` : ""}`
  ).join("; ");
  throw new Error(
    `vitest bench would not run this file: it is not a bench file of any project of ${where} (${each}). Add it to benchmark.include there, or leave it out of flamegate's "benchmarks" (or add it to "exclude").`
  );
}
__name(projectForFile, "projectForFile");

// src/measure/child/vitest/load.ts
var VITEST_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]vitest['"]/;
function isVitestBenchFile(file) {
  let source;
  try {
    source = readFileSync6(file, "utf8");
  } catch {
    return false;
  }
  if (VITEST_IMPORT.test(source)) return true;
  return !/tinybench/.test(source) && !/\bexport\s+default\b/.test(source) && /\b(bench|describe)\s*\(/.test(source);
}
__name(isVitestBenchFile, "isVitestBenchFile");
function projectOf(file) {
  let packageRoot;
  for (let dir = dirname9(file); ; dir = dirname9(dir)) {
    const config = CONFIG_NAMES.find((name) => existsSync6(join8(dir, name)));
    if (config) return { root: dir, configFile: join8(dir, config) };
    if (!packageRoot && existsSync6(join8(dir, "package.json"))) packageRoot = dir;
    if (existsSync6(join8(dir, ".git")) || dirname9(dir) === dir) break;
  }
  return { root: packageRoot ?? dirname9(file) };
}
__name(projectOf, "projectOf");
var SUPPORTED = {
  2: "top-level-bench",
  3: "top-level-bench",
  4: "top-level-bench",
  5: "bench-fixture"
};
var VIRTUAL_ID = "\0flamegate:vitest";
var API_KEY = "flamegate.vitest.api";
globalThis[Symbol.for(API_KEY)] = vitestApi;
var VIRTUAL_SOURCE = [
  `const api = globalThis[Symbol.for(${JSON.stringify(API_KEY)})];`,
  ...VITEST_EXPORTS.map((name) => `export const ${name} = api.${name};`),
  "export default api;"
].join("\n");
function collectorPlugin() {
  return {
    name: "flamegate:vitest-stand-in",
    enforce: "pre",
    // vitest's own `test.alias` applies on top of `resolve.alias`. `vitest` must not be left to Node
    // (Vite's SSR externalizes bare imports of installed packages before any plugin sees them).
    config(config) {
      const alias = config.test?.alias;
      return { ssr: { noExternal: ["vitest"] }, ...alias ? { resolve: { alias } } : {} };
    },
    resolveId(id) {
      return id === "vitest" ? VIRTUAL_ID : void 0;
    },
    load(id) {
      return id === VIRTUAL_ID ? VIRTUAL_SOURCE : void 0;
    }
  };
}
__name(collectorPlugin, "collectorPlugin");
async function importEntry(pkg) {
  return await import(pathToFileURL10(pkg.entry).href);
}
__name(importEntry, "importEntry");
async function openProject(root, configFile, file) {
  const vitest2 = findPackage(root, "vitest");
  if (!vitest2) throw new Error(notInstalledMessage(root, "vitest", "this file is written for vitest bench"));
  const major = Number.parseInt(vitest2.version, 10);
  const api = SUPPORTED[major];
  if (!api) {
    throw new Error(
      `vitest ${vitest2.version} is not supported: flamegate runs bench files of vitest 2.x, 3.x, 4.x and 5.x (found ${vitest2.version} in ${vitest2.dir})`
    );
  }
  const vitePkg = findPackage(vitest2.dir, "vite") ?? findPackage(root, "vite");
  if (!vitePkg) throw new Error(`vite is not installed next to vitest ${vitest2.version} (${vitest2.dir})`);
  const tinybenchPkg = findPackage(vitest2.dir, "tinybench");
  if (!tinybenchPkg)
    throw new Error(`tinybench, which vitest ${vitest2.version} runs benchmarks with, is not installed`);
  const vite = await importEntry(vitePkg);
  const tinybench2 = await importEntry(tinybenchPkg);
  const where = /* @__PURE__ */ __name(() => configFile ? relative3(dirname9(file), configFile) || basename2(configFile) : "no config file", "where");
  let benchProjects;
  try {
    benchProjects = await projectsOf(configFile, root, async (config) => {
      const loaded2 = await vite.loadConfigFromFile(
        { command: "serve", mode: "benchmark" },
        config,
        dirname9(config),
        "silent"
      );
      return loaded2?.config ?? {};
    });
  } catch (error2) {
    throw new Error(`vite ${vite.version} could not read ${where()}: ${error2.message}`);
  }
  let importer;
  let graphs;
  const importFile = /* @__PURE__ */ __name((f) => {
    importer ??= startServer(vite, root, configFile).then(
      (started) => {
        graphs = started.graphs;
        return started;
      },
      (error2) => {
        throw new Error(`vite ${vite.version} could not start with ${where()}: ${error2.message}`);
      }
    );
    return importer.then(({ load }) => load(f));
  }, "importFile");
  return { root, configFile, vitest: vitest2, api, tinybench: tinybench2, importFile, benchProjects, graphs: /* @__PURE__ */ __name(() => graphs, "graphs") };
}
__name(openProject, "openProject");
async function startServer(vite, root, configFile) {
  const server = await vite.createServer({
    root,
    configFile: configFile ?? false,
    mode: "benchmark",
    logLevel: "error",
    clearScreen: false,
    appType: "custom",
    server: { middlewareMode: true, hmr: false, ws: false, watch: null, preTransformRequests: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [collectorPlugin()]
  });
  defineGlobals(server.config.define);
  const runner = vite.createServerModuleRunner && server.environments?.ssr ? vite.createServerModuleRunner(server.environments.ssr, {
    hmr: false,
    evaluator: namedScriptEvaluator,
    // Error locations in the original source. Vite's default for Node ('node') relies on Node's
    // own source maps, which do not cover scripts compiled by the evaluator below.
    sourcemapInterceptor: "prepareStackTrace"
  }) : void 0;
  const graphs = { runner, server };
  if (runner) return { load: /* @__PURE__ */ __name((f) => runner.import(f), "load"), graphs };
  return { load: /* @__PURE__ */ __name((f) => server.ssrLoadModule(f), "load"), graphs };
}
__name(startServer, "startServer");
function defineGlobals(define) {
  for (const [key, value] of Object.entries(define ?? {})) {
    if (!/^[A-Za-z_$][\w$]*$/.test(key) || key in globalThis) continue;
    try {
      globalThis[key] = typeof value === "string" ? JSON.parse(value) : value;
    } catch {
      globalThis[key] = value;
    }
  }
}
__name(defineGlobals, "defineGlobals");
var namedScriptEvaluator = {
  startOffset: 0,
  async runInlinedModule(context, code, module3) {
    const keys = Object.keys(context);
    const head = `'use strict';async (${keys.join(",")})=>{`;
    const wrapper = `${head}${code}
}`;
    const filename = module3?.file ?? module3?.id ?? "vitest-bench-module";
    rememberCompiledModule(filename, code, head.length);
    rememberModuleRunnerScript(filename, head.length, code, wrapper.length);
    const run = runInThisContext(wrapper, { filename });
    await run(...keys.map((k) => context[k]));
  },
  runExternalModule(file) {
    return import(file);
  }
};
var projects = /* @__PURE__ */ new Map();
function describeImportError(error2, project, bench2) {
  const err = error2 instanceof Error ? error2 : new Error(String(error2));
  const config = project.configFile ? basename2(project.configFile) : "no vite/vitest config";
  const how = bench2.native ? "natively with Node's import (experimental.viteModuleRunner: false)" : "through vite";
  err.message = `cannot import it ${how} (vitest ${project.vitest.version}, ${config}): ${err.message}`;
  return err;
}
__name(describeImportError, "describeImportError");
var unreported = [];
var seen = /* @__PURE__ */ new Set();
function takeOpenedProjects() {
  return unreported.splice(0).map((p) => ({ execArgv: p.execArgv, notes: p.notes }));
}
__name(takeOpenedProjects, "takeOpenedProjects");
function withGlobals(run) {
  const g = globalThis;
  const names = [
    "bench",
    "describe",
    "suite",
    "test",
    "it",
    "beforeAll",
    "afterAll",
    "beforeEach",
    "afterEach"
  ];
  const saved = names.map((n) => [n, Object.getOwnPropertyDescriptor(g, n)]);
  for (const n of names) if (!(n in g)) g[n] = vitestApi[n];
  return run().finally(() => {
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(g, n, d);
      else delete g[n];
    }
  });
}
__name(withGlobals, "withGlobals");
async function loadVitestBench(file) {
  const { root, configFile } = projectOf(file);
  let opening = projects.get(root);
  if (!opening) {
    opening = openProject(root, configFile, file);
    projects.set(root, opening);
  }
  const project = await opening;
  const bench2 = projectForFile(project.benchProjects, file, configFile);
  if (!seen.has(bench2)) {
    seen.add(bench2);
    unreported.push(bench2);
  }
  const missing = missingFlags(bench2.execArgv);
  if (missing.length > 0)
    throw new Error(
      `the vitest config runs this file with execArgv ${JSON.stringify(bench2.execArgv)}, which this process was not started with (missing ${missing.join(" ")})`
    );
  if (bench2.native) {
    mapVitestImports(VIRTUAL_SOURCE);
    defineGlobals(bench2.define);
  }
  const load = /* @__PURE__ */ __name((f, asSetup) => bench2.native ? importNatively(f, asSetup) : project.importFile(asSetup ? `${f}?flamegate-setup=${++setupRuns2}` : f), "load");
  const collected = await withGlobals(
    () => collect(project.api, project.vitest.version, async () => {
      try {
        for (const setup of bench2.setupFiles) await load(setup, true);
        await load(file, false);
      } catch (error2) {
        throw describeImportError(error2, project, bench2);
      }
    })
  );
  const owners = /* @__PURE__ */ new Map();
  const tasks = collected.map((c) => toTask(project, c, owners));
  return { tasks, run: /* @__PURE__ */ __name(() => void 0, "run"), ownerOf: /* @__PURE__ */ __name((task) => owners.get(task), "ownerOf") };
}
__name(loadVitestBench, "loadVitestBench");
var setupRuns2 = 0;
async function loadedModuleEdges(file) {
  const project = await projects.get(projectOf(file).root)?.catch(() => void 0);
  const graphs = project?.graphs();
  return graphs ? viteModuleEdges(graphs) : [];
}
__name(loadedModuleEdges, "loadedModuleEdges");
function toTask(project, c, owners) {
  if (c.error !== void 0 || !c.fn) {
    const error2 = c.error ?? new Error(`"${c.name}" has no function to run`);
    return { name: c.name, reset: /* @__PURE__ */ __name(() => void 0, "reset"), run: /* @__PURE__ */ __name(() => Promise.reject(error2), "run") };
  }
  const bench2 = new project.tinybench.Bench({ ...c.options, warmup: false });
  bench2.add(c.name, c.fn, c.fnOpts);
  const task = bench2.tasks[bench2.tasks.length - 1];
  owners.set(task, bench2);
  return task;
}
__name(toTask, "toTask");

// src/measure/child/harness/vitest.ts
var vitest = {
  name: "vitest",
  claims: isVitestBenchFile,
  async load(file, options2) {
    await recordTaskFunctions(file);
    const group = await loadVitestBench(file);
    const bench2 = group;
    return tinybenchFile(bench2, options2, (task) => group.ownerOf(task) ?? bench2);
  }
};

// src/measure/child/harness/load.ts
var ADAPTERS = [mitata, benchmarkjs, benchNode, vitest, tinybench];
var options = { perCall: false };
function configureHarness(given) {
  options = given;
}
__name(configureHarness, "configureHarness");
var loaded = /* @__PURE__ */ new Map();
function loadFile(file) {
  let promise = loaded.get(file);
  if (!promise) {
    promise = (async () => {
      usePnpLoaderFor(file);
      const adapter = ADAPTERS.find((a) => a.claims(file)) ?? tinybench;
      const harnessFile = await adapter.load(file, options);
      checkClocks();
      return harnessFile;
    })().catch((error2) => {
      throw explainPnpError(error2);
    });
    loaded.set(file, promise);
  }
  return promise;
}
__name(loadFile, "loadFile");
async function loadTask(spec) {
  const file = await loadFile(spec.file);
  const task = file.tasks.find((t) => t.name === spec.task);
  if (!task) throw new Error(`task "${spec.task}" is no longer in the Bench`);
  return task;
}
__name(loadTask, "loadTask");
var DISPOSE_MS = 1e3;
async function disposeLoaded() {
  for (const promise of loaded.values()) {
    const file = await promise.catch(() => void 0);
    for (const task of file?.tasks ?? []) {
      if (!task.dispose) continue;
      let timer;
      const late = new Promise((resolve5) => {
        timer = setTimeout(resolve5, DISPOSE_MS);
      });
      await Promise.race([task.dispose().catch(() => void 0), late]);
      clearTimeout(timer);
    }
  }
}
__name(disposeLoaded, "disposeLoaded");

// src/measure/child/jobs/allocation.ts
import { dirname as dirname11 } from "node:path";

// src/measure/child/heap-accounting.ts
import v8 from "node:v8";

// src/measure/child/heap-profile.ts
var import_pprof_format = __toESM(require_commonjs(), 1);
import { gzipSync } from "node:zlib";
var HeapStacks = class _HeapStacks {
  constructor(mapPosition) {
    this.mapPosition = mapPosition;
  }
  mapPosition;
  static {
    __name(this, "HeapStacks");
  }
  frames = [];
  frameIndex = /* @__PURE__ */ new Map();
  /** Stack (frame indices root first, joined by commas) → bytes and raw samples. */
  stacks = /* @__PURE__ */ new Map();
  /**
   * The stacks of `profile` that `keep` accepts (given the file URLs of the stack, root first), with
   * only the samples whose ordinal `inPhase` accepts. V8's `selfSize` is already scaled to estimated
   * bytes allocated; a node's bytes are split by the share of its samples in the phase. `keep` sees
   * the generated files; the frames written name the source positions `mapPosition` gives.
   */
  static from(profile, keep, inPhase, mapPosition) {
    const stacks = new _HeapStacks(mapPosition);
    const all = /* @__PURE__ */ new Map();
    const kept = /* @__PURE__ */ new Map();
    for (const s of profile.samples ?? []) {
      all.set(s.nodeId, (all.get(s.nodeId) ?? 0) + 1);
      if (inPhase(s.ordinal)) kept.set(s.nodeId, (kept.get(s.nodeId) ?? 0) + 1);
    }
    const walk = /* @__PURE__ */ __name((node, path, urls) => {
      const samples = kept.get(node.id) ?? 0;
      if (samples > 0 && keep(urls)) {
        const bytes = node.selfSize * samples / (all.get(node.id) ?? samples);
        const key = path.join(",");
        const entry = stacks.stacks.get(key);
        if (entry) {
          entry.bytes += bytes;
          entry.samples += samples;
        } else stacks.stacks.set(key, { bytes, samples });
      }
      for (const child of node.children)
        walk(child, [...path, stacks.frame(child)], [...urls, child.callFrame.url]);
    }, "walk");
    for (const child of profile.head.children) walk(child, [stacks.frame(child)], [child.callFrame.url]);
    return stacks;
  }
  frame(node) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName}\0${url}\0${lineNumber}\0${columnNumber}`;
    let i = this.frameIndex.get(key);
    if (i === void 0) {
      i = this.frames.length;
      const source = this.mapPosition?.({ file: url, line: lineNumber, column: columnNumber });
      this.frames.push({
        name: functionName,
        url: source?.file ?? url,
        line: (source?.line ?? lineNumber) + 1
      });
      this.frameIndex.set(key, i);
    }
    return i;
  }
  /** gzipped pprof: sample types `samples/count` and `alloc_space/bytes`. */
  encode(comments, samplingIntervalBytes) {
    const strings2 = new import_pprof_format.StringTable();
    const functions = this.frames.map(
      (f, i) => new import_pprof_format.Function({
        id: i + 1,
        name: strings2.dedup(f.name || "(anonymous)"),
        systemName: strings2.dedup(f.name || "(anonymous)"),
        filename: strings2.dedup(f.url),
        startLine: f.line
      })
    );
    const locations = this.frames.map(
      (f, i) => new import_pprof_format.Location({ id: i + 1, line: [new import_pprof_format.Line({ functionId: i + 1, line: f.line })] })
    );
    const samples = [];
    for (const [key, value] of this.stacks) {
      if (key === "") continue;
      samples.push(
        new import_pprof_format.Sample({
          // pprof lists a sample's locations from the leaf to the root.
          locationId: key.split(",").map((f) => Number(f) + 1).reverse(),
          value: [value.samples, Math.round(value.bytes)]
        })
      );
    }
    const profile = new import_pprof_format.Profile({
      sampleType: [
        new import_pprof_format.ValueType({ type: strings2.dedup("samples"), unit: strings2.dedup("count") }),
        new import_pprof_format.ValueType({ type: strings2.dedup("alloc_space"), unit: strings2.dedup("bytes") })
      ],
      sample: samples,
      location: locations,
      function: functions,
      stringTable: strings2,
      periodType: new import_pprof_format.ValueType({ type: strings2.dedup("space"), unit: strings2.dedup("bytes") }),
      period: samplingIntervalBytes,
      comment: comments.map((c) => strings2.dedup(c))
    });
    return gzipSync(profile.encode());
  }
};

// src/measure/child/slices.ts
var SIDES = ["base", "head"];
async function loadSides(b, around, order = SIDES) {
  const sides = {};
  for (const side2 of order) {
    const spec = b[side2];
    if (!spec) continue;
    await sendToParent({ type: "progress", key: b.key, side: side2, phase: "load" });
    try {
      const load = /* @__PURE__ */ __name(() => loadTask(spec), "load");
      sides[side2] = await (around ? around(side2, load) : load());
    } catch (error2) {
      await sendToParent({ type: "error", key: b.key, side: side2, error: errorText(error2) });
      return void 0;
    }
  }
  return sides;
}
__name(loadSides, "loadSides");
async function alternate(key, sides, options2, around) {
  const present = SIDES.filter((s) => sides[s]);
  const totals = {};
  const wall = { base: 0, head: 0 };
  const pairLogRatios2 = [];
  let pair = 0;
  while (present.some((s) => wall[s] < options2.timeMs)) {
    const baseFirst = pair % 2 === 0 === (options2.firstSide === "base");
    const order = present.length === 2 ? baseFirst ? SIDES : [...SIDES].reverse() : present;
    const slice = {};
    for (const side2 of order) {
      const task = sides[side2];
      if (!task) continue;
      await sendToParent({ type: "progress", key, side: side2, phase: options2.phase });
      const started = clock();
      const run = /* @__PURE__ */ __name(async () => {
        const timing = await task.slice(options2.sliceMs);
        checkClocks();
        return timing;
      }, "run");
      try {
        slice[side2] = around ? await around(side2, run) : await run();
      } catch (error2) {
        throw Object.assign(new Error("slice failed"), { side: side2, cause: error2 });
      }
      wall[side2] += clock() - started;
    }
    for (const side2 of present) {
      const t = slice[side2];
      if (!t) continue;
      const total = totals[side2] ?? { ops: 0, totalNs: 0 };
      totals[side2] = { ops: total.ops + t.ops, totalNs: total.totalNs + t.totalNs };
    }
    if (slice.base && slice.head) {
      pairLogRatios2.push(log(slice.head.totalNs / slice.head.ops / (slice.base.totalNs / slice.base.ops)));
    }
    pair++;
  }
  return { totals, pairLogRatios: pairLogRatios2 };
}
__name(alternate, "alternate");
async function withSliceErrors(key, work) {
  try {
    await work();
  } catch (error2) {
    const failure = error2;
    await sendToParent({
      type: "error",
      key,
      // No side: the failure is outside both sides' code, and the parent charges it to neither.
      side: failure.side,
      error: errorText(failure.cause ?? error2)
    });
  }
}
__name(withSliceErrors, "withSliceErrors");
function nsPerOp(totals) {
  const t = SIDES.map((s) => totals[s]).filter((x) => !!x);
  return t.reduce((sum, x) => sum + x.totalNs, 0) / t.reduce((sum, x) => sum + x.ops, 0);
}
__name(nsPerOp, "nsPerOp");

// src/measure/child/heap-accounting.ts
var GCProfiler = v8.GCProfiler;
var usedHeap = /* @__PURE__ */ __name(() => v8.getHeapStatistics().used_heap_size, "usedHeap");
var AllocationBooks = class {
  static {
    __name(this, "AllocationBooks");
  }
  totals = {};
  slices = [];
  /** Runs one slice of `side` (as `alternate`'s `around`) and books what it allocated and collected. */
  async slice(side2, run) {
    const gc = new GCProfiler();
    gc.start();
    const started = clock();
    const before = usedHeap();
    const timing = await run();
    const after = usedHeap();
    const wallNs = (clock() - started) * 1e6;
    const collections = gc.stop().statistics;
    let freed = 0;
    let gcNs = 0;
    let majorGcNs = 0;
    const durations = { minor: [], major: [] };
    for (const c of collections) {
      freed += c.beforeGC.heapStatistics.usedHeapSize - c.afterGC.heapStatistics.usedHeapSize;
      gcNs += c.cost * 1e3;
      const minor = /scavenge|minor/i.test(String(c.gcType));
      if (!minor) majorGcNs += c.cost * 1e3;
      durations[minor ? "minor" : "major"].push(c.cost * 1e3);
    }
    const bytes = after - before + freed;
    const total = this.totals[side2] ??= {
      ops: 0,
      bytes: 0,
      gcNs: 0,
      wallNs: 0,
      majorGcNs: 0,
      minorGcDurationsNs: [],
      majorGcDurationsNs: []
    };
    total.ops += timing.ops;
    total.bytes += bytes;
    total.gcNs += gcNs;
    total.majorGcNs = (total.majorGcNs ?? 0) + majorGcNs;
    total.minorGcDurationsNs?.push(...durations.minor);
    total.majorGcDurationsNs?.push(...durations.major);
    total.wallNs += wallNs;
    this.slices.push({ side: side2, bytes, ops: timing.ops });
    return timing;
  }
  /** ln(head bytes/op ÷ base bytes/op) for each pair of slices (one per side, ABBA). */
  pairLogRatios() {
    const ratios = [];
    for (let i = 0; i + 1 < this.slices.length; i += 2) {
      const x = this.slices[i];
      const y = this.slices[i + 1];
      if (x.side === y.side) continue;
      const [base, head] = x.side === "base" ? [x, y] : [y, x];
      if (base.bytes > 0 && head.bytes > 0) ratios.push(log(head.bytes / head.ops / (base.bytes / base.ops)));
    }
    return ratios;
  }
};
function flamegateAllocationMark(samplingIntervalBytes) {
  const marker = new Array(Math.ceil(40 * samplingIntervalBytes / 8)).fill(0);
  return marker.length;
}
__name(flamegateAllocationMark, "flamegateAllocationMark");
function splitBySide(profile, where, sourceMapper) {
  const prefix = /* @__PURE__ */ __name((side2) => {
    const dir = where.roots?.[side2] ?? where[side2];
    return dir ? dir.endsWith("/") ? dir : `${dir}/` : void 0;
  }, "prefix");
  const prefixes = { base: prefix("base"), head: prefix("head") };
  const marks = markerOrdinals(profile);
  const mapPosition = /* @__PURE__ */ __name((p) => sourceMapper.map(p), "mapPosition");
  const inPhase = /* @__PURE__ */ __name((ordinal) => !marks || ordinal > marks[0] && ordinal < marks[1], "inPhase");
  const sideOf = /* @__PURE__ */ __name((urls) => {
    for (let i = urls.length - 1; i >= 0; i--) {
      const path = urlPath(urls[i]);
      const candidates = SIDES.filter((s) => prefixes[s] && path.startsWith(prefixes[s])).sort(
        (x, y) => (prefixes[y]?.length ?? 0) - (prefixes[x]?.length ?? 0)
      );
      if (candidates[0]) return candidates[0];
    }
    return void 0;
  }, "sideOf");
  return {
    base: HeapStacks.from(profile, (urls) => sideOf(urls) === "base", inPhase, mapPosition),
    head: HeapStacks.from(profile, (urls) => sideOf(urls) === "head", inPhase, mapPosition)
  };
}
__name(splitBySide, "splitBySide");
function markerOrdinals(profile) {
  const markerNodes = /* @__PURE__ */ new Set();
  const walk = /* @__PURE__ */ __name((node) => {
    if (node.callFrame.functionName === "flamegateAllocationMark") markerNodes.add(node.id);
    for (const child of node.children) walk(child);
  }, "walk");
  walk(profile.head);
  const ordinals = (profile.samples ?? []).filter((s) => markerNodes.has(s.nodeId)).map((s) => s.ordinal);
  if (ordinals.length < 2) return void 0;
  return [Math.min(...ordinals), Math.max(...ordinals)];
}
__name(markerOrdinals, "markerOrdinals");
function urlPath(url) {
  if (!url.startsWith("file://")) return url;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url.slice("file://".length);
  }
}
__name(urlPath, "urlPath");

// src/measure/child/profile-files.ts
import { mkdirSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname10, join as join9 } from "node:path";

// src/measure/protocol.ts
var SIDE_LABEL = "flamegate.side";

// src/measure/child/profile-files.ts
function sourceMapperFor(job) {
  const roots2 = Object.values(job.roots ?? {}).filter((r) => !!r);
  if (roots2.length === 0) {
    for (const b of job.benchmarks) for (const side2 of SIDES) if (b[side2]) roots2.push(dirname10(b[side2].file));
  }
  return new SourceMapper(roots2);
}
__name(sourceMapperFor, "sourceMapperFor");
function writePerSide(b, totals, job, prefix, encode) {
  const dir = join9(job.outDir, b.slug);
  mkdirSync(dir, { recursive: true });
  const profiles = {};
  for (const side2 of SIDES) {
    const ops = totals[side2]?.ops;
    if (!ops) continue;
    const comments = [`flamegate.benchmark=${b.key}`, `${SIDE_LABEL}=${side2}`];
    const path = join9(dir, `${prefix}${side2}-${job.process}.pb.gz`);
    writeFileSync2(path, encode(side2, comments));
    profiles[side2] = { path, ops };
  }
  return profiles;
}
__name(writePerSide, "writePerSide");

// src/measure/child/jobs/allocation.ts
async function runAllocation(job) {
  const { Session: InspectorSession } = await import("node:inspector/promises");
  const session = new InspectorSession();
  session.connect();
  await session.post("HeapProfiler.enable");
  const sampling = {
    samplingInterval: job.samplingIntervalBytes,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true
  };
  await session.post("HeapProfiler.startSampling", sampling);
  const read = /* @__PURE__ */ __name(async () => {
    const { profile } = await session.post("HeapProfiler.stopSampling");
    await session.post("HeapProfiler.startSampling", sampling);
    return profile;
  }, "read");
  const sourceMapper = sourceMapperFor(job);
  for (const b of job.benchmarks) {
    const sides = await loadSides(b);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: job.firstSide };
      if (job.warmupMs > 0)
        await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: "warmup" });
      const books = new AllocationBooks();
      flamegateAllocationMark(job.samplingIntervalBytes);
      await alternate(
        b.key,
        sides,
        { ...common, timeMs: job.timeMs, phase: "measure" },
        (side2, run) => books.slice(side2, run)
      );
      flamegateAllocationMark(job.samplingIntervalBytes);
      const stacks = splitBySide(
        await read(),
        {
          base: b.base ? dirname11(b.base.file) : void 0,
          head: b.head ? dirname11(b.head.file) : void 0,
          roots: job.roots
        },
        sourceMapper
      );
      const { totals } = books;
      const profiles = writePerSide(
        b,
        totals,
        job,
        "alloc-",
        (side2, comments) => stacks[side2].encode(comments, job.samplingIntervalBytes)
      );
      await sendToParent({
        type: "allocated",
        key: b.key,
        profiles,
        base: totals.base,
        head: totals.head,
        pairLogRatios: books.pairLogRatios()
      });
    });
  }
  await session.post("HeapProfiler.stopSampling");
  session.disconnect();
}
__name(runAllocation, "runAllocation");

// src/measure/child/jobs/discover.ts
import { basename as basename3 } from "node:path";
async function runDiscover(job) {
  const recordGraph = job.graph === true;
  const executed = job.executed;
  const executeMs = job.executeMs ?? Number.POSITIVE_INFINITY;
  const graph = recordGraph ? ModuleGraph.start() : void 0;
  const execution = graph && executed && executed.length > 0 ? new ExecutionRecorder(executed) : void 0;
  const toExecute = [];
  for (const file of job.files) {
    await sendToParent({ type: "loading", file });
    try {
      const loaded2 = await loadFile(file);
      const reached = recordGraph ? await reachedFrom(graph, file) : void 0;
      await sendToParent({ type: "discovered", file, tasks: loaded2.tasks.map((t) => t.name), reached });
      if (execution && reached && execution.changedAmong(reached).length > 0)
        toExecute.push({ file, loaded: loaded2 });
    } catch (error2) {
      const reached = recordGraph ? await reachedFrom(graph, file) : void 0;
      await sendToParent({ type: "discover-error", file, error: errorText(error2), reached });
    }
    for (const project of takeOpenedProjects()) await sendToParent({ type: "vitest-project", ...project });
  }
  if (execution) {
    const started = clock();
    for (const { file, loaded: loaded2 } of executionOrder(toExecute, executed ?? [])) {
      if (clock() - started < executeMs) await sendExecuted(file, loaded2, execution);
      else await sendToParent({ type: "executed", file, changed: [], skipped: true });
    }
  }
  if (graph) await sendToParent({ type: "loaded", files: graph.loaded() });
}
__name(runDiscover, "runDiscover");
function executionOrder(files, changed) {
  const stem = /* @__PURE__ */ __name((path) => (basename3(path).split(".")[0] ?? "").toLowerCase(), "stem");
  const names = new Set(changed.map(stem));
  const named = files.filter((f) => names.has(stem(f.file)));
  return [...named, ...files.filter((f) => !named.includes(f))];
}
__name(executionOrder, "executionOrder");
var EXECUTE_TIMEOUT_MS = 2e3;
async function sendExecuted(file, loaded2, execution) {
  await sendToParent({ type: "executing", file });
  let unknown = false;
  const changed = /* @__PURE__ */ new Set();
  const tasks = {};
  for (const task of loaded2.tasks) {
    let known = true;
    const ran = await execution.record(async () => {
      let timer;
      const timeout = new Promise((resolve5) => {
        timer = setTimeout(() => resolve5("timeout"), EXECUTE_TIMEOUT_MS);
      });
      const outcome = await Promise.race([task.callOnce(), timeout]).catch(() => "error");
      clearTimeout(timer);
      if (outcome === "timeout" || outcome === "error" || replacedClocks().length > 0) known = false;
    }).catch(() => {
      known = false;
      return [];
    });
    for (const f of ran) changed.add(f);
    if (known) tasks[task.name] = ran;
    else unknown = true;
  }
  await sendToParent({
    type: "executed",
    file,
    changed: [...changed].sort(),
    tasks,
    ...unknown ? { unknown: true } : {}
  });
}
__name(sendExecuted, "sendExecuted");
async function reachedFrom(graph, file) {
  if (!graph) return void 0;
  await graph.settle();
  const viteEdges = isVitestBenchFile(file) ? await loadedModuleEdges(file) : [];
  return viteEdges && graph.reachedFrom(file, viteEdges);
}
__name(reachedFrom, "reachedFrom");

// src/measure/child/profiler.ts
async function loadProfiler() {
  const { time } = await Promise.resolve().then(() => __toESM(require_src(), 1));
  return time;
}
__name(loadProfiler, "loadProfiler");
function asPprofSourceMapper(mapper) {
  return mapper;
}
__name(asPprofSourceMapper, "asPprofSourceMapper");

// src/measure/child/jobs/overhead.ts
var BLOCK_MS = 150;
var SETTLE_MS = 100;
async function runOverhead(job) {
  const time = await loadProfiler();
  for (const b of job.benchmarks) {
    const sides = await loadSides(b);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: "base", timeMs: BLOCK_MS };
      await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: "warmup" });
      const pairLogRatios2 = [];
      for (let pair = 0; pair * 2 * BLOCK_MS < job.timeMs; pair++) {
        const measured = {};
        for (const profiled of pair % 2 === 0 ? [true, false] : [false, true]) {
          if (profiled)
            time.start({ intervalMicros: job.intervalUs, withContexts: true, lineNumbers: false });
          await alternate(b.key, sides, { ...common, timeMs: SETTLE_MS, phase: "warmup" });
          const { totals } = await alternate(
            b.key,
            sides,
            { ...common, phase: "measure" },
            profiled ? async (side2, run) => {
              time.setContext({ side: side2 });
              return run();
            } : void 0
          );
          if (profiled) time.stop(false);
          measured[String(profiled)] = nsPerOp(totals);
        }
        pairLogRatios2.push(log((measured.true ?? 0) / (measured.false ?? 1)));
      }
      await sendToParent({ type: "overhead", key: b.key, pairLogRatios: pairLogRatios2 });
    });
  }
}
__name(runOverhead, "runOverhead");

// src/measure/child/jobs/profile.ts
import { gzipSync as gzipSync2 } from "node:zlib";
async function runProfile(job) {
  const time = await loadProfiler();
  time.start({
    intervalMicros: job.intervalUs,
    withContexts: true,
    lineNumbers: false,
    // Called for every location while a profile is written: frames of transformed code get their
    // source positions (source-maps.ts).
    sourceMapper: asPprofSourceMapper(sourceMapperFor(job))
  });
  const labelled = /* @__PURE__ */ __name(async (context, run) => {
    time.setContext(context);
    try {
      return await run();
    } finally {
      time.setContext({});
    }
  }, "labelled");
  for (const b of job.benchmarks) {
    const sides = await loadSides(
      b,
      (side2, load) => labelled({ benchmark: b.key, side: side2, phase: "load" }, load)
    );
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: "base" };
      if (job.warmupMs > 0)
        await alternate(
          b.key,
          sides,
          { ...common, timeMs: job.warmupMs, phase: "warmup" },
          (side2, run) => labelled({ benchmark: b.key, side: side2, phase: "warmup" }, run)
        );
      const { totals, pairLogRatios: pairLogRatios2 } = await alternate(
        b.key,
        sides,
        { ...common, timeMs: job.timeMs, phase: "measure" },
        (side2, run) => labelled({ benchmark: b.key, side: side2, phase: "measure" }, run)
      );
      const profile = time.stop(true, ({ context }) => {
        const slice = context?.context;
        return slice?.phase === "measure" && slice.benchmark === b.key && slice.side ? { [SIDE_LABEL]: slice.side } : {};
      });
      const profiles = writeSideProfiles(profile, b, totals, job);
      await sendToParent({
        type: "profiled",
        key: b.key,
        profiles,
        base: totals.base,
        head: totals.head,
        pairLogRatios: pairLogRatios2
      });
    });
  }
  time.stop(false);
}
__name(runProfile, "runProfile");
function writeSideProfiles(profile, b, totals, job) {
  const labelKey = profile.stringTable.dedup(SIDE_LABEL);
  const all = profile.sample;
  const profiles = writePerSide(b, totals, job, "", (side2, comments) => {
    const sideValue = profile.stringTable.dedup(side2);
    profile.sample = all.filter((s) => s.label.some((l) => l.key === labelKey && l.str === sideValue));
    profile.comment = comments.map((c) => profile.stringTable.dedup(c));
    return gzipSync2(profile.encode());
  });
  profile.sample = all;
  return profiles;
}
__name(writeSideProfiles, "writeSideProfiles");

// src/measure/child/jobs/timing.ts
async function runTiming(job) {
  const perCall = job.perCall === true;
  configureHarness({ perCall });
  if (!perCall) await sendToParent({ type: "floor", nsPerOp: batchFloor() });
  const loadOrder = job.firstSide === "base" ? ["base", "head"] : ["head", "base"];
  for (const b of job.benchmarks) {
    const sides = await loadSides(b, void 0, loadOrder);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: job.firstSide };
      if (job.warmupMs > 0)
        await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: "warmup" });
      const { totals, pairLogRatios: pairLogRatios2 } = await alternate(b.key, sides, {
        ...common,
        timeMs: job.timeMs,
        phase: "measure"
      });
      await sendToParent({ type: "timing", key: b.key, base: totals.base, head: totals.head, pairLogRatios: pairLogRatios2 });
    });
  }
}
__name(runTiming, "runTiming");

// src/measure/child/runner.ts
var RUN2 = {
  discover: runDiscover,
  timing: runTiming,
  profile: runProfile,
  overhead: runOverhead,
  allocation: runAllocation
};
async function main() {
  const jobFile = process.argv[2];
  if (!jobFile) throw new Error("usage: runner.js <job.json>");
  const job = parseJob(JSON.parse(readFileSync7(jobFile, "utf8")));
  await RUN2[job.kind](job);
  await disposeLoaded();
  await sendToParent({ type: "done" });
  process.exit(0);
}
__name(main, "main");
main().catch(async (error2) => {
  process.stderr.write(`flamegate runner: ${errorText(error2)}
`);
  process.exit(70);
});
/*! Bundled license information:

pprof-format/dist/commonjs/index.js:
  (*!
   * Private helpers. These are only used by other helpers.
   *)
*/
