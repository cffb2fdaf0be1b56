/**
 * Shared pieces of the browser tests and browser benchmarks: a static server for the
 * built site (honouring a base path, serving pre-compressed files) and a headless
 * Chromium driven by playwright-core.
 *
 * Playwright's own browser download does not work on our machines; we drive Debian's
 * `chromium` (apt-get install chromium fonts-noto-cjk). Set CHROMIUM_PATH to use another.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Strings only the editor (CodeMirror), the bundler (esbuild-wasm) or the type service
 * (TypeScript) contain: a script holding one is too heavy for a page that is only read
 * (tests/site, bench/site).
 */
export const HEAVY: readonly { name: string; marker: string }[] = [
  { name: "CodeMirror", marker: "cm-scroller" },
  { name: "esbuild-wasm", marker: 'Cannot call "initialize" more than once' },
  { name: "TypeScript (the editor's type service)", marker: "createLanguageService" },
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export interface StaticSite {
  /** The site's root URL, ending in the base path, e.g. http://127.0.0.1:4567/notes/ */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves `dir` (default: dist/) under `base` on 127.0.0.1, like a static host would:
 * `/x/` serves `x/index.html`, unknown paths get `404.html` with status 404, and a file
 * with a `.br` or `.gz` twin is sent compressed when the browser accepts it; with
 * `compress`, other text files are gzipped on the fly, as most hosts do.
 */
export async function serveStatic(opts: { dir?: string; base?: string; compress?: boolean } = {}): Promise<StaticSite> {
  const dir = resolve(opts.dir ?? join(ROOT, "dist"));
  const base = opts.base ?? "/";
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`${dir} has no index.html: run \`npm run build\` first`);
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) return notFound();
    path = "/" + path.slice(base.length);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) {
        res.writeHead(301, { location: url.pathname + "/" + url.search });
        return res.end();
      }
      file = join(file, "index.html");
    }
    if (!existsSync(file)) return notFound();
    const headers: Record<string, string> = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      vary: "accept-encoding",
    };
    const accept = String(req.headers["accept-encoding"] ?? "");
    let body: Buffer;
    if (accept.includes("br") && existsSync(file + ".br")) {
      headers["content-encoding"] = "br";
      body = readFileSync(file + ".br");
    } else if (accept.includes("gzip") && existsSync(file + ".gz")) {
      headers["content-encoding"] = "gzip";
      body = readFileSync(file + ".gz");
    } else if (opts.compress && accept.includes("gzip") && /^(text\/|application\/(json|xml|javascript)|image\/svg)/.test(headers["content-type"])) {
      // Like a host with compression on: text that has no pre-compressed twin is gzipped.
      headers["content-encoding"] = "gzip";
      body = gzipSync(readFileSync(file));
    } else {
      body = readFileSync(file);
    }
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);

    function notFound() {
      const page = join(dir, "404.html");
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(existsSync(page) ? readFileSync(page) : "not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The Chromium binary to drive, or null with a message saying how to get one. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const why =
    "no Chromium found for the browser tests: install Debian's `chromium` and `fonts-noto-cjk` " +
    "(apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH";
  if (process.env.CI === "true") throw new Error(`CI=true and ${why}`);
  console.warn(`SKIPPING browser tests: ${why}`);
  return null;
}

/** Launches headless Chromium with the flags this closed network needs. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Slows a page's network to a 10 Mbit/s link with 20 ms latency (Chromium's DevTools
 * protocol), for the benches' "first run over a slow link" rows.
 */
export async function throttleTo10Mbit(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const bytesPerSecond = (10 * 1024 * 1024) / 8;
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
}
