/**
 * `gather(*futures, return_exceptions=True)` for the loop's own shutdown steps
 * (`run()` cancelling leftover tasks, `shutdownAsyncgens()`), without depending on the
 * extras' gather.ts.
 * @internal
 */
import type { EventLoop } from "./base-events";
import type { TaggedFunction } from "./coroutines";
import { CancelledError } from "./exceptions";
import { _cancelMessageOf } from "./future-state";
import type { Future } from "./futures";

/**
 * What a done child future gives the results of `gather(..., return_exceptions=True)`:
 * its result, the error it raised, or a new CancelledError for a cancelled child.
 * @example
 * const results = children.map(_outcome); // [1, ValueError(...), CancelledError(...)]
 * @internal
 * Python: the list comprehension at the end of gather's `_done_callback`
 */
export function _outcome(child: Future): unknown {
  if (child.cancelled()) return new CancelledError(_cancelMessageOf(child) ?? "");
  const exc = child.exception();
  return exc !== null ? exc : child.result();
}

/**
 * A future done when every child is, with their outcomes in order: a result, the error
 * raised, or a CancelledError for a cancelled child. The same done callbacks as
 * CPython's gather, so the same loop turns. `children` must not be empty.
 * @example
 * const results = yield* _gatherSettled(loop, tasks);
 * Python: asyncio.gather(*children, return_exceptions=True)
 */
export function _gatherSettled(loop: EventLoop, children: Future[]): Future<unknown[]> {
  const outer = loop.createFuture<unknown[]>();
  let finished = 0;
  const doneCallback = (fut: Future): void => {
    finished += 1;
    if (outer.done()) {
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (finished === children.length) {
      outer.setResult(children.map(_outcome));
    }
  };
  // The name the loop's observer shows: CPython's is gather's own `_done_callback`.
  (doneCallback as TaggedFunction)._asyncioName = "gather.<locals>._done_callback";
  for (const child of children) child.addDoneCallback(doneCallback);
  return outer;
}
