/**
 * Turns `console.log` arguments into one line of text, the way Node prints them, so an
 * example prints in the browser what it prints under `tsx` (and in expected.txt):
 * strings as they are, numbers with `-0`, arrays as `[ 1, 2 ]`, objects as `{ a: 1 }`,
 * `Map(1) { 'a' => 1 }`, and `%s`/`%d`/`%i`/`%f`/`%o`/`%O`/`%j` in a first string.
 *
 * Two choices differ from Node on purpose: an object whose class writes its own
 * `toString()` (the loop library's Future, Task, Handle, Queue… print Python's repr
 * there) is shown by it, and an Error shows `Name: message` without the stack (its
 * frames point into the sandbox, not into the reader's code).
 *
 * Big things are cut as Node cuts them: the first 100 items of an array, Map or Set
 * ("... 9999900 more items"), strings inside a value at 10,000 characters ("... N more
 * characters"), depth 2 ("[Object]"); accessors show as `[Getter]`, `[Setter]`,
 * `[Getter/Setter]` without running them; cycles as `<ref *1>` … `[Circular *1]`. A
 * value that takes longer than FORMAT_BUDGET_MS, or throws while it is read (a revoked
 * proxy, a throwing trap), prints a plain description instead: printing never hangs
 * and never throws.
 *
 *   formatArgs([new Array(1e7).fill(1)]); // "[ 1, 1, … (100 items), ... 9999900 more items ]"
 */
const MAX_DEPTH = 2;
const MAX_ITEMS = 100;
const MAX_STRING = 10_000;
/** How long formatting one `console.log` may take before it gives up on a value (ms). */
export const FORMAT_BUDGET_MS = 50;

/** Thrown inside inspect when the time budget is spent. */
class OverBudget extends Error {}

interface Context {
  seen: Set<object>;
  /** Objects found inside themselves, numbered in the order they were found. */
  circular: Map<object, number>;
  deadline: number;
  steps: number;
}

function context(): Context {
  return { seen: new Set(), circular: new Map(), deadline: now() + FORMAT_BUDGET_MS, steps: 0 };
}

const now = (): number => (typeof performance === "undefined" ? Date.now() : performance.now());

/** What a value is, without reading it (for values that cannot be printed). */
export function plainDescription(value: unknown): string {
  try {
    if (value === null) return "null";
    if (typeof value !== "object" && typeof value !== "function") return String(value);
    return Object.prototype.toString.call(value);
  } catch {
    return "[object]";
  }
}

/** One argument, formatted; never throws. */
function safely(value: unknown, depth: number): string {
  try {
    return inspect(value, depth, context());
  } catch {
    return plainDescription(value);
  }
}

export function formatArgs(args: readonly unknown[]): string {
  if (args.length === 0) return "";
  const first = args[0];
  let rest = args.slice(1);
  let head: string;
  if (typeof first === "string" && rest.length > 0 && first.includes("%")) {
    head = first.replace(/%([sdifoOjc%])/g, (whole, spec: string) => {
      if (spec === "%") return "%";
      if (rest.length === 0) return whole;
      const [value] = rest;
      rest = rest.slice(1);
      switch (spec) {
        case "s":
          return typeof value === "string" ? value : safely(value, 1);
        case "d":
        case "i": {
          if (typeof value === "bigint") return `${value}n`;
          const n = Number(value);
          return spec === "i" ? formatNumber(Math.trunc(n)) : formatNumber(n);
        }
        case "f":
          return formatNumber(Number.parseFloat(String(value)));
        case "j":
          try {
            return JSON.stringify(value) ?? "undefined";
          } catch {
            return "[Circular]";
          }
        case "c":
          return "";
        default:
          return safely(value, 0);
      }
    });
  } else {
    head = typeof first === "string" ? first : safely(first, 0);
  }
  return [head, ...rest.map((a) => (typeof a === "string" ? a : safely(a, 0)))].join(" ");
}

