/**
 * Finds the CPython that the differential checks run on.
 *
 * Where no python3 (3.11 or later) is found the checks skip with a message; under
 * `CI=true` a missing python3 is an error instead, so CI never passes by skipping.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const HARNESS = fileURLToPath(new URL("./run_virtual.py", import.meta.url));

function version(cmd: string): [number, number] | null {
  try {
    const out = execFileSync(cmd, ["-c", "import sys; print(sys.version_info[0], sys.version_info[1])"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const [major, minor] = out.trim().split(" ").map(Number);
    return [major, minor];
  } catch {
    return null;
  }
}

/** The python3 command to use, or null (with the reason printed once) when there is none. */
export function findPython(): string | null {
  const cmd = process.env.PYTHON ?? "python3";
  const v = version(cmd);
  if (v && (v[0] > 3 || (v[0] === 3 && v[1] >= 11))) return cmd;
  const why = v
    ? `${cmd} is Python ${v[0]}.${v[1]}; the CPython checks need 3.11 or later`
    : `${cmd} was not found; the CPython checks need Python 3.11 or later (Debian: apt-get install python3)`;
  if (process.env.CI === "true") throw new Error(`CI=true and ${why}`);
  console.warn(`SKIPPING CPython checks: ${why}`);
  return null;
}

/** Runs a Python file on the virtual-clock loop and returns its stdout. */
/**
 * The seconds `file` waits on the virtual clock, which is how long it takes on a real one.
 *
 *   waitedSeconds(python, "content/examples/hello-asyncio/example.py"); // 1.0
 */
export function waitedSeconds(python: string, file: string): number {
  const run = spawnSync(python, [HARNESS, file], {
    encoding: "utf8",
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8", ASYNCIO_NOTES_WAITED: "1" },
    timeout: 60_000,
  });
  const m = /^waited: ([\d.e+-]+)$/m.exec(run.stderr ?? "");
  if (run.status !== 0 || !m) throw new Error(`${file}: no waited time (status ${run.status})\n${run.stderr}`);
  return Number(m[1]);
}

export function runPythonVirtual(python: string, file: string): string {
  return execFileSync(python, [HARNESS, file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
    timeout: 60_000,
  });
}
