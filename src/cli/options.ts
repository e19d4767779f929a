// Each command's flags, described once: its parser (node:util's parseArgs) and its help text are both
// made from the one list, so a flag cannot be parsed without being documented, nor documented without
// being parsed. Light on purpose: `flamegate --help` loads it without any command's code.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface OptionSpec {
  /** The long name, without `--`. */
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string;
  /** The value's placeholder in the help, `<rev>`; string options only. */
  arg?: string;
  /** What the flag does; a `\n` starts a continuation line, indented under the first. */
  help: string;
}

/** `--help` / `-h`, the same on every command. */
export const HELP_OPTION: OptionSpec = {
  name: 'help',
  type: 'boolean',
  short: 'h',
  help: "print this command's help and exit",
};

type ParseArgsOptions = NonNullable<ParseArgsConfig['options']>;

/** What a command's flags hold: a string, a boolean, or the strings of a repeated flag. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** Parses `args` strictly by these flags; throws parseArgs's own error on a flag it does not know. */
export function parseOptions(
  args: string[],
  specs: readonly OptionSpec[],
  allowPositionals: boolean,
): { values: OptionValues; positionals: string[] } {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals,
    options: parseArgsOptions(specs),
  });
  // parseArgs types a repeated flag as (string | boolean)[]; only string flags repeat (OptionSpec).
  return { values: values as OptionValues, positionals };
}

/** The `options` of parseArgs for these flags. */
export function parseArgsOptions(specs: readonly OptionSpec[]): ParseArgsOptions {
  const options: ParseArgsOptions = {};
  for (const spec of specs) {
    options[spec.name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
      ...(spec.default !== undefined ? { default: spec.default } : {}),
    };
  }
  return options;
}

/**
 * The help's lines for these flags: the flag (and its value) from column 2, its description from
 * `column` (one space after a flag too long for it), continuation lines under the description.
 */
export function optionLines(specs: readonly OptionSpec[], column: number): string {
  const indent = ' '.repeat(column);
  return specs
    .map((spec) => {
      const flag = `${spec.short ? `-${spec.short}, ` : ''}--${spec.name}${spec.arg ? ` ${spec.arg}` : ''}`;
      const head = `  ${flag}`;
      const [first = '', ...rest] = spec.help.split('\n');
      const lead = head.length < column ? head.padEnd(column) : `${head}  `;
      return [`${lead}${first}`, ...rest.map((line) => `${indent}${line}`)].join('\n');
    })
    .join('\n');
}

/**
 * Whether the arguments ask for help: `--help` or `-h` anywhere before a `--`. Checked before the
 * command parses anything, so help is printed even next to a flag the command would refuse.
 */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}
