/**
 * Checks over the built site (dist/): what every page ships up front, its head tags,
 * the sitemap and 404 page, and that every internal link and asset resolves to a file
 * (and every #fragment to an id on its page).
 *
 * Needs `npm run build` first. Without dist/ it skips with a message; under CI=true
 * that is a failure instead. BASE (as for the build) sets the base path to expect.
 */
import { en } from "../../src/i18n/site";
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { HEAVY, ROOT } from "../browser/lib";
import { indexChunks } from "../../scripts/build-search";

const DIST = resolve(ROOT, process.env.DIST_DIR ?? "dist");
const BASE = (process.env.BASE ?? "/").replace(/\/?$/, "/");
const built = existsSync(join(DIST, "index.html"));
if (!built) {
  const why = `${DIST} has no index.html: run \`npm run build\` first`;
  if (process.env.CI === "true") throw new Error(`CI=true and ${why}`);
  console.warn(`SKIPPING built-file checks: ${why}`);
}


function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = built ? walk(DIST) : [];
const htmlFiles = files.filter((f) => f.endsWith(".html"));
const pagefindDir = join(DIST, "pagefind") + sep;

function decode(s: string): string {
  return s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** The URL path a built file is served at, e.g. dist/generator/index.html → /generator/. */
function urlOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join("/");
  return BASE + rel.replace(/(^|\/)index\.html$/, "$1");
}

/** The file a URL path maps to under dist/, or null outside the base path. */
function fileOf(path: string): string | null {
  if (!path.startsWith(BASE)) return null;
  let rel = decodeURIComponent(path.slice(BASE.length));
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  return join(DIST, rel);
}

function attrs(html: string, tag: string, attr: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}\\b[^>]*?\\s${attr}="([^"]*)"`, "gi");
  for (const m of html.matchAll(re)) out.push(decode(m[1]));
  return out;
}

function meta(html: string, key: string): string | undefined {
  const re = new RegExp(`<meta\\s+(?:name|property)="${key}"\\s+content="([^"]*)"`, "i");
  return re.exec(html)?.[1];
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1])));
}

/** JS files a page loads before any interaction: script src, modulepreload, and their static imports. */
function upFrontScripts(html: string, pageUrl: string): string[] {
  const start = [
    ...attrs(html, "script", "src"),
    ...[...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/gi)].flatMap((m) => attrs(m[0], "link", "href")),
  ].map((u) => new URL(u, `http://x${pageUrl}`).pathname);
  // Inline module scripts count too, through what they import statically.
  for (const m of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const spec of staticImports(m[1])) start.push(new URL(spec, `http://x${pageUrl}`).pathname);
  }
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const path = queue.pop() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = fileOf(path);
    if (!file || !existsSync(file) || !file.endsWith(".js")) continue;
    for (const spec of staticImports(readFileSync(file, "utf8"))) queue.push(new URL(spec, `http://x${path}`).pathname);
  }
  return [...seen];
}

