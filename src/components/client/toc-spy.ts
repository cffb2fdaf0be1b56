/**
 * The heading being read, marked in the sidebar's list of the page's headings
 * (`aria-current="location"`, styled in layout.css): the last heading whose top has
 * passed the upper third of the window. At the end of the page, where the last short
 * parts can never reach that line, the heading the address names (a click in the list)
 * or else the last one on screen. Worked out at most once a frame, on scroll and resize;
 * the list is plain links without it.
 *
 *   initTocSpy(); // on a section page: "퓨처" is marked while its part is on screen
 */
interface Entry {
  link: HTMLAnchorElement;
  heading: HTMLElement;
}

function entries(): Entry[] {
  const found: Entry[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')) {
    const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (heading) found.push({ link, heading });
  }
  return found;
}

/**
 * The entry to mark, or null above the first heading: `tops` are the headings' tops in
 * the window, `view` the window's height, whether the page is scrolled to its end, and
 * the fragment of the address.
 *
 *   current(list, [-400, 120, 900], { height: 800, atEnd: false, hash: "" }); // list[1]
 */
export function current(list: readonly Entry[], tops: readonly number[], view: { height: number; atEnd: boolean; hash: string }): Entry | null {
  const line = view.height / 3;
  let at = -1;
  for (let i = 0; i < tops.length && tops[i] <= line; i++) at = i;
  if (view.atEnd) {
    const onScreen = (i: number) => tops[i] >= 0 && tops[i] < view.height;
    const named = list.findIndex((e, i) => e.heading.id === view.hash && onScreen(i));
    if (named > at) return list[named];
    for (let i = tops.length - 1; i > at; i--) if (onScreen(i)) return list[i];
  }
  return at >= 0 ? list[at] : null;
}

/** Scrolls the sidebar (not the page) just enough to show `link`, when the sidebar scrolls at all. */
function reveal(link: HTMLElement): void {
  const nav = link.closest<HTMLElement>(".site-nav");
  if (!nav || nav.scrollHeight <= nav.clientHeight) return;
  const box = nav.getBoundingClientRect();
  const r = link.getBoundingClientRect();
  if (r.top < box.top) nav.scrollTop -= box.top - r.top + 8;
  else if (r.bottom > box.bottom) nav.scrollTop += r.bottom - box.bottom + 8;
}

/** Marks the current heading now and on every scroll, resize and fragment change: `initTocSpy()`. */
export function initTocSpy(): void {
  const list = entries();
  if (list.length === 0) return;
  let marked: HTMLAnchorElement | null = null;
  let queued = false;
  const update = () => {
    queued = false;
    const root = document.documentElement;
    const tops = list.map((e) => e.heading.getBoundingClientRect().top);
    const hash = decodeURIComponent(location.hash.slice(1));
    const atEnd = innerHeight + scrollY >= root.scrollHeight - 2;
    const link = current(list, tops, { height: innerHeight, atEnd, hash })?.link ?? null;
    if (link === marked) return;
    marked?.removeAttribute("aria-current");
    link?.setAttribute("aria-current", "location");
    marked = link;
    if (link) reveal(link);
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  addEventListener("scroll", queue, { passive: true });
  addEventListener("resize", queue);
  addEventListener("hashchange", queue);
  queue();
}
