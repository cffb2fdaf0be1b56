// A call short of a required positional argument fails at the call, before anything
// runs, with the function's name and the missing parameters' names (Python/ceval.c's
// missing_arguments), even for wait_for (a coroutine function) and as_completed (a
// generator function): nothing is awaited or iterated here.
import * as asyncio from "asyncio";
import { print, pyNames } from "../py";

/** Called as a reader who ignores the type errors would call it. */
const loose = (fn: unknown): ((...args: unknown[]) => unknown) => fn as (...args: unknown[]) => unknown;

function attempt(label: string, fn: () => unknown): void {
  try {
    fn();
    print(label, "-> no error");
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print(label, "raises", pyNames(e.message));
  }
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  attempt("sleep()", () => loose(asyncio.sleep)());
  attempt("timeout()", () => loose(asyncio.timeout)());
  attempt("timeout_at()", () => loose(asyncio.timeoutAt)());
  attempt("create_task()", () => loose(asyncio.createTask)());
  attempt("ensure_future()", () => loose(asyncio.ensureFuture)());
  attempt("shield()", () => loose(asyncio.shield)());
  attempt("call_soon()", () => loose(loop.callSoon).call(loop));
  attempt("call_later()", () => loose(loop.callLater).call(loop));
  attempt("call_later(1)", () => loose(loop.callLater).call(loop, 1));
  attempt("call_at(1)", () => loose(loop.callAt).call(loop, 1));
  attempt("run_until_complete()", () => loose(loop.runUntilComplete).call(loop));
  attempt("wait_for(fut)", () => loose(asyncio.waitFor)(loop.createFuture()));
  attempt("wait_for()", () => loose(asyncio.waitFor)());
  attempt("as_completed()", () => loose(asyncio.asCompleted)());
  const [f1, f2] = [loop.createFuture(), loop.createFuture()];
  attempt("wait(f1, f2)", () => loose(asyncio.wait)(f1, f2));
  attempt("wait()", () => loose(asyncio.wait)());
  print("done");
}

await asyncio.run(main());
