/**
 * Every runnable example in content/examples/: its files and meta are complete, the
 * published id list only grows, the TypeScript twin prints expected.txt exactly on the
 * virtual clock, and so does the Python original in CPython.
 */
import { describe, expect, it } from "vitest";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findPython, runPythonVirtual, waitedSeconds } from "../harness/python";
import { RUN_LIMITS } from "../../src/runner/limits";
import { pageSlugs } from "../content/page-list";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLES = join(ROOT, "content/examples");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const RUN_TS = join(ROOT, "scripts/run-ts.ts");
const FILES = ["example.py", "example.ts", "expected.txt", "meta.json"] as const;
/** The pages an example may name as its section: the content collection's page list. */
const SECTIONS = pageSlugs();
/** Twins run as child processes; two cores are shared, so only a few at a time. */
const PARALLEL = 3;

const folders = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const read = (id: string, file: string): string => readFileSync(join(EXAMPLES, id, file), "utf8");

/** The ids.json committed in git's HEAD, or [] when there is none yet. */
function committedIds(): string[] {
  try {
    const text = execFileSync("git", ["show", "HEAD:content/examples/ids.json"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return JSON.parse(text) as string[];
  } catch {
    return [];
  }
}

/** A small gate so at most `n` twins run at once. */
function limiter(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
const gate = limiter(PARALLEL);

function runTwin(file: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(TSX, [RUN_TS, file, "--clock", "virtual"], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

describe("example folders", () => {
  it("there are examples", () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it.each(folders)("%s has the four files and valid meta", (id) => {
    for (const f of FILES) expect(existsSync(join(EXAMPLES, id, f)), `${id}/${f}`).toBe(true);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const meta = JSON.parse(read(id, "meta.json")) as Record<string, unknown>;
    // compareNote is optional: why the comparison finds a difference the site cannot avoid.
    expect(Object.keys(meta).filter((k) => k !== "compareNote").sort()).toEqual(["caption", "clock", "section", "title"]);
    for (const key of ["title", "caption", ...("compareNote" in meta ? ["compareNote"] : [])]) {
      const text = meta[key] as Record<string, unknown>;
      expect(Object.keys(text).sort(), `${id} ${key}`).toEqual(["en", "ko"]);
      for (const lang of ["ko", "en"]) {
        expect(typeof text[lang], `${id} ${key}.${lang}`).toBe("string");
        expect((text[lang] as string).trim(), `${id} ${key}.${lang}`).not.toBe("");
      }
      // The Korean side is Korean, not a copy of the English one.
      expect(text.ko as string, `${id} ${key}.ko`).toMatch(/[\uac00-\ud7a3]/);
    }
    expect(["virtual", "real"]).toContain(meta.clock);
    expect(SECTIONS).toContain(meta.section);
    expect(read(id, "expected.txt"), `${id}/expected.txt`).not.toBe("");
  });

  it.each(folders)("%s: the twin is a module on the loop library's bare name", (id) => {
    const ts = read(id, "example.ts");
    // A file without import/export is a script: its top-level names would clash across twins.
    expect(ts).toMatch(/^(import \* as asyncio from "asyncio";|export \{\};)$/m);
  });

  it.each(folders)("%s: the original uses nothing removed or deprecated in 3.12-3.14", (id) => {
    const py = read(id, "example.py");
    expect(py).not.toMatch(/@asyncio\.coroutine/);
    expect(py).not.toMatch(/get_event_loop\(/);
  });
});

describe("published ids (content/examples/ids.json)", () => {
  const ids = JSON.parse(readFileSync(join(EXAMPLES, "ids.json"), "utf8")) as string[];

  it("lists exactly the example folders, sorted, once each", () => {
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids).toEqual(folders);
  });

  it("only ever grows: every id committed before is still listed", () => {
    const missing = committedIds().filter((id) => !ids.includes(id));
    expect(missing, "published ids are never removed or renamed").toEqual([]);
  });
});

describe("TypeScript twins on the virtual clock print expected.txt", () => {
  it.concurrent.each(folders)("%s", async (id) => {
    const { stdout, stderr } = await gate(() => runTwin(join(EXAMPLES, id, "example.ts")));
    expect(stdout, stderr).toBe(read(id, "expected.txt"));
  });
});

const python = findPython();

describe.skipIf(!python)("Python originals in CPython print expected.txt", () => {
  it.each(folders)("%s", (id) => {
    const out = runPythonVirtual(python!, join(EXAMPLES, id, "example.py"));
    expect(out).toBe(read(id, "expected.txt"));
  });
});

/** Seconds a Real time run needs besides its own waiting: a worker's start, a slow phone. */
const START_MARGIN_S = 4;
const realClock = folders.filter((id) => (JSON.parse(read(id, "meta.json")) as { clock: string }).clock === "real");

describe.skipIf(!python)("examples that open on the Real time clock end inside the run's time limit", () => {
  it.each(realClock)("%s", (id) => {
    const waited = waitedSeconds(python!, join(EXAMPLES, id, "example.py"));
    expect(waited, `${id} waits ${waited} s`).toBeGreaterThan(0);
    expect(waited + START_MARGIN_S, `${id} waits ${waited} s`).toBeLessThanOrEqual(RUN_LIMITS.time.value);
  });
});
