/**
 * `reprlib`'s limits, which CPython's asyncio applies wherever it shows a value inside
 * another repr: a handle's arguments, a future's result, a partial's bound arguments.
 * A long string or number keeps its two ends around "...", a list shows six items, a
 * set six and a dict four (sorted, as reprlib sorts them when Python can), and nesting stops six levels down
 * at `[...]`. Any other object (a future, an error) keeps 30 characters of its repr.
 * @example
 * _reprShort("x".repeat(40)); // "'xxxxxxxxxxx...xxxxxxxxxxxxx'"
 * _reprShort([1, 2, 3, 4, 5, 6, 7]); // "[1, 2, 3, 4, 5, 6, ...]"
 * @internal
 * Python: reprlib.repr (reprlib.Repr with its defaults)
 */
import { _repr } from "./coroutines";
import { pyPossiblySorted } from "./py-compare";

const MAX_LEVEL = 6;
const MAX_LIST = 6;
const MAX_SET = 6;
const MAX_DICT = 4;
const MAX_STRING = 30;
const MAX_LONG = 40;
const MAX_OTHER = 30;
const FILL = "...";

/** How many characters of each end reprlib keeps when it cuts to `max` (its own arithmetic). */
function kept(max: number): [number, number] {
  const i = Math.max(0, Math.floor((max - FILL.length) / 2));
  return [i, Math.max(0, max - FILL.length - i)];
}

/** `s` cut to `max` characters, its two ends kept around "...". */
function ends(s: string, max: number): string {
  if (s.length <= max) return s;
  const [i, j] = kept(max);
  return s.slice(0, i) + FILL + s.slice(s.length - j);
}

/** `items` as reprlib joins an iterable: `maxiter` shown, then "...", or "..." alone past the last level. */
function iterable(items: readonly unknown[], level: number, left: string, right: string, maxiter: number): string {
  if (level <= 0 && items.length > 0) return `${left}${FILL}${right}`;
  const pieces = items.slice(0, maxiter).map((item) => _reprShort(item, level - 1));
  if (items.length > maxiter) pieces.push(FILL);
  return `${left}${pieces.join(", ")}${right}`;
}

/** A dict's pairs as reprlib shows them: keys sorted when Python can sort them, four pairs at most. */
function dict(pairs: [unknown, unknown][], level: number): string {
  if (pairs.length === 0) return "{}";
  if (level <= 0) return `{${FILL}}`;
  const keyed = pyPossiblySorted(pairs, ([k]) => k);
  const pieces = keyed.slice(0, MAX_DICT).map(([k, v]) => `${_reprShort(k, level - 1)}: ${_reprShort(v, level - 1)}`);
  if (pairs.length > MAX_DICT) pieces.push(FILL);
  return `{${pieces.join(", ")}}`;
}

/**
 * reprlib's repr of `value`'s Python twin, `level` levels of nesting left.
 * @example
 * _reprShort(new Map([["b", 1], ["a", 2]])); // "{'a': 2, 'b': 1}"
 * @internal
 */
export function _reprShort(value: unknown, level = MAX_LEVEL): string {
  if (typeof value === "string") {
    // The quote is chosen from the kept ends, as reprlib re-reprs the shortened text.
    const s = _repr(value.slice(0, MAX_STRING));
    if (s.length <= MAX_STRING) return s;
    const [i, j] = kept(MAX_STRING);
    const r = _repr(value.slice(0, i) + value.slice(value.length - j));
    return r.slice(0, i) + FILL + r.slice(r.length - j);
  }
  if (typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value))) return ends(_repr(value), MAX_LONG);
  if (Array.isArray(value)) return iterable(value, level, "[", "]", MAX_LIST);
  if (value instanceof Set) return value.size === 0 ? "set()" : iterable(pyPossiblySorted([...value], (x) => x), level, "{", "}", MAX_SET);
  if (value instanceof Map) return dict([...value], level);
  if (typeof value === "object" && value !== null) {
    const proto: unknown = Object.getPrototypeOf(value);
    const own = (value as { toString?: unknown }).toString;
    if ((proto === Object.prototype || proto === null) && (own === undefined || own === Object.prototype.toString)) {
      return dict(Object.entries(value), level);
    }
  }
  // Everything else (a float, None, a bool, a future, an error, a generator): 30 characters.
  return ends(_repr(value), MAX_OTHER);
}
