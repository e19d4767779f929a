// `import SCRIPT from './browser/x.js?script'`: the page script src/flame/browser/x.ts, bundled into one
// string by scripts/browser-scripts.mjs (in the build and in tests).
declare module '*?script' {
  const source: string;
  export default source;
}
