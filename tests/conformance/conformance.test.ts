/**
 * Differential conformance: every scenario in `scenarios/` exists twice, as
 * `NAME.py` (run by CPython 3.11 on the virtual-clock harness: the
 * specification) and `NAME.ts` (its twin on the loop library). Their stdouts
 * must be byte-identical.
 *
 * Each TypeScript twin runs in its own Node process, so every scenario starts
 * from fresh library state (task-name counter, running-loop slot, configure()
 * defaults). Two run at a time; nothing is cached between runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { findPython, runPythonVirtual } from "../harness/python";
import { type ChildResult, SCENARIOS, lineDiff, listScenarioFiles, pool, runTsScenario } from "./runner";

const MIN_PAIRS = 45;
const PARALLEL = 2;

const { py, ts } = listScenarioFiles();
const names = py.filter((n) => ts.includes(n));

describe("conformance scenario list", () => {
  it(`has at least ${MIN_PAIRS} pairs`, () => {
    expect(names.length).toBeGreaterThanOrEqual(MIN_PAIRS);
  });

  it("pairs every .py with a .ts and every .ts with a .py", () => {
    expect(py.filter((n) => !ts.includes(n)), "Python scenarios without a TypeScript twin").toEqual([]);
    expect(ts.filter((n) => !py.includes(n)), "TypeScript twins without a Python scenario").toEqual([]);
  });
});

const python = findPython();

describe.skipIf(!python)("CPython 3.11 vs the loop library", () => {
  let results: Map<string, Promise<ChildResult>>;
  let started = 0;

  beforeAll(() => {
    started = Date.now();
    const jobs = names.map((n) => () => runTsScenario(join(SCENARIOS, `${n}.ts`)));
    const promises = pool(jobs, PARALLEL);
    results = new Map(names.map((n, i) => [n, promises[i]]));
    // Failures are reported by each test; keep unobserved rejections quiet meanwhile.
    for (const p of promises) p.catch(() => undefined);
  });

  afterAll(() => {
    console.log(`conformance: ${names.length} scenario pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  for (const name of names) {
    it(name, async () => {
      const expected = runPythonVirtual(python!, join(SCENARIOS, `${name}.py`));
      expect(expected.length, "the Python scenario printed nothing").toBeGreaterThan(0);
      const got = await results.get(name)!;
      const crash = got.code !== 0 ? `\nTypeScript side exited with ${got.code ?? got.signal}:\n${got.stderr}` : "";
      if (got.stdout !== expected || got.code !== 0) {
        const diff = lineDiff(expected, got.stdout);
        expect.fail(`${name}: output differs ("-" CPython, "+" loop library)\n${diff}${crash}`);
      }
      expect(got.stdout).toBe(expected);
    });
  }
});
