/**
 * Shared pieces of the conformance suite: the list of scenario pairs, running a
 * TypeScript twin in its own Node process (fresh library state every time), a
 * small concurrency pool, and a readable line diff for failures.
 *
 * Each twin runs as `node --import tsx scripts/run-ts.ts FILE.ts --clock virtual`,
 * which is what `npx tsx scripts/run-ts.ts` does without npx's start-up cost.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SCENARIOS = fileURLToPath(new URL("./scenarios/", import.meta.url));
export const RUN_TS = join(ROOT, "scripts", "run-ts.ts");

/** Scenario base names that have a `.py`, and the ones that have a `.ts`. */
export function listScenarioFiles(dir = SCENARIOS): { py: string[]; ts: string[] } {
  const files = readdirSync(dir);
  const base = (ext: string) => files.filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)).sort();
  return { py: base(".py"), ts: base(".ts") };
}

export interface ChildResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/**
 * Runs one TypeScript scenario on the virtual clock in a fresh Node process.
 * `env` can point tsx at another tsconfig (the mutation script does, to swap
 * the library for a broken copy).
 */
export function runTsScenario(file: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<ChildResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", RUN_TS, file, "--clock", "virtual"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        code,
        signal,
        ms: Date.now() - started,
      });
    });
  });
}

/** Runs `jobs` with at most `limit` at a time; the promises resolve in any order. */
export function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T>[] {
  const results: Promise<T>[] = [];
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    running -= 1;
    queue.shift()?.();
  };
  for (const job of jobs) {
    results.push(
      new Promise<T>((resolve, reject) => {
        const start = () => {
          running += 1;
          job().then(resolve, reject).finally(next);
        };
        if (running < limit) start();
        else queue.push(start);
      }),
    );
  }
  return results;
}

/**
 * A line diff (longest common subsequence) of two outputs: "  " same line,
 * "- " only in CPython's output, "+ " only in the library's.
 */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      lines.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      lines.push(`+ ${b[j]}`);
      j++;
    } else {
      lines.push(`- ${a[i]}`);
      i++;
    }
  }
  return lines.join("\n");
}
