import * as asyncio from "asyncio";

class PaymentError extends Error {
  override name = "PaymentError";
}

function* slow(name: string): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(5);
    console.log(`${name}: finished`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log(`${name}: cancelled by the group`);
    throw e;
  }
}

function* fail(delay: number, exc: Error): asyncio.Coroutine<never> {
  yield* asyncio.sleep(delay);
  throw exc;
}

/** Python's `[str(e) for e in eg.exceptions]`. */
const messages = (eg: asyncio.BaseExceptionGroup): string =>
  `[${eg.exceptions.map((e) => `'${(e as Error).message}'`).join(", ")}]`;

function* main(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(slow("report"));
      tg.createTask(fail(1, new asyncio.ValueError("bad amount")));
      tg.createTask(fail(1, new PaymentError("card declined")));
    });
  } catch (e) {
    // except* ValueError / except* PaymentError: each clause takes its part of the group.
    if (!(e instanceof asyncio.BaseExceptionGroup)) throw e;
    const [values, rest] = e.split(asyncio.ValueError);
    if (values) console.log(`ValueError: ${messages(values)}`);
    const [payments, unhandled] = rest ? rest.split(PaymentError) : [null, null];
    if (payments) console.log(`PaymentError: ${messages(payments)}`);
    if (unhandled) throw unhandled; // what no clause matched is raised again
  }
  console.log(`${asyncio.getRunningLoop().time().toFixed(1)} main goes on`);
}

await asyncio.run(main());
