/**
 * Printing helpers for the TypeScript side of the conformance scenarios, so that
 * `console.log` writes what Python's `print` writes for the same values.
 *
 * Only the shapes the scenarios print are covered: None, booleans, integers,
 * strings, arrays (Python lists) and errors. Floats are always formatted
 * explicitly on both sides (`f"{t:.3f}"` / `t.toFixed(3)`), never through here.
 */

/** Python's `repr()` for the values the scenarios print. */
export function repr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error(`repr(): format the float ${value} explicitly`);
    return String(value);
  }
  if (typeof value === "string") {
    return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/'/g, "\\'")}'`;
  }
  if (Array.isArray(value)) return `[${value.map(repr).join(", ")}]`;
  throw new Error(`repr(): no Python form for ${Object.prototype.toString.call(value)}`);
}

/** Python's `str()`: strings as they are, everything else as `repr()`. */
export function str(value: unknown): string {
  return typeof value === "string" ? value : repr(value);
}

/**
 * The contract's one deliberate difference in messages: where CPython names a
 * Python function (`task_done()`, a missing attribute `'add_done_callback'`, a missing
 * parameter `'coro_or_future'`), the library names the TypeScript one (`taskDone()`,
 * `'addDoneCallback'`, `'coroOrFuture'`). This maps such
 * names back, so the comparison stays exact everywhere else.
 */
export function pyNames(message: string): string {
  const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return message
    .replace(/\b([a-z]+(?:[A-Z][a-z0-9]*)+)\(\)/g, (_m, name: string) => `${snake(name)}()`)
    // "has no attribute 'addDoneCallback'": a method named by its attribute.
    .replace(/attribute '([a-z]+(?:[A-Z][a-z0-9]*)+)'/g, (_m, name: string) => `attribute '${snake(name)}'`)
    // "missing 1 required positional argument: 'coroOrFuture'": a parameter, named likewise.
    .replace(/(required positional arguments?: )(.*)$/, (_m, head: string, list: string) =>
      head + list.replace(/'([a-z]+(?:[A-Z][a-z0-9]*)+)'/g, (_q, name: string) => `'${snake(name)}'`));
}

/** `f"{type(e).__name__}: {e}"`, with TypeScript function names mapped back (`pyNames`). */
export function fmt(e: unknown): string {
  const err = e as Error;
  return `${err.name}: ${pyNames(err.message)}`;
}

/** `print(*args)`: the values joined by spaces, each as `str()`. */
export function print(...args: unknown[]): void {
  console.log(args.map(str).join(" "));
}
