/**
 * Page weight and build time (run by bench/site.mjs, `npm run bench`).
 *
 * 1. Build time: `npm run build` (Astro + Pagefind), run --builds times (default 3);
 *    the median is reported, with min and max. --no-build skips this and uses dist/
 *    as it is (building once if it is missing).
 * 2. JavaScript per page, in Chromium (Chrome DevTools Protocol Network events): every
 *    script response on a fresh load (after the network is idle), then again after
 *    scrolling to the bottom without a click (examples turn into islands as they come
 *    into view). For each script the transferred bytes (encodedDataLength; the static
 *    server sends files as they are in dist/) and the gzip size of its body (level 6,
 *    what a host would serve) are summed. The budget is on the gzip size:
 *    ≤ 30 KB on load, ≤ 50 KB scrolled, none of it the editor (CodeMirror) or the
 *    bundler (esbuild-wasm, or its .wasm).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { CDPSession, Page } from "playwright-core";
import { HEAVY, ROOT, findChromium, launchBrowser, serveStatic } from "../tests/browser/lib";

const args = process.argv.slice(2);
const builds = Number(args[args.indexOf("--builds") + 1]) || 3;
const skipBuild = args.includes("--no-build");
const BUDGET_LOAD = 30 * 1024;
const BUDGET_SCROLLED = 50 * 1024;

function kb(n: number): string {
  return (n / 1024).toFixed(1);
}

function build(): number {
  const t0 = performance.now();
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status ?? r.signal})`);
  return (performance.now() - t0) / 1000;
}

interface ScriptLoad {
  url: string;
  transferred: number;
  gzip: number;
  heavy: string[];
}

/** Records every script response of a page through CDP, with its body's gzip size. */
async function recordScripts(page: Page): Promise<{ cdp: CDPSession; scripts: Map<string, ScriptLoad>; pending: Set<Promise<void>> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const kinds = new Map<string, { url: string; type: string }>();
  const scripts = new Map<string, ScriptLoad>();
  const pending = new Set<Promise<void>>();
  cdp.on("Network.responseReceived", (e) => kinds.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on("Network.loadingFinished", (e) => {
    const k = kinds.get(e.requestId);
    if (!k) return;
    const isWasm = k.url.endsWith(".wasm");
    if (k.type !== "Script" && !isWasm) return;
    const job = (async () => {
      let body = "";
      let raw = Buffer.alloc(0);
      try {
        const b = await cdp.send("Network.getResponseBody", { requestId: e.requestId });
        raw = b.base64Encoded ? Buffer.from(b.body, "base64") : Buffer.from(b.body);
        body = raw.toString("utf8");
      } catch {
        // The body may be gone (a navigation); count the transfer only.
      }
      const heavy = HEAVY.filter((h) => body.includes(h.marker)).map((h) => h.name);
      if (isWasm && /esbuild/.test(k.url)) heavy.push("esbuild.wasm");
      scripts.set(e.requestId, { url: k.url, transferred: e.encodedDataLength, gzip: gzipSync(raw).length, heavy });
    })();
    pending.add(job);
    void job.finally(() => pending.delete(job));
  });
  return { cdp, scripts, pending };
}

function sum(scripts: Iterable<ScriptLoad>) {
  let transferred = 0;
  let gzip = 0;
  const heavy = new Set<string>();
  let count = 0;
  for (const s of scripts) {
    transferred += s.transferred;
    gzip += s.gzip;
    s.heavy.forEach((h) => heavy.add(h));
    count++;
  }
  return { transferred, gzip, heavy: [...heavy], count };
}

async function settle(page: Page, pending: Set<Promise<void>>) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await Promise.all([...pending]);
}

async function main() {
  const times: number[] = [];
  if (!skipBuild) {
    for (let i = 0; i < builds; i++) {
      const s = build();
      times.push(s);
      console.log(`build ${i + 1}/${builds}: ${s.toFixed(1)} s`);
    }
  } else if (!existsSync(join(ROOT, "dist/index.html"))) {
    build();
  }

  const chromium = findChromium();
  if (!chromium) {
    console.log("page weight: skipped (no Chromium)");
  } else {
    const site = await serveStatic();
    const browser = await launchBrowser(chromium);
    try {
      const probe = await browser.newPage();
      await probe.goto(site.url);
      const sections = await probe.$$eval(".home-sections a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      await probe.close();
      const rows: string[][] = [];
      for (const url of [site.url, ...sections]) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await ctx.newPage();
        const { scripts, pending } = await recordScripts(page);
        await page.goto(url);
        await settle(page, pending);
        const load = sum(scripts.values());
        // Scroll down a screen at a time, as a reader would, so islands see themselves.
        for (;;) {
          const done = await page.evaluate(() => {
            window.scrollBy(0, innerHeight * 0.8);
            return innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
          });
          await page.waitForTimeout(120);
          if (done) break;
        }
        await settle(page, pending);
        const scrolled = sum(scripts.values());
        const ok = load.gzip <= BUDGET_LOAD && scrolled.gzip <= BUDGET_SCROLLED && scrolled.heavy.length === 0;
        rows.push([
          new URL(url).pathname,
          `${load.count}`,
          kb(load.transferred),
          kb(load.gzip),
          `${scrolled.count}`,
          kb(scrolled.transferred),
          kb(scrolled.gzip),
          scrolled.heavy.length ? scrolled.heavy.join("+") : "none",
          ok ? "ok" : "OVER",
        ]);
        await ctx.close();
      }
      const head = ["page", "load n", "load KB", "load gz KB", "scroll n", "scroll KB", "scroll gz KB", "editor/bundler", "budget"];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
      console.log(`\nJavaScript per page (budget: load ≤ ${kb(BUDGET_LOAD)} KB gz, scrolled ≤ ${kb(BUDGET_SCROLLED)} KB gz, no editor/bundler)`);
      console.log(line(head));
      console.log(widths.map((w) => "-".repeat(w)).join("  "));
      for (const r of rows) console.log(line(r));
    } finally {
      await browser.close();
      await site.close();
    }
  }

  if (times.length) {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`\nbuild time (npm run build, ${times.length} runs): median ${median.toFixed(1)} s, min ${sorted[0].toFixed(1)} s, max ${sorted[sorted.length - 1].toFixed(1)} s`);
  }
}

await main();
