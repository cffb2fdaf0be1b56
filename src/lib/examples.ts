/**
 * Build-time access to the runnable examples in `content/examples/<id>/`.
 *
 * Each folder holds `example.ts` (the TypeScript twin), `example.py` (the Python
 * original), `expected.txt` (stdout on the virtual clock) and `meta.json`. Anything
 * missing or malformed throws an error that names the folder and the fix, so an
 * author's mistake fails `astro build` instead of shipping a broken example.
 *
 * Runs in Node only (Astro pages, the runner's build step, tests and benchmarks).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export type Bilingual = { ko: string; en: string };

export interface ExampleMeta {
  title: Bilingual;
  caption: Bilingual;
  /** The runner's default mode: "virtual" is shown as "Instant", "real" as "Real time". */
  clock: "virtual" | "real";
  /** The slug of the page that shows the example. */
  section: string;
  /**
   * Why the comparison of the unedited example finds a difference the site cannot avoid
   * (32-bit CPython's sizes), shown under its verdict. Optional.
   */
  compareNote?: Bilingual;
}

export interface Example {
  id: string;
  meta: ExampleMeta;
  /** The TypeScript twin, exactly as stored. */
  ts: string;
  /** The Python original, exactly as stored. */
  py: string;
  /** stdout of the twin (and of the original) on the virtual clock. */
  expected: string;
  /** A short hash of `ts`; saved edits remember it to notice a changed original. */
  hash: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The repository root: the nearest folder above the working directory with content/examples. */
export function repoRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "content", "examples"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no content/examples folder above ${start}`);
    dir = up;
  }
}

/** The folder holding every example. */
export function examplesDir(root: string = repoRoot()): string {
  return join(root, "content", "examples");
}

/** Ids of every example folder, sorted. Folders still being written (no meta.json) are left out. */
export function listExampleIds(root: string = repoRoot()): string[] {
  const dir = examplesDir(root);
  return readdirSync(dir)
    .filter((name) => ID.test(name) && statSync(join(dir, name)).isDirectory())
    .filter((name) => existsSync(join(dir, name, "meta.json")))
    .sort();
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: cheap, stable, the same in the browser. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Loads one example by id.
 * @throws Error naming the example and what is wrong: unknown id, missing file, bad meta.json.
 */
export function loadExample(id: string, root: string = repoRoot()): Example {
  const dir = join(examplesDir(root), id);
  if (!ID.test(id) || !existsSync(dir)) {
    const known = existsSync(examplesDir(root)) ? listExampleIds(root) : [];
    const near = known.filter((k) => k.includes(id) || id.includes(k)).slice(0, 5);
    throw new Error(
      `<Example id="${id}"/>: no folder content/examples/${id}/. ` +
        (near.length ? `Did you mean ${near.map((n) => `"${n}"`).join(", ")}? ` : "") +
        `Known ids: ${known.length ? known.join(", ") : "(none yet)"}.`,
    );
  }
  const read = (file: string): string => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`example "${id}": content/examples/${id}/${file} is missing`);
    return readFileSync(path, "utf8");
  };
  const ts = read("example.ts");
  return {
    id,
    meta: parseMeta(id, read("meta.json")),
    ts,
    py: read("example.py"),
    expected: read("expected.txt"),
    hash: hashText(ts),
  };
}

/** Every example, in id order. */
export function loadAllExamples(root: string = repoRoot()): Example[] {
  return listExampleIds(root).map((id) => loadExample(id, root));
}

function parseMeta(id: string, text: string): ExampleMeta {
  const where = `content/examples/${id}/meta.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where} is not valid JSON: ${(e as Error).message}`);
  }
  if (!isRecord(raw)) throw new Error(`${where} must hold a JSON object`);
  const bilingual = (field: string): Bilingual => {
    const v = raw[field];
    if (!isRecord(v) || typeof v.ko !== "string" || typeof v.en !== "string" || !v.ko.trim() || !v.en.trim()) {
      throw new Error(`${where}: "${field}" must be {"ko": "...", "en": "..."} with both languages filled in`);
    }
    return { ko: v.ko, en: v.en };
  };
  const clock = raw.clock;
  if (clock !== "virtual" && clock !== "real") {
    throw new Error(`${where}: "clock" must be "virtual" or "real", not ${JSON.stringify(clock)}`);
  }
  const section = raw.section;
  if (typeof section !== "string" || !ID.test(section)) {
    throw new Error(`${where}: "section" must be a page slug such as "generator"`);
  }
  const meta: ExampleMeta = { title: bilingual("title"), caption: bilingual("caption"), clock, section };
  if (raw.compareNote !== undefined) meta.compareNote = bilingual("compareNote");
  return meta;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Marks one site build; runner URLs carry it (`?v=`) so a browser never mixes a new
 * page with an old sandbox or bundle from its cache.
 */
export const BUILD_STAMP: string = Date.now().toString(36);

/** esbuild-wasm's version, part of the wasm file's name (`_runner/esbuild-<v>.wasm`). */
export function esbuildWasmVersion(root: string = repoRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, "node_modules", "esbuild-wasm", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
