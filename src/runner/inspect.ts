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
 */
const MAX_DEPTH = 2;

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
          return typeof value === "string" ? value : inspect(value, 1, new Set());
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
          return inspect(value, 0, new Set());
      }
    });
  } else {
    head = typeof first === "string" ? first : inspect(first, 0, new Set());
  }
  return [head, ...rest.map((a) => (typeof a === "string" ? a : inspect(a, 0, new Set())))].join(" ");
}

function formatNumber(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

function quote(s: string): string {
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes("`") ? "`" : "'";
  const escaped = s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q;
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
export function inspect(value: unknown, depth: number, seen: Set<object>): string {
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
  if (seen.has(obj)) return "[Circular *1]";
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? "Invalid Date" : obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (obj instanceof Promise) return "Promise { <unknown> }";
  if (!Array.isArray(obj) && !(obj instanceof Map) && !(obj instanceof Set) && ownToString(obj)) {
    return String(obj);
  }
  const name = (obj as { constructor?: { name?: string } }).constructor?.name ?? "";
  if (depth > MAX_DEPTH) return Array.isArray(obj) ? "[Array]" : `[${name || "Object"}]`;
  seen.add(obj);
  try {
    const inner = (v: unknown): string => inspect(v, depth + 1, seen);
    if (Array.isArray(obj)) {
      const items: string[] = [];
      let holes = 0;
      for (let i = 0; i < obj.length; i++) {
        if (!(i in obj)) {
          holes++;
          continue;
        }
        if (holes) items.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
        holes = 0;
        items.push(inner(obj[i]));
      }
      if (holes) items.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
      return items.length === 0 ? "[]" : `[ ${items.join(", ")} ]`;
    }
    if (obj instanceof Map) {
      const items = [...obj].map(([k, v]) => `${inner(k)} => ${inner(v)}`);
      return braces(`${name || "Map"}(${obj.size})`, items);
    }
    if (obj instanceof Set) {
      return braces(`${name || "Set"}(${obj.size})`, [...obj].map(inner));
    }
    const items = Reflect.ownKeys(obj)
      .filter((k) => Object.prototype.propertyIsEnumerable.call(obj, k))
      .map((k) => `${key(k)}: ${inner((obj as Record<string | symbol, unknown>)[k])}`);
    const proto: unknown = Object.getPrototypeOf(obj);
    const prefix = proto === null ? "[Object: null prototype]" : name && name !== "Object" ? name : "";
    return braces(prefix, items);
  } finally {
    seen.delete(obj);
  }
}
