// Shaped like real library code: a helper, an IIFE that makes a closure on every call, and a
// callback. With the profiler started after warm-up, V8 hides some of these from one side at random.
function scan(text) {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

function classify(text, test) {
  let n = 0;
  for (let i = 0; i < 8; i++) n += test(text + i) & 1;
  return n;
}

export function render(text, options) {
  return (() => {
    function ambiguous(value) {
      return scan(value) ^ options.salt;
    }
    return classify(text, ambiguous);
  })();
}
