export const CLI: string;
export const BENCHMARK_KEY: string;
export function gzipBomb(mb?: number): Buffer;
export function inlineBomb(options?: { inlined?: number; repeats?: number; samples?: number }): Buffer;
export function sampleCountBomb(options?: { samples?: number }): Buffer;
export function smallPprof(): Buffer;
export function deepChain(options?: { depth?: number; everyNode?: boolean }): Buffer;
export function stacksFile(slug?: string): Buffer;
export function stacksCountBomb(options?: { stacks?: number }): Buffer;
export function writeShardDir(dir: string, stacksGz: Uint8Array): void;
export interface MeasuredRun {
  code: number;
  signal: string | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the CLI process, MB; NaN when it did not exit normally. */
  peakRssMb: number;
}
export function runMeasured(
  args: string[],
  cwd: string,
  options?: { timeoutMs?: number; cli?: string },
): Promise<MeasuredRun>;
