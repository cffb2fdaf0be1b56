/**
 * The module the reader imports answers a missing name as CPython's module does: an
 * AttributeError, and the same "Did you mean" python3 gives for the same names.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import { closestName, libraryModule, suggestionFor } from "../../src/runner/library-module";
import { findPython } from "../harness/python";

const python = findPython();
const names = Object.keys(asyncio);

describe("the published library module", () => {
  it("gives the exports, reads probes as undefined, and raises AttributeError for any other name", () => {
    const mod = libraryModule(asyncio) as Record<string, unknown>;
    expect(mod.sleep).toBe(asyncio.sleep);
    // What esbuild's interop, printers and awaits read on any object.
    for (const probe of ["__esModule", "then", "toJSON", "constructor", "toString", "hasOwnProperty", "_private"]) {
      expect(mod[probe], probe).toBeUndefined();
    }
    expect(() => mod.slep).toThrow(asyncio.AttributeError);
    expect(() => mod.slep).toThrow("module 'asyncio' has no attribute 'slep'");
    // esbuild's __toESM copies the exports onto an object that shares the prototype.
    const copied = Object.assign(Object.create(Object.getPrototypeOf(mod)) as Record<string, unknown>, mod);
    let caught: unknown;
    try {
      void copied.gatehr;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(asyncio.AttributeError);
    expect(suggestionFor(caught)).toBe("gather");
  });
});

describe.skipIf(!python)("Did you mean, against python3", () => {
  it("suggests what CPython 3.11 suggests for a module with the library's names", () => {
    const wrong = ["slep", "Sleep", "sleeep", "gatehr", "creat_task", "createtask", "CreateTask", "Queu", "queue", "Evnt", "waitfor", "wait_for", "TimeOutError", "xyz", "run_forever", "getRunningLop", "ensure", "a", "timeout_at", "shied"];
    const program = [
      "import contextlib, io, sys, types",
      "m = types.ModuleType('asyncio')",
      "names, wrong = sys.argv[1].split(','), sys.argv[2].split(',')",
      "for n in names: setattr(m, n, 1)",
      "for w in wrong:",
      "    try:",
      "        getattr(m, w)",
      "    except AttributeError as e:",
      // 3.11 words the guess in the C printer (sys.__excepthook__), not in traceback.py.
      "        out = io.StringIO()",
      "        with contextlib.redirect_stderr(out): sys.__excepthook__(type(e), e, None)",
      "        line = out.getvalue().rstrip().split('\\n')[-1]",
      "        print(line.split(\"Did you mean: '\")[1][:-2] if 'Did you mean' in line else '-')",
    ].join("\n");
    const expected = execFileSync(python!, ["-c", program, names.join(","), wrong.join(",")], { encoding: "utf8" }).trim().split("\n");
    expect(wrong.map((w) => closestName(w, [...names].sort()) ?? "-")).toEqual(expected);
  });
});
