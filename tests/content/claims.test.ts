/**
 * Statements on the pages that running code can check. Each claim names the blocks
 * (Pair or Correction) that state it, words both languages of those blocks must carry
 * (so the check stays tied to the text), a Python program with the stdout CPython gives,
 * and, where the loop library has the same API, the same program as a TypeScript twin.
 *
 * The 3.11 claims run on the python3 the other CPython checks use. Version notes are
 * checked on that version's interpreter (python3.12, python3.13 or a pyenv copy), and
 * skipped with a message on a machine that has none; their text and links are always
 * checked.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { createProcessor } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import type { Nodes } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import * as asyncio from "asyncio";
import { str } from "../conformance/py";
import { findPython, runPythonVirtual } from "../harness/python";
import { PAGES_DIR } from "./page-list";

// ---------------------------------------------------------------- the pages' blocks

const processor = createProcessor({ remarkPlugins: [remarkGfm] });

interface Block {
  ko: string;
  en: string;
  links: string[];
}

function textOf(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (!("children" in node)) return " ";
  return (node.children as Nodes[]).map(textOf).join(node.type === "paragraph" ? "" : " ");
}

function linksOf(node: Nodes, out: string[] = []): string[] {
  if (node.type === "link") out.push(node.url);
  if ("children" in node) for (const c of node.children as Nodes[]) linksOf(c, out);
  return out;
}

const trees = new Map<string, Nodes>();

/** The MDX tree of page `slug`, parsed once. */
function tree(slug: string): Nodes {
  let t = trees.get(slug);
  if (!t) {
    const raw = readFileSync(join(PAGES_DIR, `${slug}.mdx`), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
    trees.set(slug, (t = processor.parse(raw)));
  }
  return t;
}

/** The Pair or Correction `id` on page `slug`: its Korean and English text, and its links. */
function block(slug: string, id: string): Block {
  const found: Block[] = [];
  const visit = (n: Nodes) => {
    if (n.type === "mdxJsxFlowElement" && (n.name === "Pair" || n.name === "Correction")) {
      const el = n as MdxJsxFlowElement;
      if (el.attributes.some((a) => a.type === "mdxJsxAttribute" && a.name === "id" && a.value === id)) {
        const side = (name: string) => el.children.find((c) => c.type === "mdxJsxFlowElement" && c.name === name);
        const ko = side("Ko");
        const en = side("En");
        found.push({
          ko: ko ? textOf(ko).replace(/\s+/g, " ") : "",
          en: en ? textOf(en).replace(/\s+/g, " ") : "",
          links: linksOf(el),
        });
      }
    }
    if ("children" in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(tree(slug));
  if (found.length !== 1) throw new Error(`${slug}#${id}: expected one Pair or Correction, found ${found.length}`);
  return found[0];
}

// ---------------------------------------------------------------- interpreters

function versionOf(cmd: string): string | null {
  try {
    return execFileSync(cmd, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

/** An interpreter of exactly `version` ("3.12"): pythonX.Y on PATH, else a pyenv copy. */
function findExact(version: string): string | null {
  const pyenv = join(homedir(), ".pyenv/versions");
  const candidates = [`python${version}`];
  if (existsSync(pyenv)) {
    for (const d of readdirSync(pyenv).filter((d) => d.startsWith(`${version}.`)).sort().reverse()) {
      candidates.push(join(pyenv, d, "bin/python3"));
    }
  }
  return candidates.find((c) => versionOf(c) === version) ?? null;
}

const python = findPython();
const tmp = mkdtempSync(join(tmpdir(), "claims-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run `code` as a file on the virtual-clock loop harness and return its stdout. */
function runPython(interpreter: string, name: string, code: string): string {
  const file = join(tmp, `${name}.py`);
  writeFileSync(file, code);
  try {
    return runPythonVirtual(interpreter, file);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Run a TypeScript twin on a virtual-clock loop, collecting what it prints. */
async function runTwin(body: (print: (...parts: unknown[]) => void) => Promise<void>): Promise<string> {
  const lines: string[] = [];
  asyncio.configure({ clock: "virtual" });
  try {
    await body((...parts) => lines.push(parts.map(String).join(" ")));
  } finally {
    asyncio.configure({ clock: "real" });
  }
  return lines.map((l) => `${l}\n`).join("");
}

// ---------------------------------------------------------------- the claims

interface Claim {
  name: string;
  /** Blocks stating it: [page slug, Pair or Correction id]. */
  where: [string, string][];
  ko: string[];
  en: string[];
  python: string;
  stdout: string;
  twin?: (print: (...parts: unknown[]) => void) => Promise<void>;
}

const CLAIMS: Claim[] = [
  {
    name: "calling an async def function runs nothing; await runs it at once without a loop; a task queues its first step",
    where: [["intro", "where-javascript-differs"]],
    ko: ["코루틴 객체를 만들 뿐", "이벤트 루프를 거치지 않고", "준비 큐"],
    en: ["only creates a coroutine object", "without going through the event loop", "ready queue"],
    python: `import asyncio

async def inner():
    print("inner body runs")
    return 1

async def outer():
    print("outer: before await")
    x = await inner()
    print("outer: after await", x)

c = outer()
print("called outer(); body not started")
try:
    c.send(None)
except StopIteration:
    print("finished without any event loop")

async def main():
    t = asyncio.create_task(inner())
    print("task created; its first step is queued")
    await t

asyncio.run(main())
`,
    stdout: `called outer(); body not started
outer: before await
inner body runs
outer: after await 1
finished without any event loop
task created; its first step is queued
inner body runs
`,
    twin: async (print) => {
      function* inner(): asyncio.Coroutine<number> {
        print("inner body runs");
        return 1;
      }
      function* outer(): asyncio.Coroutine<void> {
        print("outer: before await");
        const x = yield* inner();
        print("outer: after await", x);
      }
      const c = outer();
      print("called outer(); body not started");
      if (c.next().done) print("finished without any event loop");
      function* main(): asyncio.Coroutine<void> {
        const t = asyncio.createTask(inner());
        print("task created; its first step is queued");
        yield* t;
      }
      await asyncio.run(main());
    },
  },
  {
    name: "asyncio.sleep(0) suspends at a bare yield: None reaches the task, not a future",
    where: [["asyncio", "coroutines-use-futures-correction"]],
    ko: ["단독 yield", "asyncio.sleep(0)", "None"],
    en: ["bare yield", "asyncio.sleep(0)", "None"],
    python: `import asyncio

c = asyncio.sleep(0)
print("sleep(0) yields:", c.send(None))
try:
    c.send(None)
except StopIteration:
    print("and is done on the next send")

async def main():
    await asyncio.sleep(0)
    print("the task resumed after a bare yield, with no future")

asyncio.run(main())
`,
    stdout: `sleep(0) yields: None
and is done on the next send
the task resumed after a bare yield, with no future
`,
  },
  {
    name: "cancel() requests; the coroutine may suppress it; False on a done task; cancelling()/uncancel()",
    where: [["asyncio", "task-lifecycle"]],
    ko: ["취소를 요청할 뿐", "CancelledError", "False", "cancelling()", "uncancel()"],
    en: ["only requests cancellation", "CancelledError", "False", "cancelling()", "uncancel()"],
    python: `import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught CancelledError, carrying on")
    await asyncio.sleep(1)
    return "finished anyway"

async def quick():
    return 1

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("cancel() ->", t.cancel())
    print("cancelling() ->", t.cancelling())
    print(await t, "| cancelled():", t.cancelled())
    print("uncancel() ->", t.uncancel())
    q = asyncio.create_task(quick())
    await q
    print("cancel() on a done task ->", q.cancel())

asyncio.run(main())
`,
    stdout: `cancel() -> True
cancelling() -> 1
caught CancelledError, carrying on
finished anyway | cancelled(): False
uncancel() -> 0
cancel() on a done task -> False
`,
    twin: async (print) => {
      function* stubborn(): asyncio.Coroutine<string> {
        try {
          yield* asyncio.sleep(1);
        } catch (e) {
          if (!(e instanceof asyncio.CancelledError)) throw e;
          print("caught CancelledError, carrying on");
        }
        yield* asyncio.sleep(1);
        return "finished anyway";
      }
      function* quick(): asyncio.Coroutine<number> {
        return 1;
      }
      function* main(): asyncio.Coroutine<void> {
        const t = asyncio.createTask(stubborn());
        yield* asyncio.sleep(0);
        print("cancel() ->", str(t.cancel()));
        print("cancelling() ->", t.cancelling());
        print(yield* t, "| cancelled():", str(t.cancelled()));
        print("uncancel() ->", t.uncancel());
        const q = asyncio.createTask(quick());
        yield* q;
        print("cancel() on a done task ->", str(q.cancel()));
      }
      await asyncio.run(main());
    },
  },
  {
    name: "loop.stop() only marks the loop: the coroutine that calls it runs on to its next await",
    where: [["asyncio", "long-example-original-code-correction"]],
    ko: ["루프에 멈추라는 표시만 남길 뿐", "다음 await까지 계속 실행되고"],
    en: ["only marks the loop to stop", "back around the while True loop to its next await"],
    python: `import asyncio

async def worker(loop):
    for i in range(2):
        print(i, "s")
        await asyncio.sleep(1)
    loop.stop()
    print("after stop(): the same step goes on")
    await asyncio.sleep(1)
    print("never printed")

loop = asyncio.new_event_loop()
task = loop.create_task(worker(loop))
loop.run_forever()
print("run_forever() returned; task done:", task.done())
task.cancel()
try:
    loop.run_until_complete(task)
except asyncio.CancelledError:
    print("cancelled, then the loop closes")
loop.close()
`,
    stdout: `0 s
1 s
after stop(): the same step goes on
run_forever() returned; task done: False
cancelled, then the loop closes
`,
    twin: async (print) => {
      const loop = asyncio.newEventLoop();
      function* worker(): asyncio.Coroutine<void> {
        for (let i = 0; i < 2; i++) {
          print(i, "s");
          yield* asyncio.sleep(1);
        }
        loop.stop();
        print("after stop(): the same step goes on");
        yield* asyncio.sleep(1);
        print("never printed");
      }
      const task = loop.createTask(worker());
      await loop.runForever();
      print("run_forever() returned; task done:", str(task.done()));
      task.cancel();
      try {
        await loop.runUntilComplete(task);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("cancelled, then the loop closes");
      }
      loop.close();
    },
  },
  {
    name: "asyncio.run() takes the coroutine object; it cancels leftover tasks and closes async generators",
    where: [["intro", "first-program"]],
    ko: ["asyncio.run(main)", "ValueError: a coroutine was expected, got <function main at 0x…>", "남은 태스크를 취소", "비동기 제너레이터", "기본 실행기"],
    en: ["asyncio.run(main)", "ValueError: a coroutine was expected, got <function main at 0x…>", "cancels the tasks left over", "asynchronous generators", "default executor"],
    python: `import asyncio

async def main():
    return "ok"

try:
    asyncio.run(main)
except ValueError as e:
    print("ValueError:", str(e).split(" at 0x")[0])

async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leftover task cancelled by asyncio.run()")
        raise

async def agen():
    try:
        yield 1
    finally:
        print("async generator closed by asyncio.run()")

kept = []

async def main2():
    asyncio.create_task(leftover())
    g = agen()
    kept.append(g)
    await g.__anext__()
    await asyncio.sleep(0)
    return "main2 returned"

print(asyncio.run(main2()))
`,
    stdout: `ValueError: a coroutine was expected, got <function main
leftover task cancelled by asyncio.run()
async generator closed by asyncio.run()
main2 returned
`,
  },
  {
    name: "3.11's asyncio.Task is the C _asyncio.Task; tasks.py keeps the Python twin",
    where: [
      ["asyncio", "loop-calls-send-correction"],
      ["async-internal", "what-a-task-accepts"],
      ["coroutines-and-generators", "one-round-trip"],
    ],
    ko: ["_asyncio.Task", "task_step", "__step"],
    en: ["_asyncio.Task", "task_step", "__step"],
    python: `import asyncio
import asyncio.tasks

print(asyncio.Task.__module__, asyncio.Task is asyncio.tasks._CTask)
print("Python twin kept as _PyTask:", asyncio.tasks._PyTask.__module__)
`,
    stdout: `_asyncio True
Python twin kept as _PyTask: asyncio.tasks
`,
  },
  {
    name: "a coroutine can be resumed by hand, with no task and no loop",
    where: [["coroutines-and-generators", "one-round-trip"]],
    ko: ["가장 바깥 코루틴", "send()를 직접 불러"],
    en: ["outermost coroutine", "call send() to resume a coroutine"],
    python: `import asyncio
import types

@types.coroutine
def pause():
    yield "paused"

async def work():
    await pause()
    return "resumed by hand"

c = work()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
try:
    asyncio.current_task()
except RuntimeError as e:
    print("no task here:", e)
`,
    stdout: `paused
resumed by hand
no task here: no running event loop
`,
  },
  {
    name: "an int from 2**30 to 10**12 takes 32 bytes on 64-bit CPython 3.11, and 99.9% of them are that large",
    where: [["generator", "infinite-generator"]],
    ko: ["32바이트", "sys.getsizeof(10**12 - 1)", "99.9%", "36.4 TiB"],
    en: ["32-byte", "sys.getsizeof(10**12 - 1)", "99.9%", "36.4 TiB"],
    python: `import sys

print(sys.getsizeof(10**12 - 1), sys.getsizeof(2**30), sys.getsizeof(2**30 - 1))
print(f"{(10**12 - 2**30) / 10**12:.1%}")
print(f"{10**12 * (8 + 32) / 2**40:.1f} TiB")
`,
    stdout: `32 32 28
99.9%
36.4 TiB
`,
  },
  {
    name: "@deco is roughly f = deco(f): the name is never bound to the undecorated function",
    where: [["asyncio", "decorator-syntax"]],
    ko: ["대략", "한 번도 바인딩되지 않기"],
    en: ["roughly", "never bound to the undecorated function"],
    python: `def deco(fn):
    print(f"while deco runs, {fn.__name__} is bound:", fn.__name__ in globals())
    return fn

@deco
def f():
    pass

def h():
    pass

h = deco(h)
`,
    stdout: `while deco runs, f is bound: False
while deco runs, h is bound: True
`,
  },
  {
    name: "a cancelled task is done too; swallowing CancelledError does not lower cancelling(), only uncancel() does",
    where: [["asyncio", "task-lifecycle"]],
    ko: ["취소된 태스크도 끝난 것", "삼켜도 줄지 않는다", "uncancel()"],
    en: ["counts as done too", "does not lower the count", "uncancel()"],
    python: `import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("swallowed; cancelling() =", asyncio.current_task().cancelling())
    return "kept running"


async def victim():
    await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, "cancelled():", t.cancelled(), "cancelling():", t.cancelling())
    print("after uncancel():", t.uncancel())
    v = asyncio.create_task(victim())
    await asyncio.sleep(0)
    v.cancel()
    try:
        await v
    except asyncio.CancelledError:
        pass
    print("cancelled task: done() =", v.done(), "cancelled() =", v.cancelled())


asyncio.run(main())
`,
    stdout: `swallowed; cancelling() = 1
kept running cancelled(): False cancelling(): 1
after uncancel(): 0
cancelled task: done() = True cancelled() = True
`,
    twin: async (print) => {
      function* stubborn(): asyncio.Coroutine<string> {
        try {
          yield* asyncio.sleep(1);
        } catch (e) {
          if (!(e instanceof asyncio.CancelledError)) throw e;
          print("swallowed; cancelling() =", asyncio.currentTask()?.cancelling());
        }
        return "kept running";
      }
      function* victim(): asyncio.Coroutine<void> {
        yield* asyncio.sleep(1);
      }
      function* main(): asyncio.Coroutine<void> {
        const t = asyncio.createTask(stubborn());
        yield* asyncio.sleep(0);
        t.cancel();
        const result = yield* t;
        print(result, "cancelled():", str(t.cancelled()), "cancelling():", t.cancelling());
        print("after uncancel():", t.uncancel());
        const v = asyncio.createTask(victim());
        yield* asyncio.sleep(0);
        v.cancel();
        try {
          yield* v;
        } catch (e) {
          if (!(e instanceof asyncio.CancelledError)) throw e;
        }
        print("cancelled task: done() =", str(v.done()), "cancelled() =", str(v.cancelled()));
      }
      await asyncio.run(main());
    },
  },
  {
    name: "gather() raises the first exception at once and leaves the other tasks running",
    where: [["async-await", "in-turn-or-together"]],
    ko: ["첫 예외를 곧바로", "취소되지 않고, gather()가 기다려 주지도 않은 채", "return_exceptions=True"],
    en: ["raises that first exception at once", "neither cancelled nor awaited", "return_exceptions=True"],
    python: `import asyncio


async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("bad")


async def slow():
    await asyncio.sleep(1)
    print(f"{asyncio.get_running_loop().time():.1f} slow finished anyway")


async def main():
    loop = asyncio.get_running_loop()
    s = asyncio.create_task(slow())
    try:
        await asyncio.gather(bad(), s)
    except ValueError as e:
        print(f"{loop.time():.1f} gather raised {e!r}; slow cancelled: {s.cancelled()}")
    await asyncio.sleep(2)


asyncio.run(main())
`,
    stdout: `0.1 gather raised ValueError('bad'); slow cancelled: False
1.0 slow finished anyway
`,
    twin: async (print) => {
      function* bad(): asyncio.Coroutine<void> {
        yield* asyncio.sleep(0.1);
        throw new asyncio.ValueError("bad");
      }
      function* slow(): asyncio.Coroutine<void> {
        yield* asyncio.sleep(1);
        print(`${asyncio.getRunningLoop().time().toFixed(1)} slow finished anyway`);
      }
      function* main(): asyncio.Coroutine<void> {
        const loop = asyncio.getRunningLoop();
        const s = asyncio.createTask(slow());
        try {
          yield* asyncio.gather(bad(), s);
        } catch (e) {
          if (!(e instanceof asyncio.ValueError)) throw e;
          print(`${loop.time().toFixed(1)} gather raised ValueError('${e.message}'); slow cancelled: ${str(s.cancelled())}`);
        }
        yield* asyncio.sleep(2);
      }
      await asyncio.run(main());
    },
  },
  {
    name: "a generator runs the rest of its body before StopIteration, which carries its return value",
    where: [["generator", "next-and-stop-iteration"]],
    ko: ["본문의 나머지를 끝까지 실행한 뒤", "return x", ".value"],
    en: ["runs the rest of the body and then raises", "return x", ".value"],
    python: `def gen():
    yield 1
    print("(body ends)")
    return "done"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("StopIteration.value =", stop.value)
print(list(gen()))
`,
    stdout: `1
(body ends)
StopIteration.value = done
(body ends)
[1]
`,
  },
  {
    name: "yield from primes the subgenerator itself and gives its return value",
    where: [["coroutine", "yield-from-delegates"]],
    ko: ["첫 yield까지 직접 진행", "프라이밍할 필요가 없다"],
    en: ["primes the subgenerator itself", "never primes an inner coroutine by hand"],
    python: `def inner():
    print("inner primed")
    x = yield "ready"
    return x * 2


def outer():
    result = yield from inner()
    print("inner returned", result)
    yield "end"


o = outer()
print(next(o))
print(o.send(21))
`,
    stdout: `inner primed
ready
inner returned 42
end
`,
  },
];

// ---------------------------------------------------------------- version notes

interface VersionNote extends Claim {
  version: string;
  /** A docs.python.org page each block must link to. */
  docs: string;
}

const EAGER_DOCS = "https://docs.python.org/3/library/asyncio-task.html#asyncio.eager_task_factory";
const EAGER_PY = `import asyncio

async def quick():
    print("body runs inside create_task()")
    return 1

async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(quick())
    print("right after create_task, done():", t.done())

asyncio.run(main())
`;
const EAGER_OUT = `body runs inside create_task()
right after create_task, done(): True
`;

const NOTES: VersionNote[] = [
  {
    name: "3.12's eager task factory runs the first step inside create_task()",
    version: "3.12",
    docs: EAGER_DOCS,
    where: [
      ["asyncio", "create-task-eager-note"],
      ["asyncio", "ensure-future-eager-note"],
      ["modern-asyncio", "eager-task-factory"],
    ],
    ko: ["3.12", "eager_task_factory", "준비 큐"],
    en: ["3.12", "eager_task_factory", "ready queue"],
    python: EAGER_PY,
    stdout: EAGER_OUT,
  },
  {
    name: "3.12 deprecates throw() with more than one argument, and keeps throw(exc)",
    version: "3.12",
    docs: "https://docs.python.org/3/reference/expressions.html#generator.throw",
    where: [["coroutine", "throw-and-close-versions"]],
    ko: ["3.12", "DeprecationWarning", "c.throw(type, value)", "c.throw(type, value, traceback)", "c.throw(exc)"],
    en: ["3.12", "DeprecationWarning", "c.throw(type, value)", "c.throw(type, value, traceback)", "c.throw(exc)"],
    python: `import warnings

def g():
    while True:
        try:
            yield 1
        except ValueError:
            pass

c = g()
next(c)
for args in [(ValueError("v"),), (ValueError, ValueError("v")), (ValueError, ValueError("v"), None)]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c.throw(*args)
    print(len(args), [w.category.__name__ for w in caught])
`,
    stdout: "1 []\n2 ['DeprecationWarning']\n3 ['DeprecationWarning']\n",
  },
  {
    name: "3.13's close() returns the value returned after GeneratorExit",
    version: "3.13",
    docs: "https://docs.python.org/3/reference/expressions.html#generator.close",
    where: [["coroutine", "throw-and-close-versions"]],
    ko: ["3.13", "GeneratorExit", "None"],
    en: ["3.13", "GeneratorExit", "None"],
    python: `def g():
    try:
        yield 1
    except GeneratorExit:
        return "bye"

c = g()
next(c)
print("close() ->", c.close())
`,
    stdout: "close() -> bye\n",
  },
  {
    name: "3.12's ensure_future() rejects a generator",
    version: "3.12",
    docs: "https://docs.python.org/3/library/asyncio-future.html#asyncio.ensure_future",
    where: [["asyncio", "pass-a-generator-3-12"]],
    ko: ["3.12", "TypeError: An asyncio.Future, a coroutine or an awaitable is required"],
    en: ["3.12", "TypeError: An asyncio.Future, a coroutine or an awaitable is required"],
    python: `import asyncio

def gen():
    yield

async def main():
    try:
        asyncio.ensure_future(gen())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
`,
    stdout: "TypeError: An asyncio.Future, a coroutine or an awaitable is required\n",
  },
];

/** The 3.14 note has no interpreter here to run on; its text and links are checked. */
const TEXT_ONLY_NOTES: { where: [string, string]; markers: string[]; docs: string }[] = [
  {
    where: ["modern-asyncio", "get-event-loop-changes"],
    markers: ["3.12", "3.14", "get_event_loop()", "RuntimeError", "get_running_loop()"],
    docs: "https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.get_event_loop",
  },
];

// ---------------------------------------------------------------- tests

function expectStated(where: [string, string][], ko: string[], en: string[]): void {
  for (const [slug, id] of where) {
    const b = block(slug, id);
    for (const m of ko) expect(b.ko, `${slug}#${id} (ko) should say "${m}"`).toContain(m);
    for (const m of en) expect(b.en, `${slug}#${id} (en) should say "${m}"`).toContain(m);
  }
}

const CI = process.env.CI === "true";

describe("claims the pages make about Python 3.11", () => {
  for (const claim of CLAIMS) {
    describe(claim.name, () => {
      it("is stated in both languages where the pages make it", () => {
        expectStated(claim.where, claim.ko, claim.en);
      });
      it.skipIf(!python && !CI)("CPython prints what the claim says", () => {
        if (!python) throw new Error("CI=true and python3 is missing: apt-get install python3");
        expect(runPython(python, "claim", claim.python)).toBe(claim.stdout);
      });
      if (claim.twin) {
        const twin = claim.twin;
        it("the loop library behaves the same", async () => {
          expect(await runTwin(twin)).toBe(claim.stdout);
        });
      }
    });
  }
});

describe("version notes for 3.12-3.14: named, linked to the Python docs, and true on that version", () => {
  for (const note of NOTES) {
    describe(note.name, () => {
      it("names the version and links to docs.python.org in both languages", () => {
        expectStated(note.where, note.ko, note.en);
        for (const [slug, id] of note.where) expect(block(slug, id).links, `${slug}#${id}`).toContain(note.docs);
      });
      const interpreter = findExact(note.version);
      if (!interpreter) console.warn(`SKIPPING the CPython ${note.version} check of "${note.name}": no python${note.version} found`);
      // Under CI=true a missing interpreter fails the check instead of skipping it.
      it.skipIf(!interpreter && !CI)(`CPython ${note.version} prints what the note says`, () => {
        if (!interpreter) throw new Error(`CI=true and no python${note.version} found (PATH or ~/.pyenv/versions)`);
        expect(runPython(interpreter, "note", note.python)).toBe(note.stdout);
      });
    });
  }

  for (const note of TEXT_ONLY_NOTES) {
    it(`${note.where.join("#")} names the versions and links to the Python docs`, () => {
      expectStated([note.where], note.markers, note.markers);
      expect(block(...note.where).links).toContain(note.docs);
    });
  }

  it("the task-states caption names 3.12's eager task factory in both languages", () => {
    const meta = JSON.parse(readFileSync(join(PAGES_DIR, "../examples/task-states/meta.json"), "utf8")) as {
      caption: { ko: string; en: string };
    };
    for (const lang of ["ko", "en"] as const) {
      expect(meta.caption[lang]).toContain("3.12");
      expect(meta.caption[lang]).toContain("asyncio.eager_task_factory");
    }
  });

  it.skipIf(!python || versionOf(python) !== "3.11")("on 3.11 the eager-factory program fails: the factory is new in 3.12", () => {
    expect(() => runPython(python as string, "eager311", EAGER_PY)).toThrow(/eager_task_factory/);
  });
});
