"use strict";

// src/measure/child/pristine-key.ts
var PRISTINE_KEY = "flamegate.pristine";

// src/measure/child/pristine-preload.ts
var ipc = process;
var taken = Object.freeze({
  performance: globalThis.performance,
  now: globalThis.performance.now,
  hrtime: process.hrtime,
  hrtimeBigint: process.hrtime.bigint,
  log: Math.log,
  FunctionConstructor: Function,
  send: ipc._send ?? ipc.send
});
Object.defineProperty(globalThis, Symbol.for(PRISTINE_KEY), { value: taken });
