// A stylesheet imported by a page script is its text (scripts/browser-scripts.mjs loads `.css` as text),
// inlined into the page.
declare module '*.css' {
  const css: string;
  export default css;
}
