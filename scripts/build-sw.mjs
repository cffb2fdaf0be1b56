#!/usr/bin/env node
// The offline service worker, written into dist/sw.js by Workbox's generateSW after
// `astro build` and Pagefind (it lists their output). `npm run build` runs it.
//
// Precached (a reader who visited once can read, search and Run unedited examples
// with no network): every page, the CSS and the site's small scripts, the Pagefind
// index, the sandbox runtime and every example's prebuilt bundle.
// Cached on first use only (too heavy to fetch for every reader): the editor and
// esbuild-wasm (its JavaScript and its 14 MB binary), the loop view.
//
// Updates are atomic: a new build's worker installs its whole precache beside the old
// one and waits; the page says "updated, reload" (src/components/client/offline.ts) and
// only the reader's click swaps workers (message SKIP_WAITING), so no page ever mixes
// two builds. The first worker takes charge of the page that installed it (clientsClaim:
// it holds that page's own build), so what that first page goes on to use (the editor,
// esbuild, Python) is cached without a reload. The worker lives at <BASE>sw.js; every URL
// in its list is relative to it.
import { generateSW } from "workbox-build";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

// `node scripts/build-sw.mjs [DIR]`: DIR defaults to dist/ (the tests build a BASE copy elsewhere).
const dist = process.argv[2] ? `${resolve(process.argv[2])}/` : fileURLToPath(new URL("../dist/", import.meta.url));

/** Chunks only an edit or the loop view loads: cached when first used. */
const LAZY = /^_astro\/(editor|browser|panel)\.[\w-]+\.js$/;

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  swDest: `${dist}sw.js`,
  globPatterns: [
    "**/*.html",
    "_astro/*.{js,css}",
    "favicon.svg",
    "pagefind/pagefind{,-ui,-worker}.{js,css}",
    "pagefind/site/pagefind.js",
    "pagefind/pagefind-entry.json",
    "pagefind/*.{pf_meta,pagefind}",
    "pagefind/{index,fragment,filter}/*",
    "_runner/sandbox.js",
    "_runner/examples/*.{js,ts,py}",
  ],
  manifestTransforms: [
    async (entries) => ({ manifest: entries.filter((e) => !LAZY.test(e.url)), warnings: [] }),
  ],
  // Astro's chunks carry a content hash in their names: no revision query needed.
  dontCacheBustURLsMatching: /^_astro\//,
  maximumFileSizeToCacheInBytes: 1024 * 1024,
  // The page adds ?v=<build> to runner files, Pagefind ?ts= to its entry file, and links
  // ?lang=, ?theme=, ?tab= to pages: the
  // precache answers them all from one entry.
  ignoreURLParametersMatching: [/^v$/, /^ts$/, /^lang$/, /^theme$/, /^tab$/, /^example$/, /^utm_/],
  directoryIndex: "index.html",
  navigateFallback: undefined,
  cleanupOutdatedCaches: true,
  skipWaiting: false,
  clientsClaim: true,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
  runtimeCaching: [
    {
      // An address the site never had (a typo, an old link), with the network off: the
      // precached 404 page, which guesses what was meant, instead of the browser's error.
      urlPattern: ({ request }) => request.mode === "navigate",
      handler: "NetworkOnly",
      options: { precacheFallback: { fallbackURL: "404.html" } },
    },
    {
      // esbuild-wasm's binary: its name carries the version, so a cached copy never goes stale.
      urlPattern: ({ url }) => /\/_runner\/esbuild-[\w.-]+\.wasm$/.test(url.pathname),
      handler: "CacheFirst",
      options: { cacheName: "notes-esbuild", expiration: { maxEntries: 2 } },
    },
    {
      // Hashed chunks left out of the precache (editor, esbuild's JS, loop view).
      urlPattern: ({ url }) => /\/_astro\/[^/]+\.js$/.test(url.pathname),
      handler: "CacheFirst",
      options: { cacheName: "notes-lazy", expiration: { maxEntries: 20 } },
    },
    {
      // Any other large runtime under _runner/ (none today besides the wasm): on first use.
      urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/_runner\//.test(url.pathname),
      handler: "StaleWhileRevalidate",
      options: { cacheName: "notes-runner", expiration: { maxEntries: 20 } },
    },
  ],
});

for (const w of warnings) console.warn(`sw: ${w}`);
console.log(`sw.js: ${count} files precached, ${(size / 1024).toFixed(0)} KB`);
