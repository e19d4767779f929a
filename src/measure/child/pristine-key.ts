// Where the preload (pristine-preload.ts) leaves the globals it took, for pristine.ts to read.
export const PRISTINE_KEY = 'flamegate.pristine';

export interface PristineGlobals {
  performance: Performance;
  now: () => number;
  hrtime: NodeJS.HRTime;
  hrtimeBigint: () => bigint;
  log: (x: number) => number;
  FunctionConstructor: FunctionConstructor;
  send: unknown;
}
