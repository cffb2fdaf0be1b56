/**
 * The reader's code runs in an opaque-origin worker: it has no DOM, and the page's
 * storage (indexedDB, Cache API), cookies and BroadcastChannels are out of its reach.
 * The program below tries each and prints what happened; the page and the server
 * check that nothing got through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import type { Browser, Page } from "playwright-core";
import { findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { pagesWithExamples, replaceCode, run, stdout, wake } from "./runner-helpers";

const chromium = findChromium();

const probe = (siteUrl: string): string => `
const g = globalThis as any;
const out: Record<string, string> = {};
out.dom = typeof g.document === "undefined" && typeof g.window === "undefined" ? "none" : "PAGE DOM REACHED";
out.origin = String(g.origin);
try { g.indexedDB.open("probe"); out.indexedDB = "OPENED"; } catch (e) { out.indexedDB = "blocked " + (e as Error).name; }
try { await g.caches.open("probe"); out.caches = "OPENED"; } catch (e) { out.caches = "blocked " + (e as Error).name; }
try {
  const r = await fetch(${JSON.stringify(siteUrl)} + "?sandbox-probe", { credentials: "include" });
  out.fetch = "READ " + (await r.text()).length;
} catch (e) { out.fetch = "blocked " + (e as Error).name; }
try {
  const bc = new BroadcastChannel("asyncio-notes-probe");
  bc.postMessage("from the sandbox");
  bc.close();
  out.broadcast = "posted";
} catch (e) { out.broadcast = "blocked"; }
console.log(JSON.stringify(out));
`;

describe.skipIf(!chromium)("the sandbox", () => {
  let site: StaticSite;
  let browser: Browser;
  let page: Page;
  const probes: IncomingMessage[] = [];
  const first = chromium ? pagesWithExamples()[0] : { path: "", ids: [""] };

  beforeAll(async () => {
    site = await serveStatic();
    site.server.on("request", (req: IncomingMessage) => {
      if (req.url?.includes("sandbox-probe")) probes.push(req);
    });
    browser = await launchBrowser(chromium!);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("keeps the reader's code away from the page", async () => {
    await page.goto(site.url + first.path);
    await page.evaluate(() => {
      document.cookie = "notes-secret=1; path=/; SameSite=None";
      const w = window as unknown as { heard: unknown[] };
      w.heard = [];
      new BroadcastChannel("asyncio-notes-probe").onmessage = (e) => w.heard.push(e.data);
    });
    const root = await wake(page, first.ids[0]);
    await replaceCode(root, probe(site.url));
    expect(await run(root)).toBe("done");
    const result = JSON.parse(await stdout(root)) as Record<string, string>;
    expect(result.dom).toBe("none");
    expect(result.origin).toBe("null");
    expect(result.indexedDB).toMatch(/^blocked/);
    expect(result.caches).toMatch(/^blocked/);
    expect(result.fetch).toMatch(/^blocked/);
    // The channel exists in the sandbox's own (opaque) origin only; the page hears nothing.
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
    expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
    expect(probes.some((r) => String(r.headers.cookie ?? "").includes("notes-secret"))).toBe(false);
    await root.locator('[data-act="reset"]').click();
  });
});
