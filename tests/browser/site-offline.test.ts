/**
 * Offline reading (issue 12): after one visit the service worker (dist/sw.js, built by
 * scripts/build-sw.mjs) serves every page, the search index and the prebuilt example
 * bundles with the network switched off; esbuild-wasm is cached on first use, so an
 * edited run works offline once an edit has run online, and the Python tab once Python
 * has run online. (Under a base path: tests/browser/site-links.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ROOT, findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { expectedOutput, failures, pagesWithExamples, pythonTab, replaceCode, run, setClock, stdout, waitForEnd, wake } from "./runner-helpers";

const chromium = findChromium();

const EDITED = `import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  yield* asyncio.sleep(1);
  console.log("offline", 6 * 7);
}

await asyncio.run(main());
`;

/** Waits until the service worker is active, i.e. its whole precache is stored. */
async function installed(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.state;
  });
}

describe.skipIf(!chromium)("offline reading", () => {
  let site: StaticSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pages = chromium ? pagesWithExamples() : [];
  const first = pages[0] ?? { path: "", ids: [""] };
  const other = pages[pages.length - 1] ?? first;

  beforeAll(async () => {
    site = await serveStatic();
    browser = await launchBrowser(chromium!);
    context = await browser.newContext();
    page = await context.newPage();
  });
  /**
   * The worker from a first visit, for a test run alone (`-t`); run in order, the first
   * test has installed it already.
   */
  async function afterFirstVisit(): Promise<void> {
    if (await page.evaluate(async () => !!(await navigator.serviceWorker?.getRegistration())).catch(() => false)) return;
    await context.setOffline(false);
    await page.goto(site.url, { waitUntil: "load" });
    await page.keyboard.press("Shift");
    await installed(page);
  }

  /** Offline, on the last section page (where the test before leaves the page, in order). */
  async function offlineOnOther(): Promise<void> {
    await afterFirstVisit();
    await context.setOffline(true);
    if (!page.url().startsWith(site.url + other.path)) await page.goto(site.url + other.path);
  }

  afterAll(async () => {
    await context?.setOffline(false);
    await browser?.close();
    await site?.close();
  });

  it("registers a service worker from the site root on the first visit, after the page has loaded", async () => {
    await page.goto(site.url, { waitUntil: "load" });
    // Not during the load: the precache waits for the reader's first scroll, click or key.
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()))).toBe(false);
    await page.keyboard.press("Shift");
    await installed(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(site.url);
  });

  it("reads a section page it has never opened, with the network off", async () => {
    await afterFirstVisit();
    await context.setOffline(true);
    const response = await page.goto(site.url + other.path);
    expect(response?.status()).toBe(200);
    expect(await page.locator("article.content h1").count()).toBe(1);
    expect(await page.locator("asyncio-example").count()).toBeGreaterThan(0);
    // A fetch that really goes to the network fails: we are offline.
    const online = await page.evaluate(() => fetch("/never-built-" + Date.now()).then(() => true, () => false));
    expect(online).toBe(false);
  });

  it("searches offline", async () => {
    await offlineOnOther();
    await page.locator(".search-btn").click();
    const input = page.locator("#search-ui .pagefind-ui__search-input");
    await input.waitFor();
    await input.fill("yield");
    await page.locator(".pagefind-ui__result").first().waitFor({ timeout: 20_000 });
    expect(await page.locator(".pagefind-ui__result").count()).toBeGreaterThan(0);
    await page.locator(".search-dialog [data-close]").click();
  });

  it("shows the 404 page and its guess for a mistyped address, with the network off", async () => {
    await offlineOnOther();
    await page.goto(`${site.url}asyncoi/?lang=en#future`);
    const box = page.locator("[data-did-you-mean]");
    await box.waitFor();
    expect(await box.locator("a").getAttribute("href")).toBe("/asyncio/?lang=en#future");
  });

  it("runs an unedited example offline", async () => {
    await offlineOnOther();
    const id = other.ids[0];
    const root = await wake(page, id);
    await setClock(root, "virtual");
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
  });

  it("says so offline, before the editor or CPython was ever used online: the editor's code and CPython's files did not load", async () => {
    await offlineOnOther();
    const id = other.ids[0];
    const root = await wake(page, id);
    // The editor is cached on first use only: offline before that, a click says it did not load.
    await root.locator(".ex-code--ts pre").first().click();
    const notice = root.locator('.ex-notice[data-key="editorFailed"]');
    await notice.waitFor();
    // Both languages are in the notice; the reader's mode shows one.
    expect(await notice.textContent()).toContain("Could not load the editor");
    expect(await notice.textContent()).toContain("편집기를 불러오지 못했습니다");
    expect(await root.locator(".ex-code--ts pre").first().isVisible()).toBe(true);
    expect(await notice.textContent()).not.toContain("run");
    // CPython's files likewise: the run says they could not be downloaded, and why it matters.
    await pythonTab(root);
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("crashed");
    const said = await failures(root);
    expect(said).toContain("CPython could not be downloaded");
    expect(said).toContain("CPython을 내려받지 못했습니다");
  });

  it("runs an edited example offline once esbuild-wasm was used online", async () => {
    await afterFirstVisit();
    await context.setOffline(false);
    await page.goto(site.url + first.path);
    let root = await wake(page, first.ids[0]);
    await setClock(root, "virtual");
    await replaceCode(root, EDITED);
    expect(await run(root, 60_000)).toBe("done");

    await context.setOffline(true);
    await page.goto("about:blank");
    await page.goto(site.url + first.path);
    root = await wake(page, first.ids[0]);
    await setClock(root, "virtual");
    await replaceCode(root, EDITED.replace("6 * 7", "6 * 9"));
    expect(await run(root, 60_000)).toBe("done");
    expect(await stdout(root)).toBe("offline 54");
    await page.evaluate(() => localStorage.clear());
  });

  it("runs the Python original offline once Python ran online (its files are fetched off the page's thread)", async () => {
    await afterFirstVisit();
    await context.setOffline(false);
    const id = first.ids[0];
    await page.goto(site.url + first.path);
    let root = await wake(page, id);
    await pythonTab(root);
    await setClock(root, "virtual");
    expect(await run(root, 90_000)).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
    // The page's own resource timeline lists what the page fetched; a worker's fetches are
    // in the worker's. The two big bodies must not be the page's.
    const onPage = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => e.name).filter((u) => /pyodide\.asm\.wasm|python_stdlib\.zip/.test(u)),
    );
    expect(onPage).toEqual([]);
    // The service worker stores what the helper fetched (in the background): wait for it.
    await page.evaluate(async () => {
      for (let i = 0; i < 200; i++) {
        const cache = await caches.open("notes-runner");
        const keys = (await cache.keys()).map((k) => k.url);
        if (keys.some((u) => u.endsWith("python_stdlib.zip")) && keys.some((u) => u.endsWith("pyodide.asm.wasm"))) return;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      throw new Error("Pyodide's files never reached the service worker's cache");
    });

    await context.setOffline(true);
    await page.goto("about:blank");
    await page.goto(site.url + first.path);
    root = await wake(page, id);
    await pythonTab(root);
    await setClock(root, "virtual");
    expect(await run(root, 90_000)).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
    await page.evaluate(() => localStorage.clear());
  });
});

