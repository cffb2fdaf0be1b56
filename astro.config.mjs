// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { fileURLToPath } from "node:url";
import remarkUserComponents from "./src/components/user/remark-user-components.ts";
import rehypeTableScroll from "./src/components/user/rehype-table-scroll.ts";
import rehypeShortCode from "./src/components/user/rehype-short-code.ts";
import rehypeCodeCopy from "./src/components/user/rehype-code-copy.ts";
import { codeThemes } from "./src/components/code-themes.ts";

// BASE lets the site live under a sub-path, e.g. `BASE=/notes/ npm run build`.
const base = process.env.BASE ?? "/";
const site = process.env.SITE ?? "https://asyncio-notes.example.org";

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  build: { format: "directory" },
  markdown: {
    // Both themes are emitted as CSS variables (--shiki-light / --shiki-dark);
    // src/styles/content.css picks one with light-dark(), following the site theme.
    shikiConfig: {
      themes: codeThemes,
      defaultColor: false,
    },
  },
  integrations: [
    // Checks how pages use <Heading>, <Pair>, <Ko>, <En>, <Correction>, <Example> and
    // collects the headings for the on-page contents (remarkPluginFrontmatter.toc).
    // Wide tables scroll inside a focusable box rather than the page.
    mdx({ remarkPlugins: [remarkUserComponents], rehypePlugins: [rehypeTableScroll, rehypeShortCode, rehypeCodeCopy] }),
    // Embeds are for iframes on other sites, not for search engines.
    sitemap({ filter: (page) => !new URL(page).pathname.includes("/embed/") }),
    (await import("./src/runner/build/integration.ts")).default(), // runner: _runner/ (sandbox, prebuilt examples, esbuild.wasm)
  ],
  vite: {
    resolve: {
      alias: { asyncio: fileURLToPath(new URL("./src/asyncio/index.ts", import.meta.url)) },
    },
  },
});
