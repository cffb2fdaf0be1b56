/**
 * What a future shows and whom it calls back, apart from the Future class (futures.ts):
 * the done-callback list and the repr, as CPython keeps `_format_callbacks` and
 * `_future_repr_info` in `base_futures.py`.
 *
 * The done callbacks of a future are one field: null for none, the callback itself
 * for one (no array, as CPython's C Future keeps its first callback apart), an array
 * for two or more. A callback is a function and an array is not, so the kinds never
 * mix up.
 * @internal
 */
import { _callbackSource, _repr } from "./coroutines";
import type { Callback } from "./events";
import { _FINISHED, _STATE_NAMES, _exceptionOf, type FutureFields } from "./future-state";

/**
 * A future's done callbacks, as the one field holds them.
 * @example
 * const none: CallbackList = null;
 * @internal
 */
export type CallbackList = Callback | Callback[] | null;

/**
 * The list with `fn` added at the end.
 * @example
 * fut._callbacks = _withCallback(fut._callbacks, fn);
 * @internal
 */
export function _withCallback(cbs: CallbackList, fn: Callback): CallbackList {
  if (cbs === null) return fn;
  if (typeof cbs === "function") return [cbs, fn];
  cbs.push(fn);
  return cbs;
}

/**
 * The list without any registration of `fn`, and how many there were.
 * @example
 * const [kept, removed] = _withoutCallback(fut._callbacks, fn);
 * @internal
 */
export function _withoutCallback(cbs: CallbackList, fn: Callback): [CallbackList, number] {
  if (typeof cbs === "function") return cbs === fn ? [null, 1] : [cbs, 0];
  if (cbs === null) return [null, 0];
  const kept = cbs.filter((cb) => cb !== fn);
  const removed = cbs.length - kept.length;
  return removed === 0 ? [cbs, 0] : [kept.length === 0 ? null : kept, removed];
}

/**
 * CPython's `_format_callbacks`: `cb=[f(), <3 more>, g()]` for the repr, or "" for none.
 * @example
 * _formatCallbacks([a, b]); // "cb=[a(), b()]"
 * @internal Python: asyncio.base_futures._format_callbacks(cb)
 */
export function _formatCallbacks(held: CallbackList): string {
  const cbs: readonly unknown[] = held === null ? [] : typeof held === "function" ? [held] : held;
  const n = cbs.length;
  if (n === 0) return "";
  const fmt = (cb: unknown): string => `${_callbackSource(cb)}()`;
  const body = n === 1 ? fmt(cbs[0])
    : n === 2 ? `${fmt(cbs[0])}, ${fmt(cbs[1])}`
    : `${fmt(cbs[0])}, <${n - 2} more>, ${fmt(cbs[n - 1])}`;
  return `cb=[${body}]`;
}

/**
 * The parts of a future's repr after its class name: the state, the outcome, the callbacks.
 * @example
 * _futureReprInfo(fut).join(" "); // "finished result=3"
 * @internal Python: asyncio.base_futures._future_repr_info(future)
 */
export function _futureReprInfo(fut: FutureFields & { _callbacks: CallbackList }): string[] {
  const info: string[] = [_STATE_NAMES[fut._state]];
  if (fut._state === _FINISHED) {
    const exc = _exceptionOf(fut);
    info.push(exc !== null ? `exception=${_repr(exc)}` : `result=${_repr(fut._result, true)}`);
  }
  const cbs = _formatCallbacks(fut._callbacks);
  if (cbs !== "") info.push(cbs);
  return info;
}
