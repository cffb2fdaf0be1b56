/**
 * The site's one content collection: the pages of the notes, `content/pages/<slug>.mdx`.
 *
 * NOTES_PAGES_DIR points the collection at another folder of pages (fixtures, previews
 * of a draft); the site always builds from content/pages otherwise.
 */
import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";

const bilingual = z.object({
  ko: z.string().trim().min(1, "the Korean text is empty"),
  en: z.string().trim().min(1, "the English text is empty"),
});

/** Folders the site's own routes use; a page with one of these slugs would collide. */
const RESERVED = ["embed", "playground", "pagefind", "404", "_astro"];

const pages = defineCollection({
  loader: glob({ pattern: "*.mdx", base: process.env.NOTES_PAGES_DIR ?? "./content/pages" }),
  schema: z.object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lowercase kebab-case")
      .refine((s) => !RESERVED.includes(s), { message: `slug must not be one of ${RESERVED.join(", ")}` }),
    order: z.number().int().nonnegative(),
    title: bilingual,
    description: bilingual,
  }),
});

export const collections = { pages };
