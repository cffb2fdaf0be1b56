/**
 * Python's `<` on plain values, and a `heapq` push/pop built on it, for
 * `PriorityQueue`. Numbers, bigints, booleans and strings compare by value;
 * arrays (Python's tuples) compare element by element, the first unequal pair
 * deciding, then by length. Anything else throws CPython's `TypeError`.
 * @internal
 * Python: the `<` operator and heapq.heappush / heapq.heappop
 */

type Scalar = number | bigint | boolean | string;

function isScalar(x: unknown): x is Scalar {
  const t = typeof x;
  return t === "number" || t === "bigint" || t === "boolean" || t === "string";
}

/**
 * Python's `set(x)`: the distinct items of `x`, or CPython's TypeError for what cannot be
 * iterated (where `new Set(null)` would be empty, and `new Set(42)` would say it in V8's words).
 * @example
 * pySet([1, 1, 2]).size; // 2
 * pySet(42); // TypeError: 'int' object is not iterable
 * @internal
 */
export function pySet<T>(x: Iterable<T>): Set<T> {
  if (!isIterable(x)) throw new TypeError(`'${pyTypeName(x)}' object is not iterable`);
  return new Set(x);
}

/**
 * Whether Python's `iter(x)` would work on `x`'s twin: it has a `Symbol.iterator`.
 * @example
 * isIterable([1]); // true
 * isIterable(null); // false
 * @internal
 */
export function isIterable(x: unknown): x is Iterable<unknown> {
  return x != null && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
}

/**
 * reprlib's `_possibly_sorted`: `items` sorted by `key` with Python's `<`, or as they
 * are when Python could not compare them.
 * @example
 * pyPossiblySorted([3, 1, 2], (x) => x); // [1, 2, 3]
 * pyPossiblySorted([1, "a"], (x) => x); // [1, "a"]
 * @internal
 */
export function pyPossiblySorted<T>(items: readonly T[], key: (item: T) => unknown): T[] {
  try {
    return [...items].sort((a, b) => (pyLess(key(a), key(b)) ? -1 : pyLess(key(b), key(a)) ? 1 : 0));
  } catch {
    return [...items];
  }
}

/**
 * Python's type name for a JS value, for error messages (`'int' object is not …`).
 * @example
 * pyTypeName(1); // "int"
 * pyTypeName("a"); // "str"
 * @internal
 */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return "NoneType";
  if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
  if (typeof x === "bigint") return "int";
  if (typeof x === "boolean") return "bool";
  if (typeof x === "string") return "str";
  if (Array.isArray(x)) return "list";
  if (typeof x === "function") return "function";
  if (typeof x === "object") {
    const proto: unknown = Object.getPrototypeOf(x);
    if (proto === Object.prototype || proto === null) return "dict"; // a plain object is JS's dict
    return (x as object).constructor?.name ?? "object";
  }
  return typeof x;
}

/**
 * True for what Python's arithmetic takes as a number here: a number, or a boolean (a
 * bool is an int in Python).
 * @example
 * _isPyNumber(true); // true
 * _isPyNumber("1"); // false
 * @internal
 */
export function _isPyNumber(value: unknown): value is number | boolean {
  return typeof value === "number" || typeof value === "boolean";
}

/**
 * `value` as the number asyncio's own code would compute with (a boolean as 0 or 1), or
 * the TypeError CPython raises where that code first compares it with (`op` "<=", "<") or
 * adds it to (`op` "+") a number of Python type `number`: what a delay or timeout that
 * is no number meets.
 * @example
 * _pyNumber(true, "+", "float"); // 1
 * _pyNumber("1", "+", "float"); // TypeError: unsupported operand type(s) for +: 'float' and 'str'
 * _pyNumber(null, "<=", "int"); // TypeError: '<=' not supported between instances of 'NoneType' and 'int'
 * @internal
 */
export function _pyNumber(value: unknown, op: "+" | "<=" | "<", number: "int" | "float"): number {
  if (_isPyNumber(value)) return Number(value);
  if (op === "+") throw new TypeError(`unsupported operand type(s) for +: '${number}' and '${pyTypeName(value)}'`);
  throw new TypeError(`'${op}' not supported between instances of '${pyTypeName(value)}' and '${number}'`);
}

/** Python's `==` for the values `pyLess` understands (identity otherwise). */
function pyEq(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  }
  // Numbers, bigints and booleans are all numbers in Python: 1 == 1n == true.
  if (isScalar(a) && isScalar(b) && typeof a !== "string" && typeof b !== "string") {
    return a == b; // loose on purpose: numeric equality across number/bigint/boolean
  }
  return a === b;
}

/**
 * Python's `a < b`. Throws `TypeError("'<' not supported between instances of 'X' and 'Y'")`
 * for values Python could not compare (or that have no JS counterpart to compare).
 * @internal
 */
function pyLess(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i], b[i])) return pyLess(a[i], b[i]);
    }
    return a.length < b.length;
  }
  if (typeof a === "string" && typeof b === "string") return a < b;
  if (isScalar(a) && isScalar(b) && typeof a !== "string" && typeof b !== "string") {
    return a < b;
  }
  throw new TypeError(
    `'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
  );
}

/** heapq's `_siftdown`: move the item at `pos` up towards `start` while it is smaller than its parent. */
function siftDown<T>(heap: T[], start: number, pos: number): void {
  const item = heap[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (!pyLess(item, parent)) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

/**
 * heapq's `_siftup`: walk the smaller child up from `pos` to a leaf, put the
 * item there, then sift it back down (fewer comparisons than stopping early).
 */
function siftUp<T>(heap: T[], pos: number): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !pyLess(heap[child], heap[right])) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos);
}

/**
 * heapq.heappush with Python's `<`.
 * @example
 * const heap: number[] = []; pyHeapPush(heap, 3); pyHeapPush(heap, 1); // heap[0] === 1
 * @internal
 */
export function pyHeapPush<T>(heap: T[], item: T): void {
  heap.push(item);
  siftDown(heap, 0, heap.length - 1);
}

/**
 * heapq.heappop with Python's `<`; the caller ensures the heap is not empty.
 * @example
 * pyHeapPop([1, 3]); // 1
 * @internal
 */
export function pyHeapPop<T>(heap: T[]): T {
  const last = heap.pop() as T;
  if (heap.length === 0) return last;
  const top = heap[0];
  heap[0] = last;
  siftUp(heap, 0);
  return top;
}
