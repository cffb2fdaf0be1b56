/**
 * A section page whose address names nothing on it (loaded by ./anchors.ts only then):
 * the notice above the page with the anchor the fragment most likely meant
 * (./did-you-mean.ts `guessFragment`), or, for a link to an example that is not on this
 * page, the page that has it.
 */
import { guessFragment } from "./did-you-mean";

/** The public anchors of the page, in page order. */
function anchorIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>(".heading[id], .pair[id], asyncio-example[id]")].map((el) => el.id);
}

/**
 * Fills and shows the layout's notice for a fragment that names nothing on the page
 * (`[data-frag-miss]`), with the public anchor it most likely meant among the page's
 * headings, paragraph pairs, corrections and examples; hides it when `fragment` is null.
 *
 *   showMissingFragment("futur"); // "Nothing on this page is named #futur. Were you looking for this? #future"
 */
export function showMissingFragment(fragment: string | null): void {
  const box = document.querySelector<HTMLElement>("[data-frag-miss]");
  if (!box) return;
  box.hidden = fragment === null;
  if (fragment === null) return;
  // One line per language, each naming the fragment and the guess itself.
  for (const code of box.querySelectorAll("[data-frag]")) code.textContent = `#${fragment}`;
  const headings = [...document.querySelectorAll<HTMLElement>(".heading[id]")].map((h) => ({
    id: h.id,
    text: h.textContent ?? "",
    titles: [...h.querySelectorAll(":scope > [lang]")].map((t) => t.textContent ?? ""),
  }));
  const guess = guessFragment(fragment, anchorIds(), headings);
  for (const line of box.querySelectorAll<HTMLElement>(".frag-miss-guess")) line.hidden = guess === null;
  if (guess === null) return;
  for (const a of box.querySelectorAll<HTMLAnchorElement>("[data-frag-guess]")) {
    a.href = `#${guess}`;
    a.replaceChildren(Object.assign(document.createElement("code"), { textContent: `#${guess}` }));
  }
}

/**
 * A share link (`#example=<id>&code=…`) opened on a section without that example (the
 * example moved, or the link was put together by hand): goes to the page that has it,
 * the link kept whole. The example's section is read from its embed page; the
 * playground's links go to the playground, and so does the code of an example the site
 * no longer has. An id the site has no example of, with no code, gets the
 * missing-fragment notice, naming `fragment`. A plain link to an example
 * (`#example-<id>`) that is not on this page goes the same way.
 *
 *   followSharedExample("running-average"); // on /generator/: to /coroutine/#example=…
 *   followSharedExample("running-average", "example-running-average"); // to /coroutine/#example-running-average
 */
export async function followSharedExample(id: string, fragment = `example=${id}`): Promise<void> {
  const box = document.querySelector<HTMLElement>("[data-frag-miss]");
  const base = box?.dataset.base ?? "/";
  let page: string | null = id === "playground" ? "playground" : null;
  if (page === null) {
    try {
      const embed = await fetch(`${base}embed/${id}/`);
      if (embed.ok) page = /<asyncio-example[^>]*\sdata-section="([a-z0-9-]+)"/.exec(await embed.text())?.[1] ?? null;
    } catch {
      // Offline and not cached: said below, as for any fragment that names nothing here.
    }
  }
  if (page !== null && `${base}${page}/` !== location.pathname) {
    location.replace(`${base}${page}/${location.search}${location.hash}`);
    return;
  }
  // A share link of an example the site no longer has: its code, in the playground, not lost.
  if (page === null && /(?:^#|&)code=/.test(location.hash)) {
    location.replace(`${base}playground/${location.search}#${location.hash.slice(1).replace(/^example=[^&]*/, "example=playground")}`);
    return;
  }
  showMissingFragment(fragment);
}
