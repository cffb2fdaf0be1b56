// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { fileURLToPath } from "node:url";

// BASE lets the site live under a sub-path, e.g. `BASE=/notes/ npm run build`.
const base = process.env.BASE ?? "/";
const site = process.env.SITE ?? "https://asyncio-notes.example.org";

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  integrations: [mdx(), sitemap()],
  vite: {
    resolve: {
      alias: { asyncio: fileURLToPath(new URL("./src/asyncio/index.ts", import.meta.url)) },
    },
  },
});
