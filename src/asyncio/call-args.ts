/**
 * How a queued callback keeps its arguments: in one value, not an array per call.
 * Handles, the ready queue and the timer heap all store a callback's arguments
 * "packed": `NO_ARGS` for none, the argument itself for exactly one (any value, arrays
 * too), an `ArgList` for two or more. Nearly every call passes zero or one argument,
 * so nearly every call allocates nothing for its arguments.
 * @example
 * const packed = _packArgs([1, 2]);
 * _invoke(console.log, packed); // logs 1 2
 * @internal
 */

/**
 * The packed form of "no arguments".
 * @example
 * new Handle(cb, NO_ARGS, loop); // a handle that calls cb()
 * @internal
 */
export const NO_ARGS: readonly unknown[] = Object.freeze([]);

/**
 * Two or more arguments, packed. A single argument is kept bare, so the packed form
 * needs a wrapper that no argument can be: `ArgList.has` is a brand check on a private
 * field, which no user value (not even a Proxy) passes and which runs no user code.
 */
class ArgList {
  readonly #list: readonly unknown[];
  constructor(list: readonly unknown[]) {
    this.#list = list;
  }
  static has(x: unknown): x is ArgList {
    return typeof x === "object" && x !== null && #list in x;
  }
  get list(): readonly unknown[] {
    return this.#list;
  }
}

/**
 * Pack `list[from..]` (an array or a function's `arguments`).
 * @example
 * _packArgs([]) === NO_ARGS; // true
 * _packArgs(["x"]); // "x"
 * @internal
 */
export function _packArgs(list: ArrayLike<unknown>, from = 0): unknown {
  const n = list.length - from;
  if (n <= 0) return NO_ARGS;
  if (n === 1) return list[from];
  const rest: unknown[] = [];
  for (let i = from; i < list.length; i++) rest.push(list[i]);
  return new ArgList(rest);
}

/**
 * The packed arguments as a list.
 * @example
 * _unpackArgs("x"); // ["x"]
 * @internal
 */
export function _unpackArgs(args: unknown): readonly unknown[] {
  if (args === NO_ARGS) return NO_ARGS;
  return ArgList.has(args) ? args.list : [args];
}

/**
 * Call `cb` with the packed arguments (errors pass through).
 * @example
 * _invoke((a: number) => a + 1, 1); // 2
 * @internal
 */
export function _invoke(cb: (...args: never[]) => unknown, args: unknown): unknown {
  const fn = cb as (...args: unknown[]) => unknown;
  if (args === NO_ARGS) return fn();
  if (!ArgList.has(args)) return fn(args);
  const list = args.list;
  return list.length === 2 ? fn(list[0], list[1]) : fn(...list);
}
