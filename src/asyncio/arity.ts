/**
 * Python binds a call's arguments before the function runs: a call short of a required
 * positional argument fails at once, with the function's name and the missing
 * parameters' names. JavaScript fills the gap with `undefined` and carries on, so
 * `asyncio.sleep()` would only fail later, on a comparison, with a message about
 * `NoneType`. The library's entry points check `arguments.length` instead and raise
 * CPython's TypeError (in the library's names: `callLater`, not `call_later`).
 * @example
 * if (arguments.length < 1) throw _missingArguments("sleep", ["delay"]);
 * // TypeError: sleep() missing 1 required positional argument: 'delay'
 * @internal
 */

/**
 * CPython's error for a call to `func` (its qualified name: `"BaseEventLoop.callSoon"`)
 * that gave only `given` of its required positional parameters `params`: the rest are
 * missing. Python: `missing_arguments()` in Python/ceval.c, which lists names as `'a'`,
 * `'a' and 'b'`, `'a', 'b', and 'c'`. Callers compare `arguments.length` first, so a
 * call that is fine pays one comparison and builds nothing.
 * @example
 * if (arguments.length < 2) throw _missingArguments("BaseEventLoop.callLater", ["delay", "callback"], arguments.length);
 * // TypeError: BaseEventLoop.callLater() missing 2 required positional arguments: 'delay' and 'callback'
 * @internal
 */
export function _missingArguments(func: string, params: readonly string[], given = 0): TypeError {
  const missing = params.slice(given);
  const names = missing.map((name) => `'${name}'`);
  const listed =
    names.length === 1 ? names[0]
    : names.length === 2 ? `${names[0]} and ${names[1]}`
    : `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
  const n = missing.length;
  return new TypeError(`${func}() missing ${n} required positional argument${n === 1 ? "" : "s"}: ${listed}`);
}
