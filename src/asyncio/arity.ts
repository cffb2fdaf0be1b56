/**
 * Python binds a call's arguments before the function runs: a call short of a required
 * positional argument fails at once, with the function's name and the missing
 * parameters' names. JavaScript fills the gap with `undefined` and carries on, so
 * `asyncio.sleep()` would only fail later, on a comparison, with a message about
 * `NoneType`. The library's entry points check `arguments.length` instead and raise
 * CPython's TypeError (in the library's names: `callLater`, not `call_later`).
 * @example
 * if (arguments.length === 0) throw _missingArguments("sleep", ["delay"]);
 * // TypeError: sleep() missing 1 required positional argument: 'delay'
 * @internal
 */

/**
 * CPython's error for a call missing the required positional parameters `missing` of
 * `func` (its qualified name: `"BaseEventLoop.callSoon"`). Python: `missing_arguments()`
 * in Python/ceval.c, which lists names as `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
 * @example
 * _missingArguments("BaseEventLoop.callLater", ["delay", "callback"]).message;
 * // "BaseEventLoop.callLater() missing 2 required positional arguments: 'delay' and 'callback'"
 * @internal
 */
export function _missingArguments(func: string, missing: readonly string[]): TypeError {
  const names = missing.map((name) => `'${name}'`);
  const listed =
    names.length === 1 ? names[0]
    : names.length === 2 ? `${names[0]} and ${names[1]}`
    : `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
  const n = missing.length;
  return new TypeError(`${func}() missing ${n} required positional argument${n === 1 ? "" : "s"}: ${listed}`);
}

/**
 * Throws `_missingArguments` when a call gave fewer than `params.length` arguments
 * (`given`: its `arguments.length`); the missing ones are the last.
 * @example
 * _requireArguments(arguments.length, "timeout", ["delay"]);
 * @internal
 */
export function _requireArguments(given: number, func: string, params: readonly string[]): void {
  if (given < params.length) throw _missingArguments(func, params.slice(given));
}
