// The names of V8's builtins as people write them. A profile gives a builtin only the name of its
// function object, with no script and no owner: `from`, `push`, `padStart`. Where that name belongs
// to one builtin of the language, it is the owner's (`Array.from`, `Array.prototype.push`,
// `String.prototype.padStart`); where it belongs to several (`slice`, `keys`, `toString`), it stays as
// V8 gives it, since nothing in the profile says which one ran.

// The language's own objects whose methods V8 implements as builtins (Node's APIs have scripts).
// Iterator's helpers are left out: where they exist they share Array's names (`map`, `filter`) and
// would make those ambiguous on one Node version and not on another.
const OWNERS: readonly string[] = [
  'Array',
  'ArrayBuffer',
  'Atomics',
  'BigInt',
  'Boolean',
  'DataView',
  'Date',
  'Error',
  'FinalizationRegistry',
  'Function',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'Promise',
  'Reflect',
  'RegExp',
  'Set',
  'SharedArrayBuffer',
  'String',
  'Symbol',
  'WeakMap',
  'WeakRef',
  'WeakSet',
];

// The typed arrays' shared constructor: it repeats Array's methods under the same names (`from`,
// `map`, `sort`), and V8 names both alike. Such a name reads as Array's, the common one in code.
const TYPED_ARRAY = 'TypedArray';

let byName: Map<string, string> | undefined;

/** Every builtin method's name → its qualified name, for the names that belong to one owner. */
function qualifiedNames(): Map<string, string> {
  if (byName) return byName;
  const owners = new Map<string, string[]>();
  const add = (name: string, qualified: string) => {
    const list = owners.get(name);
    if (list) list.push(qualified);
    else owners.set(name, [qualified]);
  };
  const methodsOf = (target: object, prefix: string) => {
    for (const key of Object.getOwnPropertyNames(target)) {
      if (key === 'constructor' || key === 'prototype') continue;
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (typeof descriptor?.value === 'function') add(key, `${prefix}.${key}`);
      // V8 names an accessor's function `get size`.
      if (descriptor?.get) add(`get ${key}`, `get ${prefix}.${key}`);
    }
  };
  const globals = globalThis as unknown as Record<string, unknown>;
  const typedArray = Object.getPrototypeOf(Uint8Array) as object;
  const all: [string, unknown][] = OWNERS.map((name) => [name, globals[name]]);
  all.push([TYPED_ARRAY, typedArray]);
  const isObject = (value: unknown): value is object =>
    typeof value === 'function' || (typeof value === 'object' && value !== null);
  for (const [owner, value] of all) {
    if (!isObject(value)) continue;
    methodsOf(value, owner);
    // Function.prototype is itself a function; Math and JSON have no prototype of their own.
    const prototype = typeof value === 'function' ? (value as { prototype?: unknown }).prototype : undefined;
    if (isObject(prototype)) methodsOf(prototype, `${owner}.prototype`);
  }
  // The global functions (`parseInt`) share names with Number's; they are their own owners.
  for (const name of ['parseInt', 'parseFloat', 'isNaN', 'isFinite']) add(name, name);
  byName = new Map();
  for (const [name, list] of owners) {
    const own = list.filter((q) => !q.startsWith(`${TYPED_ARRAY}.`) && !q.startsWith(`get ${TYPED_ARRAY}.`));
    const copied = own.length < list.length;
    // A typed array's copy of an Array method does not make the name ambiguous; anything else does.
    if (own.length === 1 && (!copied || /^(get )?Array\./.test(own[0] as string)))
      byName.set(name, own[0] as string);
    else if (list.length === 1) byName.set(name, list[0] as string);
  }
  return byName;
}

/** A builtin frame's name as people write it: `from` → `Array.from`; unknown or ambiguous names as given. */
export function builtinName(name: string): string {
  return qualifiedNames().get(name) ?? name;
}
