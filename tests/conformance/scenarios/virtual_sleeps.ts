// Sleeps on the virtual clock: time jumps straight to each deadline, even
// past the selector's one-day cap.
import * as asyncio from "asyncio";
import { print } from "../py";

function* sleeper(name: string, delay: number) {
  const loop = asyncio.getRunningLoop();
  const r = yield* asyncio.sleep(delay, `${name} slept`);
  print(`${r} ${delay} -> t=${loop.time().toFixed(3)}`);
}

function* main() {
  const loop = asyncio.getRunningLoop();
  yield* asyncio.gather(sleeper("a", 0.3), sleeper("b", 0.1), sleeper("c", 0.2), sleeper("d", 0.1));
  print(`after gather t=${loop.time().toFixed(3)}`);
  yield* asyncio.sleep(1.5);
  print(`t=${loop.time().toFixed(3)}`);
  yield* asyncio.sleep(100000);
  print(`after a long sleep t=${loop.time().toFixed(3)}`);
  yield* asyncio.sleep(-1);
  print(`negative sleep t=${loop.time().toFixed(3)}`);
}

await asyncio.run(main());
