/**
 * The loop library as the reader's `import * as asyncio from "asyncio"` sees it: its
 * exports, and, behind them, CPython's answer for a name the module does not have.
 * JavaScript gives `undefined` for `asyncio.slep`, and the program fails a line later
 * with "yield* (intermediate value) is not iterable"; Python raises
 * `AttributeError: module 'asyncio' has no attribute 'slep'` where the name is read, and
 * its traceback adds "Did you mean: 'sleep'?".
 *
 * esbuild's interop copies the exports onto an object whose prototype is the published
 * object's (`__toESM`), so the answer lives on the prototype: a Proxy that every lookup
 * of a missing name reaches. Names a JavaScript runtime probes on any object (`then`,
 * `toJSON`, `__esModule`, symbols, Object.prototype's) still read as `undefined`.
 *
 *   const published = libraryModule(asyncio);
 *   published.sleep;  // the library's sleep
 *   published.slep;   // throws AttributeError: module 'asyncio' has no attribute 'slep'
 *   suggestionFor(e); // "sleep"
 */
import { AttributeError } from "../asyncio/exceptions";

/** The name a missing attribute's error suggests, kept off the error itself (its message stays CPython's). */
const suggestions = new WeakMap<object, string>();

/** The suggestion for `error`, if it is a missing name of the module's. */
export function suggestionFor(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? suggestions.get(error) : undefined;
}

/** Names read by engines, bundlers and printers rather than by the reader: never an error. */
function probed(key: string): boolean {
  return (
    key in Object.prototype ||
    key.startsWith("_") ||
    key.startsWith("$") ||
    key.startsWith("@@") ||
    ["then", "toJSON", "default", "inspect", "nodeType", "asymmetricMatch", "length", "name", "prototype"].includes(key)
  );
}

/**
 * CPython's choice of a suggestion (Python/suggestions.c, 3.11): the name at the least
 * Levenshtein distance, where a changed letter costs 2 and a changed case only 1, if
 * that distance is within (len(a) + len(b) + 3) / 3.
 */
export function closestName(wrong: string, names: readonly string[]): string | undefined {
  const MOVE_COST = 2;
  const CASE_COST = 1;
  const MAX_STRING = 40;
  if (wrong.length > MAX_STRING) return undefined;
  const substitution = (a: string, b: string): number =>
    a === b ? 0 : a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
  const distance = (a: string, b: string, limit: number): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j * MOVE_COST);
    for (let i = 1; i <= a.length; i++) {
      const next = [i * MOVE_COST];
      let least = next[0];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + MOVE_COST, next[j - 1] + MOVE_COST, row[j - 1] + substitution(a[i - 1], b[j - 1]));
        least = Math.min(least, next[j]);
      }
      if (least > limit) return limit + 1;
      row = next;
    }
    return row[b.length];
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    if (name === wrong || name.length > MAX_STRING) continue;
    const limit = Math.floor(((wrong.length + name.length + 3) * MOVE_COST) / 6);
    const d = distance(wrong, name, Math.min(limit, bestDistance - 1));
    if (d <= limit && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** The object to publish for the reader's bundle: the exports, and CPython's AttributeError for any other name. */
export function libraryModule(exports: object): object {
  // Sorted, as Python's dir() is: of two names equally near, the first wins.
  const names = Object.keys(exports).sort();
  const missing = new Proxy(Object.create(null) as object, {
    get(_target, key) {
      if (typeof key !== "string" || probed(key)) return undefined;
      const error = new AttributeError(`module 'asyncio' has no attribute '${key}'`);
      const near = closestName(key, names);
      if (near !== undefined) suggestions.set(error, near);
      throw error;
    },
  });
  return Object.assign(Object.create(missing) as object, exports);
}
