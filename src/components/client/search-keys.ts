/**
 * Arrow keys in the search dialog: ↓ from the search field goes to the first result, ↓
 * and ↑ move between results (a page and its sections alike), and ↑ from the first goes
 * back to the field. Enter follows the focused result, as any link. Loaded with the
 * dialog (SiteSearch.astro), not with the page.
 *
 *   arrowKeys(dialog); // once per dialog
 */
export function arrowKeys(dialog: HTMLElement): void {
  dialog.addEventListener("keydown", (e) => {
    if ((e.key !== "ArrowDown" && e.key !== "ArrowUp") || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const field = dialog.querySelector<HTMLInputElement>(".pagefind-ui__search-input");
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>(".pagefind-ui__result-link")];
    if (!field || links.length === 0) return;
    const down = e.key === "ArrowDown";
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    let next: HTMLElement | undefined;
    if (document.activeElement === field) next = down ? links[0] : undefined;
    else if (at >= 0) next = at === 0 && !down ? field : links[at + (down ? 1 : -1)];
    if (!next) return;
    e.preventDefault();
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  });
}
