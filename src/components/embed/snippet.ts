/**
 * What a course author pastes: the iframe snippet for `/embed/<id>/`, a Markdown link,
 * and the URLs behind them. Pure functions, used at build time (the "For course
 * authors" page) and in the browser (the Share control's embed kit).
 *
 *   iframeSnippet({ src: embedUrl("https://h/notes/", "task-states", { lang: "en" }),
 *                   title: "Task states", height: 480 })
 *   // → '<iframe src="https://h/notes/embed/task-states/?lang=en" title="Task states" …></iframe>'
 */
import type { Mode } from "../../i18n/lang";

/** An embed shows one reading mode, the site's own. */
export type EmbedLang = Mode;
export type EmbedTheme = "system" | "light" | "dark";
export type EmbedTab = "ts" | "py";

/** The reader's choices an embed can carry; each is left out when it is the default. */
export interface EmbedChoices {
  lang?: EmbedLang;
  theme?: EmbedTheme;
  tab?: EmbedTab;
  /** A share fragment for edited code (`example=<id>&code=…`, without "#"). */
  share?: string;
}

/** `/embed/<id>/` under the site's root (absolute, ending in "/"), with the choices as query. */
export function embedUrl(siteRoot: string, id: string, choices: EmbedChoices = {}): string {
  const url = new URL(`embed/${id}/`, siteRoot);
  if (choices.lang && choices.lang !== "both") url.searchParams.set("lang", choices.lang);
  if (choices.theme && choices.theme !== "system") url.searchParams.set("theme", choices.theme);
  if (choices.tab === "py") url.searchParams.set("tab", "py");
  if (choices.share) url.hash = choices.share;
  return url.href;
}

/** What else an embed shows besides its code and output: the caption, the loop view's hint. */
export interface EmbedExtras {
  /** The caption in both languages (an embed without `?lang=` shows both). */
  caption?: { ko: string; en: string };
  /** A featured loop view adds its hint under the toolbar (../example/loop-featured.ts). */
  featured?: boolean;
}

/**
 * The lines of the longest of `texts` (trailing blank lines left out): what `embedHeight`
 * counts, for the course authors' page and the Share kit alike.
 *
 *   lineCount("a\nb\n", "c"); // 2
 */
export function lineCount(...texts: string[]): number {
  return Math.max(...texts.map((t) => t.trimEnd().split("\n").length));
}

/**
 * A height (CSS px) that shows the whole example, its longer code tab and its output
 * after a run, without a scrollbar inside a frame 720 px wide or wider, in Both mode:
 * measured on all the examples (a narrower frame scrolls inside, or fits itself to the
 * height the embed posts). About 40 Korean or 80 English characters make a caption line there.
 *
 *   embedHeight(38, 9);                                     // 1415
 *   embedHeight(38, 9, { caption: { ko, en }, featured: true });
 */
export function embedHeight(codeLines: number, outputLines: number, extras: EmbedExtras = {}): number {
  const caption = extras.caption ? Math.ceil(extras.caption.ko.length / 42) + Math.ceil(extras.caption.en.length / 84) : 0;
  // The output box shows about 16 lines before it scrolls (max-height 22rem).
  return Math.round(390 + 22 * codeLines + 21 * Math.min(outputLines, 16) + 24 * caption + (extras.featured ? 80 : 0));
}

function attr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * The `<iframe>` tag, on one line. `allow="clipboard-write"` lets the example's Copy
 * button write the clipboard from inside the author's page (without it, Copy selects
 * the code for Ctrl+C).
 */
export function iframeSnippet(opts: { src: string; title: string; height: number }): string {
  return (
    `<iframe src="${attr(opts.src)}" title="${attr(opts.title)}" width="100%" height="${opts.height}"` +
    ` style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`
  );
}

/**
 * A script a course page adds once, so every embedded example's frame fits its content:
 * an embed posts `{ type: "asyncio-notes:height", id, height }` to its parent whenever its
 * height changes (EmbedLayout.astro); messages from any other origin are ignored. Plain
 * ES5, for any page it is pasted into.
 *
 *   fitFramesScript("https://example.org/notes/");
 *   // → '<script>addEventListener("message", function (e) { … });</script>'
 */
export function fitFramesScript(siteRoot: string): string {
  // The site's root begins with the sender's origin and a slash only if the sender is the site.
  return (
    `<script>addEventListener("message", function (e) {` +
    ` var d = e.data;` +
    ` if (${JSON.stringify(siteRoot)}.indexOf(e.origin + "/") !== 0 || !d || d.type !== "asyncio-notes:height") return;` +
    ` document.querySelectorAll("iframe").forEach(function (f) {` +
    ` if (f.contentWindow === e.source) f.style.height = d.height + "px"; });` +
    ` });</script>`
  );
}

/** `[text](url)`, with the brackets that would end the text escaped. */
export function markdownLink(text: string, url: string): string {
  return `[${text.replace(/([\\[\]])/g, "\\$1")}](${url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)})`;
}