/** Specifiers of static imports (`import x from "./a.js"`, `import "./a.js"`), not `import()`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g)) out.push(m[1]);
  return out.filter((s) => s.startsWith(".") || s.startsWith("/"));
}

describe.skipIf(!built)("built site (dist/)", () => {
  it("gives the search dialog Pagefind's module with each language's chunk list, in order and not overlapping", () => {
    const chunks = indexChunks(join(DIST, "pagefind"));
    expect(Object.keys(chunks).sort()).toEqual(["en", "ko"]);
    for (const list of Object.values(chunks)) {
      expect(list.length).toBeGreaterThan(0);
      list.forEach((c, i) => {
        expect(c.from <= c.to).toBe(true);
        if (i > 0) expect(list[i - 1].to < c.from).toBe(true);
      });
    }
    const site = readFileSync(join(DIST, "pagefind/site/pagefind.js"), "utf8");
    expect(site).toContain('"../pagefind.js"');
    // The list is built in: one `from:` per chunk of every language.
    const total = Object.values(chunks).reduce((n, list) => n + list.length, 0);
    expect(site.match(/\bfrom:/g)?.length).toBe(total);
  });

  it("has pages, a 404 page and a sitemap listing the sections", () => {
    expect(htmlFiles.length).toBeGreaterThan(2);
    expect(existsSync(join(DIST, "404.html"))).toBe(true);
    const index = join(DIST, "sitemap-index.xml");
    expect(existsSync(index)).toBe(true);
    const children = [...readFileSync(index, "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(children.length).toBeGreaterThan(0);
    const listed = children.flatMap((p) => {
      const f = fileOf(p);
      expect(f && existsSync(f), `sitemap child ${p}`).toBe(true);
      return [...readFileSync(f as string, "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    });
    expect(listed).toContain(BASE);
    const sectionPages = htmlFiles.filter((f) => readFileSync(f, "utf8").includes("data-pagefind-body"));
    expect(sectionPages.length).toBeGreaterThan(0);
    for (const f of sectionPages) expect(listed, `sitemap lists ${urlOf(f)}`).toContain(urlOf(f));
    expect(listed.some((p) => p.includes("404"))).toBe(false);
  });

  it("gives every page a title, a description and Open Graph tags in both languages", () => {
    for (const f of htmlFiles) {
      const html = readFileSync(f, "utf8");
      const where = relative(DIST, f);
      const title = /<title\b[^>]*>([^<]+)<\/title>/.exec(html)?.[1] ?? "";
      expect(title.trim(), `${where}: <title>`).not.toBe("");
      expect(meta(html, "description")?.trim(), `${where}: meta description`).toBeTruthy();
      // Pages kept out of search engines (the runner's iframe embeds) need no previews.
      if (meta(html, "robots")?.includes("noindex")) continue;
      expect(meta(html, "og:title")?.trim(), `${where}: og:title`).toBeTruthy();
      expect(meta(html, "og:description")?.trim(), `${where}: og:description`).toBeTruthy();
      expect(meta(html, "og:locale"), `${where}: og:locale`).toBe("ko_KR");
      expect(meta(html, "og:locale:alternate"), `${where}: og:locale:alternate`).toBe("en_US");
      expect(meta(html, "og:url"), `${where}: og:url`).toMatch(/^https?:\/\//);
    }
  });

  it("titles the site's other pages by their own title, and only the home page by the site's name", () => {
    const titleOf = (path: string) => /<title\b[^>]*>([^<]+)<\/title>/.exec(readFileSync(join(DIST, path), "utf8"))?.[1] ?? "";
    const home = titleOf("index.html");
    for (const path of ["for-course-authors/index.html", "playground/index.html", "404.html"]) {
      const title = titleOf(path);
      expect(title, path).not.toBe(home);
      expect(title, path).toMatch(/^\S.* \| [\uac00-\ud7a3]/);
    }
  });

  it("section pages carry both languages in title and description", () => {
    const sectionPages = htmlFiles.filter((f) => readFileSync(f, "utf8").includes("data-pagefind-body"));
    for (const f of sectionPages) {
      const html = readFileSync(f, "utf8");
      const tag = /<title data-ko="([^"]+)" data-en="([^"]+)">([^<]+)<\/title>/.exec(html);
      expect(tag, `${relative(DIST, f)}: <title data-ko data-en>`).not.toBeNull();
      const [, titleKo, titleEn, title] = tag!;
      const [pageKo, siteKo] = titleKo.split(" | ");
      const [pageEn, siteEn = ""] = titleEn.split(" | ");
      const page = pageKo === pageEn ? pageKo : `${pageKo} · ${pageEn}`;
      if (siteKo === undefined) {
        // The page titled as the site is (the first chapter): its name is not said twice.
        expect(pageEn.toLowerCase(), `${relative(DIST, f)}: titled as the site`).toBe(en.siteTitle.toLowerCase());
        expect(title, `${relative(DIST, f)}: bilingual title`).toBe(page);
        continue;
      }
      // "<ko> · <en> | <site in Korean>", or "<title> | <site>" when both languages say the same.
      expect(title, `${relative(DIST, f)}: bilingual title`).toBe(`${page} | ${siteKo}`);
      expect(siteKo, `${relative(DIST, f)}: Korean title's site name`).toMatch(/[\uac00-\ud7a3]/);
      expect(`${pageEn} ${siteEn}`, `${relative(DIST, f)}: English title has no Hangul`).not.toMatch(/[\uac00-\ud7a3]/);
      expect(meta(html, "description"), `${relative(DIST, f)}: description has Hangul and Latin`).toMatch(/[\uac00-\ud7a3][\s\S]*[A-Za-z]/);
    }
  });

  it("loads neither the editor nor esbuild-wasm up front on any page", () => {
    for (const f of htmlFiles) {
      const html = readFileSync(f, "utf8");
      for (const path of upFrontScripts(html, urlOf(f))) {
        const file = fileOf(path);
        if (!file || !existsSync(file)) continue;
        const code = readFileSync(file, "utf8");
        for (const heavy of HEAVY) {
          expect(code.includes(heavy.marker), `${relative(DIST, f)} loads ${path} up front, which contains ${heavy.name}`).toBe(false);
        }
      }
      expect(html, `${relative(DIST, f)} references esbuild.wasm in its HTML`).not.toMatch(/<(?:script|link)\b[^>]*esbuild(?:-wasm|\.wasm)/i);
      expect(html, `${relative(DIST, f)} references codemirror in its HTML`).not.toMatch(/<(?:script|link)\b[^>]*codemirror/i);
    }
  });

  it("has no broken internal link, asset or #fragment", () => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsFor = (file: string) => {
      let s = ids.get(file);
      if (!s) ids.set(file, (s = idsOf(readFileSync(file, "utf8"))));
      return s;
    };
    let checked = 0;
    for (const f of htmlFiles) {
      if (f.startsWith(pagefindDir)) continue;
      const html = readFileSync(f, "utf8");
      const page = urlOf(f);
      const refs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]));
      for (const ref of refs) {
        if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) continue; // external, mailto:, data:
        const url = new URL(ref, `http://x${page}`);
        const file = fileOf(url.pathname);
        checked++;
        if (!file || !existsSync(file)) {
          broken.push(`${relative(DIST, f)}: ${ref} (no file for ${url.pathname})`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && file.endsWith(".html") && !idsFor(file).has(fragment)) {
          broken.push(`${relative(DIST, f)}: ${ref} (no id "${fragment}" on ${url.pathname})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(htmlFiles.length);
    expect(broken).toEqual([]);
  });
});
