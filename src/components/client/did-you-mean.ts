/**
 * Guesses at what a broken link meant. The 404 page's: the page a mistyped section
 * (`/asyncoi/`), an old-style file name (`/asyncio.html`, `/ko/generator/index.html`),
 * or an address cut short (`/async-with/`) meant, keeping the query and the fragment, so
 * `/asyncoi/#future` leads to `/asyncio/#future`. A section page's (./missing-fragment.ts,
 * fetched only when a fragment names nothing on it): the anchor `#futur` meant. Without
 * JavaScript, or when nothing is close, the 404 page shows only its list of contents.
 *
 *   suggest("/asyncoi/", "/", ["intro", "asyncio"]); // "asyncio"
 */

/**
 * The edit distance between `a` and `b`, counting a swap of two neighbours as one edit
 * (`asyncoi` → `asyncio` is 1).
 *
 *   distance("asyncoi", "asyncio"); // 1
 */
export function distance(a: string, b: string): number {
  // d[i][j]: edits from a's first i letters to b's first j, one row per i.
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}

/** The address's parts after the base, as words comparable with a slug. */
function words(pathname: string, base: string): string[] {
  let rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // A broken %-escape: compare the address as written.
  }
  return rest
    .toLowerCase()
    .split("/")
    .map((w) => w.replace(/\.(html?|mdx?|php)$/, "").replace(/[_\s.]+/g, "-"))
    .filter((w) => w !== "" && w !== "index" && w !== "404");
}

/**
 * The candidate `pathname` most likely meant, or null when none is close. Candidates are
 * page slugs and `embed/<example id>`s. Tried in order: a part of the address equal to a
 * slug; a part that starts exactly one slug (at least four letters); the slug nearest to
 * a part, within a third of the slug's length (one edit at least; exactly one when the
 * part starts several slugs), when no other slug is as near. An embed's address is
 * guessed among the embeds the same way, and only among them: in a course page's frame,
 * a page of the site would be no answer.
 *
 *   suggest("/notes/generator.html", "/notes/", ["generator"]); // "generator"
 *   suggest("/async-with/", "/", ["async-await", "async-with-for"]); // "async-with-for"
 *   suggest("/embed/five-kind/", "/", ["embed/five-kinds"]); // "embed/five-kinds"
 */
export function suggest(pathname: string, base: string, candidates: readonly string[]): string | null {
  const parts = words(pathname, base);
  if (parts.length === 0) return null;
  if (parts[0] === "embed") {
    const ids = candidates.filter((c) => c.startsWith("embed/")).map((c) => c.slice("embed/".length));
    const id = parts.length > 1 ? suggest(parts.slice(1).join("/"), "", ids) : null;
    return id === null ? null : `embed/${id}`;
  }
  const slugs = candidates.filter((c) => !c.startsWith("embed/"));
  for (const part of parts) if (slugs.includes(part)) return part;
  // The slugs each part starts.
  const starts = parts.map((part) => slugs.filter((s) => s.startsWith(part)));
  const unique = parts.findIndex((part, i) => part.length >= 4 && starts[i].length === 1);
  if (unique >= 0) return starts[unique][0];
  let best: string | null = null;
  let bestDistance = Infinity;
  let tied = false;
  parts.forEach((part, i) => {
    // A part that starts several slugs ("async-") names none of them, unless one letter
    // is all it lacks ("futur").
    const most = starts[i].length >= 2 ? 1 : Infinity;
    for (const slug of slugs) {
      const d = distance(part, slug);
      if (d > Math.min(most, Math.max(1, Math.floor(slug.length / 3)))) continue;
      if (d < bestDistance) [best, bestDistance, tied] = [slug, d, false];
      else if (d === bestDistance && slug !== best) tied = true;
    }
  });
  return tied ? null : best;
}

/**
 * Fills the 404 page's hidden suggestion (`[data-did-you-mean]`) from its list of
 * contents (`.nf-list a[data-slug]`, each chapter with its anchors) and its hidden list of
 * embeds (`.nf-embeds`): the guessed page's link, titled as in the list, with the
 * address's query and fragment. A fragment that only one chapter has names that chapter,
 * over a guess from the path that lacks it, and a share link's, its example's chapter;
 * `playground/<example>/` means the playground opened on that example.
 */
