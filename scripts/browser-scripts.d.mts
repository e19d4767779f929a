import type { Plugin } from 'esbuild';

export const SCRIPT_SUFFIX: string;
export function scriptPath(specifier: string, importerDir: string): string;
export function bundleBrowserScript(path: string): Promise<string>;
export const browserScriptPlugin: Plugin;
