/**
 * `shield()`: await something without letting a cancellation of the awaiting
 * task reach it.
 *
 * Python: asyncio.tasks.shield
 */
import type { Awaitable, TaggedFunction } from "./coroutines";
import type { Future } from "./futures";
import { ensureFuture } from "./tasks";
import { _missingArguments } from "./arity";

/**
 * Wrap `aw` (a coroutine becomes a task) in a new outer future that copies its
 * outcome. Cancelling the outer future, which is what happens when the task
 * awaiting it is cancelled, leaves the inner one running. If the inner one is
 * cancelled by other means, the outer one is cancelled too. An inner future that
 * is already done is returned as it is.
 *
 * @example
 * const inner = asyncio.createTask(save());
 * try {
 *   yield* asyncio.shield(inner); // cancelling us does not stop save()
 * } catch (e) {
 *   if (!(e instanceof asyncio.CancelledError)) throw e;
 * }
 *
 * Python: asyncio.shield(aw)
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  if (arguments.length < 1) throw _missingArguments("shield", ["arg"]);
  const inner = ensureFuture(aw) as Future<T>;
  if (inner.done()) return inner; // Shortcut.
  const outer = inner.getLoop().createFuture<T>();

  const innerDoneCallback = (f: Future<T>): void => {
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception(); // mark the result as retrieved
      return;
    }
    if (f.cancelled()) {
      outer.cancel();
    } else {
      const exc = f.exception();
      if (exc !== null) outer.setException(exc);
      else outer.setResult(f.result());
    }
  };
  const outerDoneCallback = (): void => {
    if (!inner.done()) inner.removeDoneCallback(innerDoneCallback);
  };
  (innerDoneCallback as TaggedFunction)._asyncioName = "shield.<locals>._inner_done_callback";
  (outerDoneCallback as TaggedFunction)._asyncioName = "shield.<locals>._outer_done_callback";

  inner.addDoneCallback(innerDoneCallback);
  outer.addDoneCallback(outerDoneCallback);
  return outer;
}
