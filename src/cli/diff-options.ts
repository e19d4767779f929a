// What `flamegate diff` was asked for, and where it writes: shared by the command (diff.ts) and its
// outputs (diff-output.ts), which diff.ts loads while the profiles are read, so that neither
// imports the other.
import type { CollapseOptions } from '../flame/side.js';

export interface DiffIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface DiffOptions {
  basePath: string;
  headPath: string;
  svg?: string;
  html?: string;
  json?: string;
  text: boolean;
  maxChars: number;
  collapse: CollapseOptions;
  valueType?: string;
  repoUrl?: string;
  sha?: string;
  title?: string;
  top: number;
}
