import * as asyncio from "asyncio";

function tick(loop: asyncio.EventLoop, start: number, n: number): void {
  console.log(`${(loop.time() - start).toFixed(1)} s: tick ${n}`);
  if (n === 5) {
    loop.stop(); // the last one: stop runForever()
    return;
  }
  loop.callLater(1.0, tick, loop, start, n + 1); // a callback runs once: register again
}

const loop = asyncio.newEventLoop();
loop.callSoon(tick, loop, loop.time(), 1);
// loop.run_forever() blocks in Python; here it returns a Promise that settles when
// the loop stops, so the page stays responsive while it runs.
await loop.runForever();
loop.close();
