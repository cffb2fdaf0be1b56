/**
 * bench/lighthouse.ts: Lighthouse (the pinned devDependency, 12.2.3) against the built
 * site served with compression, mobile profile with simulated throttling, every page:
 * home, each section, the course authors' page, the playground, the 404 page and every
 * /embed/<id>/. Prints one row per page with the four category scores and the total
 * blocking time; embeds are `noindex` on purpose, so their SEO score is shown but
 * exempt. Reports only: exits 0 whether or not every page reaches 100.
 *
 *   npx tsx bench/lighthouse.ts [--only asyncio/,embed/task-states/] [--save <dir>]
 *
 * `--save <dir>` also writes each page's full Lighthouse report (JSON) there, to read the
 * metrics and diagnostics behind a score.
 */
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, findChromium, serveStatic } from "../tests/browser/lib";

const DIST = join(ROOT, "dist");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

function pages(): string[] {
  const out = [""];
  for (const d of readdirSync(DIST, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name.startsWith("_") || d.name === "pagefind" || d.name === "embed") continue;
    if (existsSync(join(DIST, d.name, "index.html"))) out.push(`${d.name}/`);
  }
  out.push("404.html");
  for (const d of readdirSync(join(DIST, "embed"))) out.push(`embed/${d}/`);
  return out;
}

const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(",") : null;
const saveArg = process.argv.indexOf("--save");
const saveDir = saveArg > 0 ? process.argv[saveArg + 1] : null;
if (saveDir) mkdirSync(saveDir, { recursive: true });
const chromePath = findChromium();
if (!chromePath) process.exit(0);

const site = await serveStatic({ compress: true });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const rows: string[] = [];
let perfect = 0;
const list = pages().filter((p) => !only || only.includes(p));
try {
  for (const path of list) {
    const result = await lighthouse(site.url + path, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      formFactor: "mobile",
      throttlingMethod: "simulate",
    });
    const lhr = result!.lhr;
    if (saveDir) writeFileSync(join(saveDir, `${path.replace(/\W+/g, "_") || "home"}.json`), JSON.stringify(lhr));
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    const tbt = Math.round(Number(lhr.audits["total-blocking-time"]?.numericValue ?? 0));
    const dom = Number((lhr.audits["dom-size"]?.numericValue as number | undefined) ?? 0);
    const embed = path.startsWith("embed/");
    const all = scores.every((s, i) => s === 100 || (embed && CATEGORIES[i] === "seo"));
    if (all) perfect++;
    const failing = CATEGORIES.flatMap((c) =>
      Object.values(lhr.categories[c]?.auditRefs ?? [])
        .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
        .map((r) => r.id),
    );
    const row = `| \`/${path}\` | ${scores.join(" | ")}${embed ? " (exempt)" : ""} | ${tbt} ms | ${dom} | ${all ? "yes" : "no: " + failing.join(", ")} |`;
    rows.push(row);
    console.log(row);
  }
} finally {
  await chrome.kill();
  await site.close();
}
console.log("\n| page | performance | accessibility | best practices | SEO | total blocking time | DOM elements | all 100 |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const r of rows) console.log(r);
console.log(`\n${perfect}/${list.length} pages score 100 in every category (embeds' SEO exempt).`);