function formatNumber(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

function quote(whole: string): string {
  const more = whole.length - MAX_STRING;
  const s = more > 0 ? whole.slice(0, MAX_STRING) : whole;
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes("`") ? "`" : "'";
  const escaped = s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  const tail = more > 0 ? `... ${more} more character${more > 1 ? "s" : ""}` : "";
  return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q + tail;
}

const moreItems = (n: number): string => `... ${n} more item${n > 1 ? "s" : ""}`;

/** An own property as Node shows it: its value, or `[Getter]`/`[Setter]`/`[Getter/Setter]` unread. */
function property(obj: object, k: string | symbol, inner: (v: unknown) => string): string {
  const d = Object.getOwnPropertyDescriptor(obj, k);
  if (d && (d.get || d.set)) return d.get && d.set ? "[Getter/Setter]" : d.get ? "[Getter]" : "[Setter]";
  return inner(d ? d.value : undefined);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function key(k: string | symbol): string {
  if (typeof k === "symbol") return `[${String(k)}]`;
  return IDENTIFIER.test(k) ? k : quote(k);
}

function ownToString(value: object): boolean {
  const fn = (value as { toString?: unknown }).toString;
  return (
    typeof fn === "function" &&
    fn !== Object.prototype.toString &&
    fn !== Array.prototype.toString &&
    fn !== Error.prototype.toString &&
    fn !== Function.prototype.toString &&
    fn !== Date.prototype.toString &&
    fn !== RegExp.prototype.toString
  );
}

function braces(prefix: string, items: string[], open = "{", close = "}"): string {
  const lead = prefix ? `${prefix} ` : "";
  return items.length === 0 ? `${lead}${open}${close}` : `${lead}${open} ${items.join(", ")} ${close}`;
}

/** Node's `util.inspect` for the shapes examples print, on one line. */
function inspect(value: unknown, depth: number, ctx: Context): string {
  if ((++ctx.steps & 255) === 0 && now() > ctx.deadline) throw new OverBudget();
  switch (typeof value) {
    case "string":
      return depth === 0 ? value : quote(value);
    case "number":
      return formatNumber(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "boolean":
      return String(value);
    case "symbol":
      return value.toString();
    case "function": {
      const source = Function.prototype.toString.call(value);
      if (source.startsWith("class")) return `[class ${value.name || "(anonymous)"}]`;
      const kind = value.constructor?.name ?? "Function";
      return `[${kind}${value.name ? `: ${value.name}` : " (anonymous)"}]`;
    }
  }
  if (value === null) return "null";
  const obj = value as object;
  if (ctx.seen.has(obj)) {
    let n = ctx.circular.get(obj);
    if (n === undefined) ctx.circular.set(obj, (n = ctx.circular.size + 1));
    return `[Circular *${n}]`;
  }
  if (obj instanceof Error) return obj.message === "" ? String(obj.name) : `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? "Invalid Date" : obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (obj instanceof Promise) return "Promise { <unknown> }";
  if (!Array.isArray(obj) && !(obj instanceof Map) && !(obj instanceof Set) && ownToString(obj)) {
    return String(obj);
  }
  const name = (obj as { constructor?: { name?: string } }).constructor?.name ?? "";
  if (depth > MAX_DEPTH) return Array.isArray(obj) ? "[Array]" : `[${name || "Object"}]`;
  ctx.seen.add(obj);
  try {
    const text = container(obj, name, (v) => inspect(v, depth + 1, ctx));
    const n = ctx.circular.get(obj);
    return n === undefined ? text : `<ref *${n}> ${text}`;
  } finally {
    ctx.seen.delete(obj);
  }
}

/** An array, Map, Set or plain object, its items formatted by `inner`. */
function container(obj: object, name: string, inner: (v: unknown) => string): string {
  if (Array.isArray(obj)) {
    const items: string[] = [];
    let holes = 0;
    const shown = Math.min(obj.length, MAX_ITEMS);
    for (let i = 0; i < shown; i++) {
      if (!(i in obj)) {
        holes++;
        continue;
      }
      if (holes) items.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
      holes = 0;
      items.push(property(obj, String(i), inner));
    }
    if (holes) items.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
    if (obj.length > shown) items.push(moreItems(obj.length - shown));
    return items.length === 0 ? "[]" : `[ ${items.join(", ")} ]`;
  }
  if (obj instanceof Map || obj instanceof Set) {
    const items: string[] = [];
    for (const entry of obj instanceof Map ? obj.entries() : obj.values()) {
      if (items.length === MAX_ITEMS) break;
      items.push(obj instanceof Map ? `${inner((entry as [unknown, unknown])[0])} => ${inner((entry as [unknown, unknown])[1])}` : inner(entry));
    }
    if (obj.size > items.length) items.push(moreItems(obj.size - items.length));
    return braces(`${name || (obj instanceof Map ? "Map" : "Set")}(${obj.size})`, items);
  }
  const items = Reflect.ownKeys(obj)
    .filter((k) => Object.prototype.propertyIsEnumerable.call(obj, k))
    .map((k) => `${key(k)}: ${property(obj, k, inner)}`);
  const proto: unknown = Object.getPrototypeOf(obj);
  // A generator object (a coroutine of the library's) has no constructor name of its own:
  // Node names its kind by its tag, `Object [Generator] {}`.
  const tag = Object.prototype.toString.call(obj).slice(8, -1);
  const kind = tag === "Generator" || tag === "AsyncGenerator" ? `Object [${tag}]` : "";
  const prefix = proto === null ? "[Object: null prototype]" : kind || (name && name !== "Object" ? name : "");
  return braces(prefix, items);
}
