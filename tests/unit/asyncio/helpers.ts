// Helpers shared by the loop library's unit tests: a fresh loop or a whole run on the
// virtual clock, and the logging job that the wait/timeout scenarios start as tasks.
import * as asyncio from "asyncio";
import type { Coroutine } from "asyncio";

/** A new event loop on the virtual clock (the caller closes it). */
export function virtualLoop(): asyncio.EventLoop {
  return asyncio.newEventLoop({ clock: "virtual" });
}

/** `asyncio.run(main())` on the virtual clock, so sleeps jump straight to their deadlines. */
export function runVirtual<T>(main: () => Coroutine<T>): Promise<T> {
  return asyncio.run(main(), { clock: "virtual" });
}

/**
 * A job factory writing to `log`: `work(name, delay, fail)` sleeps `delay`, then logs
 * `<name> done t=<loop time>` and returns its name, or raises ValueError(name) when
 * `fail`. A cancellation during the sleep is logged as `<name> cancelled t=<loop time>`
 * and passed on.
 */
export function jobs(log: string[]) {
  return function* work(name: string, delay: number, fail = false): Coroutine<string> {
    const loop = asyncio.getRunningLoop();
    try {
      yield* asyncio.sleep(delay);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) log.push(`${name} cancelled t=${loop.time()}`);
      throw e;
    }
    if (fail) throw new asyncio.ValueError(name);
    log.push(`${name} done t=${loop.time()}`);
    return name;
  };
}

/** A value as the CPython scenarios print it: an exception as `Name('message')`, else JSON. */
export function repr(x: unknown): string {
  if (x instanceof Error) return `${x.name}('${x.message}')`;
  return JSON.stringify(x);
}

/**
 * Like `jobs`, but each job also logs `<name> start`, and a cancellation is logged as
 * `<name> cancelled` without the time (the gather and shield scenarios' format).
 */
export function startJobs(log: string[]) {
  return function* work(name: string, delay: number, fail = false): Coroutine<string> {
    const loop = asyncio.getRunningLoop();
    log.push(`${name} start`);
    try {
      yield* asyncio.sleep(delay);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) log.push(`${name} cancelled`);
      throw e;
    }
    if (fail) throw new asyncio.ValueError(name);
    log.push(`${name} done t=${loop.time()}`);
    return name;
  };
}