describe.skipIf(!chromium)("the first visit's own page", () => {
  it("caches what it goes on to use once its worker is active, with no reload: an edit runs offline after", async () => {
    const site = await serveStatic();
    const browser = await launchBrowser(chromium!);
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const [first] = pagesWithExamples();
      await page.goto(site.url + first.path, { waitUntil: "load" });
      await page.keyboard.press("Shift");
      await installed(page);
      // The worker took charge of this page: no reload.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
      let root = await wake(page, first.ids[0]);
      await setClock(root, "virtual");
      await replaceCode(root, EDITED);
      expect(await run(root, 60_000)).toBe("done");

      await context.setOffline(true);
      await page.reload();
      root = await wake(page, first.ids[0]);
      await setClock(root, "virtual");
      await replaceCode(root, EDITED.replace("6 * 7", "6 * 8"));
      expect(await run(root, 60_000)).toBe("done");
      expect(await stdout(root)).toBe("offline 48");
    } finally {
      await browser.close();
      await site.close();
    }
  });
});

describe.skipIf(!chromium)("an update", () => {
  it("installs beside the old build, says so in both languages, and swaps only on the reader's click", async () => {
    // A copy of the build, then a "new build" of it: one page changed, its worker rebuilt.
    const dir = join(ROOT, ".tmp/dist-sw-update");
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(ROOT, "dist"), dir, { recursive: true });
    const site = await serveStatic({ dir });
    const browser = await launchBrowser(chromium!);
    try {
      const page = await browser.newPage();
      await page.goto(site.url);
      await installed(page);
      await page.reload(); // now controlled by the first worker
      expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
      expect(await page.locator("update-note").isHidden()).toBe(true);

      const file = join(dir, "index.html");
      writeFileSync(file, readFileSync(file, "utf8").replace("</main>", '<p id="new-build">new</p></main>'));
      const sw = spawnSync("node", ["scripts/build-sw.mjs", dir], { cwd: ROOT, encoding: "utf8" });
      expect(sw.status).toBe(0);

      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.locator("update-note:not([hidden])").waitFor({ timeout: 30_000 });
      const note = await page.locator("update-note").innerText();
      expect(note).toContain("새 버전");
      expect(note).toContain("updated");

      // Until the reader says so, the old worker keeps serving the old build, whole.
      await page.goto(site.url);
      expect(await page.locator("#new-build").count()).toBe(0);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.locator("update-note:not([hidden])").waitFor({ timeout: 30_000 });

      await Promise.all([page.waitForEvent("load"), page.locator("update-note button").click()]);
      await page.locator("#new-build").waitFor();
      expect(await page.locator("update-note").isHidden()).toBe(true);
    } finally {
      await browser.close();
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