export function initDidYouMean(): void {
  const box = document.querySelector<HTMLElement>("[data-did-you-mean]");
  const target = box?.querySelector<HTMLAnchorElement>("a");
  if (!box || !target) return;
  const base = box.dataset.base ?? "/";
  // A `#` that a mail client or a word processor encoded (`/asyncio/%23future`) is the
  // fragment it was: the guess keeps it, and a path right but for it opens at once.
  let { pathname, hash } = location;
  const cut = pathname.toLowerCase().indexOf("%23");
  if (cut >= 0) {
    hash ||= `#${pathname.slice(cut + 3).replace(/\/$/, "")}`;
    pathname = pathname.slice(0, cut);
  }
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : "";
  // An embed's address, or any missing page inside someone's frame (a course page's
  // iframe): the notice and its guess alone (404.astro's CSS), every link opening in the
  // whole window, and an embed's address guessed among the embeds only.
  const framed = rest.startsWith("embed/") || window.self !== window.top;
  if (framed) {
    document.documentElement.dataset.framed = "";
    for (const a of document.querySelectorAll("a")) a.target = "_top";
  }
  const links = [...document.querySelectorAll<HTMLAnchorElement>(".nf-list a[data-slug], .nf-embeds a[data-slug]")].filter(
    (a) => !rest.startsWith("embed/") || (a.dataset.slug ?? "").startsWith("embed/"),
  );
  /** Offers `link`'s page (its title as in the list) at `href`; in the frame itself when `inFrame`. */
  const show = (link: HTMLAnchorElement, href: string, inFrame = false): void => {
    target.href = href;
    if (inFrame) target.target = "_self";
    target.replaceChildren(...[...link.childNodes].map((n) => n.cloneNode(true)));
    box.hidden = false;
  };
  /** The chapter that shows example `id`, if the site has that example. */
  const chapterOf = (id: string | undefined): HTMLAnchorElement | undefined => {
    const section = id === undefined ? undefined : links.find((a) => a.dataset.slug === `embed/${id}`)?.dataset.section;
    return section ? links.find((a) => a.dataset.slug === section) : undefined;
  };
  const example = /^playground\/([a-z0-9-]+)\/?$/.exec(rest)?.[1];
  const playground = links.find((a) => a.dataset.slug === "playground");
  if (example && playground && links.some((a) => a.dataset.slug === `embed/${example}`)) {
    const url = new URL(playground.href);
    url.search = location.search;
    url.searchParams.set("example", example);
    return show(playground, url.pathname + url.search + hash);
  }
  const fragment = fragmentText(hash);
  // A share link (#example=<id>&code=…) at a broken address: its example's own chapter, the link kept.
  const chapter = chapterOf(/^example=([a-z0-9-]+)(?:&|$)/.exec(fragment)?.[1]);
  if (chapter) return show(chapter, chapter.pathname + location.search + hash);
  // An address that names an example by its id (`/examples/task-states/`, `/example/task-states`):
  // its chapter, at the example. `/embed/` alone: the page that lists the embeds.
  const parts = words(pathname, base);
  if (parts[0] !== "embed") {
    for (const word of parts) {
      const home = chapterOf(word);
      if (home) return show(home, home.pathname + location.search + (hash || `#example-${word}`));
    }
  } else if (parts.length === 1) {
    const authors = document.querySelector<HTMLAnchorElement>('.nf-list a[data-slug="for-course-authors"]');
    if (authors) return show(authors, authors.pathname + location.search + hash);
  }
  const slug = suggest(pathname, base, links.map((a) => a.dataset.slug ?? ""))
    ?? byTitle(pathname, base, links.filter((a) => !(a.dataset.slug ?? "").startsWith("embed/")).map((a) => ({
      id: a.dataset.slug ?? "",
      text: a.textContent ?? "",
      titles: [...a.querySelectorAll(".l-ko, .l-en")].map((t) => t.textContent ?? ""),
    })));
  const has = (a: HTMLAnchorElement): boolean => fragment !== "" && (a.dataset.anchors ?? "").split(" ").includes(fragment);
  const holders = links.filter(has);
  let link = links.find((a) => a.dataset.slug === slug);
  if (holders.length === 1 && (!link || !has(link))) link = holders[0];
  // An address that names a section rather than a chapter (`/future/`): the one chapter
  // with that public anchor, at it.
  let at = hash;
  if (!link && !rest.startsWith("embed/")) {
    for (const word of parts) {
      const chapters = links.filter((a) => (a.dataset.anchors ?? "").split(" ").includes(word));
      if (chapters.length !== 1) continue;
      link = chapters[0];
      at ||= `#${word}`;
      break;
    }
  }
  if (!link) return;
  // The address differs from a page's only in case (`/INTRO/`, `/Intro`): that page, at once.
  const caseless = (path: string): string => path.toLowerCase().replace(/\/?$/, "/");
  if (caseless(link.pathname) === caseless(pathname)) {
    location.replace(link.pathname + location.search + hash);
    return;
  }
  // A mistyped embed inside a course page's frame: the guessed embed opens in the frame, where it belongs.
  show(link, link.pathname + location.search + at, rest.startsWith("embed/"));
}

