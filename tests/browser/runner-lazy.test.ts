/**
 * Reading costs nothing: a section page loads neither CodeMirror nor esbuild-wasm, not
 * even after scrolling to the bottom; the editor arrives on the first focus in the
 * code, the bundler only on the first Run of edited code, and an unedited Run needs
 * neither.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "./lib";
import { pagesWithExamples, replaceCode, run, setClock, wake } from "./runner-helpers";
import { useBrowserSite } from "./session";

const chromium = findChromium();

describe.skipIf(!chromium)("lazy loading", () => {
  const env = useBrowserSite(chromium, { page: true });
  const requests: string[] = [];
  const pages = chromium ? pagesWithExamples() : [];
  const busiest = pages.reduce((a, b) => (b.ids.length > a.ids.length ? b : a), pages[0] ?? { path: "", ids: [""] });

  beforeAll(() => {
    env.page.on("request", (r) => requests.push(r.url()));
  });

  const editorChunk = (u: string) => /\/_astro\/editor\.[\w-]+\.js/.test(u);
  const bundler = (u: string) => /esbuild|\/_astro\/(bundler|browser)\.[\w-]+\.js/.test(u);

  it("loads the editor on focus and the bundler on the first edited Run only", async () => {
    const { page, site } = env;
    await page.goto(site.url + busiest.path);
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        scrollTo(0, y);
        await new Promise((ok) => requestAnimationFrame(ok));
      }
    });
    await page.waitForLoadState("networkidle");
    expect(requests.filter(editorChunk)).toEqual([]);
    expect(requests.filter(bundler)).toEqual([]);

    const root = await wake(page, busiest.ids[0]);
    await setClock(root, "virtual");
    expect(await run(root)).toBe("done");
    expect(requests.filter(editorChunk)).toEqual([]);
    expect(requests.filter(bundler)).toEqual([]);

    const before = await root.locator(".ex-code--ts").boundingBox();
    await root.locator(".ex-code--ts pre").first().focus();
    await root.locator(".cm-editor").waitFor();
    // The editor takes the static code's place without moving what follows.
    const after = await root.locator(".ex-code--ts").boundingBox();
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThanOrEqual(2);
    expect(requests.filter(editorChunk).length).toBe(1);
    expect(requests.filter(bundler)).toEqual([]);

    await replaceCode(root, `console.log("now the bundler");\n`);
    expect(await run(root)).toBe("done");
    expect(requests.some((u) => /esbuild-[\d.]+\.wasm$/.test(u))).toBe(true);
    await root.locator('[data-act="reset"]').click();
  });
});
