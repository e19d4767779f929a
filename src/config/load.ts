// The config stage's entry: reads the config (a file on disk for local use, else the one committed in
// the BASE revision, so that a pull request cannot loosen its own gate) and applies the values the
// CLI flags or Action inputs set on top of it.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { shortSha } from '../format.js';
import type { Config } from '../model.js';
import { type InputOverrides, type Settings, UsageError } from '../settings.js';
import { DEFAULT_CONFIG, parseConfig } from './config.js';

export const DEFAULT_CONFIG_PATH = '.github/flamegate.yml';

/** Reads files as they are in the base revision (the workspace stage provides it). */
export interface BaseRevisionReader {
  sha: string;
  /** The file's text at the base revision; undefined when the revision does not have it. */
  read(path: string): Promise<string | undefined>;
}

export async function loadConfig(
  settings: Pick<Settings, 'cwd' | 'configPath' | 'configInRepo' | 'inputOverrides'>,
  base: BaseRevisionReader,
): Promise<Config> {
  return applyInputOverrides(await readConfig(settings, base), settings.inputOverrides);
}

async function readConfig(
  settings: Pick<Settings, 'cwd' | 'configPath' | 'configInRepo'>,
  base: BaseRevisionReader,
): Promise<Config> {
  if (settings.configPath) {
    const path = isAbsolute(settings.configPath)
      ? settings.configPath
      : resolve(settings.cwd, settings.configPath);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`config file ${settings.configPath} cannot be read (no such file?)`);
    }
    return parseConfig(text, settings.configPath);
  }
  const inRepo = settings.configInRepo ?? DEFAULT_CONFIG_PATH;
  const text = await base.read(inRepo);
  if (text === undefined) {
    if (settings.configInRepo && settings.configInRepo !== DEFAULT_CONFIG_PATH) {
      throw new UsageError(
        `config ${inRepo} does not exist in the base revision ${shortSha(base.sha)} ` +
          '(the config is read from the base, so that a pull request cannot loosen its own gate)',
      );
    }
    return DEFAULT_CONFIG;
  }
  return parseConfig(text, `${inRepo} (base ${shortSha(base.sha)})`);
}

/** The CLI flags and Action inputs win over the config file, key by key. */
export function applyInputOverrides(config: Config, overrides: InputOverrides | undefined): Config {
  if (!overrides) return config;
  return {
    ...config,
    benchmarks: overrides.benchmarks ?? config.benchmarks,
    install: overrides.install ?? config.install,
    build: overrides.build ?? config.build,
    budget: { ...config.budget, ...overrides.budget },
  };
}