/**
 * The chapter an address names by its title rather than its slug, as a Korean reader
 * may guess (`/코루틴/` for `/coroutine/`): a part of the address that is exactly one
 * chapter's title in a language, or else is in exactly one chapter's titles (two letters
 * at least). Null when none or several.
 *
 *   byTitle("/코루틴/", "/", [{ id: "coroutine", text: "코루틴 Coroutines", titles: ["코루틴", "Coroutines"] }]); // "coroutine"
 */
export function byTitle(pathname: string, base: string, chapters: readonly HeadingText[]): string | null {
  for (const part of words(pathname, base)) {
    const id = titled(folded(part), chapters);
    if (id !== null) return id;
  }
  return null;
}

/** A fragment's text (`#퓨처` arrives percent-encoded), "" for none. */
function fragmentText(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** A heading's anchor and its text (both languages' words, as the page has them), and each language's title. */
export interface HeadingText {
  id: string;
  text: string;
  titles?: string[];
}

/** Letters and digits only, lower case: how a name is compared with a heading's words. */
const folded = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * The public anchor `fragment` most likely meant, or null. What is around the name
 * (a sentence's period pasted with the link, a call's parentheses) is left out. Tried in
 * order: the name without a language suffix (`--ko`, `--en`: only paragraph pairs have
 * twins, so `#future--ko` means the heading `#future`); an id near the name; the one
 * heading titled exactly so in a language (`#이벤트-루프` for "이벤트 루프", though other
 * headings hold the words); the one heading whose words contain it (`#용어` for
 * "용어집 · Glossary", at least two letters).
 *
 *   guessFragment("Future", ["future"]);       // "future"
 *   guessFragment("send()", ["send"]);         // "send"
 *   guessFragment("future--ko", ["future"]);   // "future"
 *   guessFragment("용어", [], [{ id: "glossary", text: "용어집 · Glossary" }]); // "glossary"
 *   guessFragment("generator-object-creation", ["generator-object"]); // "generator-object"
 */
export function guessFragment(fragment: string, ids: readonly string[], headings: readonly HeadingText[] = []): string | null {
  const name = fragment.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  const bare = name.replace(/--(ko|en)$/, "");
  if (bare !== name && ids.includes(bare)) return bare;
  const near = suggest(name, "", ids);
  if (near !== null) return near;
  // An anchor with words added to its end (`#generator-object-creation`): the longest such anchor.
  const longer = ids.filter((id) => name.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0];
  if (longer !== undefined) return longer;
  return titled(folded(name), headings);
}

/**
 * The one heading (or chapter) titled `key` exactly in a language, or else the one whose
 * words hold it (two letters at least); null for none or several. `key` is folded.
 */
function titled(key: string, headings: readonly HeadingText[]): string | null {
  if (key.length < 2) return null;
  const exact = headings.filter((h) => (h.titles ?? []).some((t) => folded(t) === key));
  if (exact.length === 1) return exact[0].id;
  const hits = headings.filter((h) => folded(h.text).includes(key));
  return hits.length === 1 ? hits[0].id : null;
}
