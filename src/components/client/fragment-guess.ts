/**
 * A link whose fragment names nothing on the page (`/asyncio/#futur`): the browser stays
 * at the top and says nothing. This says so above the page, and offers the anchor the
 * fragment most likely meant among the page's public ones (headings, paragraph pairs,
 * corrections, examples), guessed as the 404 page guesses a page. Loaded only when a
 * fragment misses (client/anchors.ts).
 *
 *   showMissingFragment("futur"); // "Nothing on this page is named #futur. Were you looking for #future?"
 */
import { suggest } from "./did-you-mean";

/** The public anchors of the page, in page order. */
function anchorIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>(".heading[id], .pair[id], asyncio-example[id]")].map((el) => el.id);
}

/** The public anchor `fragment` most likely meant, or null. `guessFragment("Future", ["future"])` → "future". */
export function guessFragment(fragment: string, ids: readonly string[]): string | null {
  return suggest(fragment, "", ids);
}

/** Fills and shows the layout's notice (`[data-frag-miss]`); hides it when `fragment` is null. */
export function showMissingFragment(fragment: string | null): void {
  const box = document.querySelector<HTMLElement>("[data-frag-miss]");
  if (!box) return;
  box.hidden = fragment === null;
  if (fragment === null) return;
  // One line per language, each naming the fragment and the guess itself.
  for (const code of box.querySelectorAll("[data-frag]")) code.textContent = `#${fragment}`;
  const guess = guessFragment(fragment, anchorIds());
  for (const line of box.querySelectorAll<HTMLElement>(".frag-miss-guess")) line.hidden = guess === null;
  if (guess === null) return;
  for (const a of box.querySelectorAll<HTMLAnchorElement>("[data-frag-guess]")) {
    a.href = `#${guess}`;
    a.replaceChildren(Object.assign(document.createElement("code"), { textContent: `#${guess}` }));
  }
}
