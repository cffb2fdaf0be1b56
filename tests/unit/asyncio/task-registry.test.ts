// The loop's list of tasks (task-registry.ts): allTasks() in creation order while tasks
// finish out of order, through the squeezing out of finished ones, and empty at the end.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import { runVirtual } from "./helpers";

describe("task registry", () => {
  it("allTasks() keeps creation order as tasks finish out of order and new ones come", async () => {
    await runVirtual(function* main(): asyncio.Coroutine<void> {
      const loop = asyncio.getRunningLoop();
      // Task i sleeps i % 3 seconds: a third finish at each of t=0, 1, 2.
      function* job(i: number): asyncio.Coroutine<number> {
        yield* asyncio.sleep(i % 3);
        return i;
      }
      const first = Array.from({ length: 120 }, (_, i) => asyncio.createTask(job(i), { name: `a${i}` }));
      const names = (): string[] =>
        [...asyncio.allTasks()].map((t) => t.getName()).filter((n) => n !== asyncio.currentTask()?.getName());
      expect(names()).toEqual(first.map((t) => t.getName()));
      yield* asyncio.sleep(0.5); // the 40 with i % 3 === 0 are done
      const left = first.filter((_, i) => i % 3 !== 0).map((t) => t.getName());
      expect(names()).toEqual(left);
      yield* asyncio.sleep(1); // 40 more done: 80 of 121 are finished, more than half
      const later = Array.from({ length: 5 }, (_, i) => asyncio.createTask(job(3 * i), { name: `b${i}` }));
      const still = first.filter((_, i) => i % 3 === 2).map((t) => t.getName());
      expect(names()).toEqual([...still, ...later.map((t) => t.getName())]);
      expect(loop._tasks.length).toBeLessThan(121 + 5); // the finished ones were squeezed out
      yield* asyncio.gather(...first, ...later);
      expect(names()).toEqual([]);
    });
  });

  it("empties the list when the last task finishes, and a finished task cannot be taken off twice", async () => {
    const loop = asyncio.newEventLoop({ clock: "virtual" });
    function* quick(): asyncio.Coroutine<void> {}
    const ts = Array.from({ length: 50 }, () => loop.createTask(quick()));
    expect(asyncio.allTasks(loop).size).toBe(50);
    await loop.runUntilComplete(asyncio.gather(...ts));
    expect(asyncio.allTasks(loop).size).toBe(0);
    expect(loop._tasks).toEqual([]);
    expect(ts.every((t) => t._taskIndex === -1)).toBe(true);
    loop.close();
  });
});
