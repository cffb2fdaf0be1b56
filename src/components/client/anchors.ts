/**
 * Deep links. Opening `#id` lands at once: the browser's own jump to the fragment, no
 * animation (BeforePaint.astro already sent a link to a hidden-language block, `#x--en`
 * in Korean mode, to its visible twin `#x--ko`). A click on an in-page link scrolls
 * smoothly, unless the reader prefers reduced motion (base.css). Switching the mode
 * later keeps the same rule: a hash naming a now-hidden block moves to its twin. A hash
 * naming nothing on a section page gets a notice with a guess (./missing-fragment.ts).
 */
/** A fragment's text (`#퓨처` arrives percent-encoded); as written when its encoding is broken. */
function fragmentOf(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

function visible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/** The visible twin of a hidden `<pair>--ko|en` block, if the hash names one. */
function twinOf(id: string): HTMLElement | null {
  const target = document.getElementById(id);
  if (!target || visible(target)) return null;
  const m = /^(.*)--(ko|en)$/.exec(id);
  if (!m) return null;
  const twin = document.getElementById(`${m[1]}--${m[2] === "ko" ? "en" : "ko"}`);
  return twin && visible(twin) ? twin : null;
}

function land(): void {
  const twin = twinOf(fragmentOf(location.hash));
  if (!twin) return;
  document.documentElement.setAttribute("data-fragment", "");
  for (const el of document.querySelectorAll(".is-target")) el.classList.remove("is-target");
  twin.classList.add("is-target");
  twin.scrollIntoView({ block: "start" });
}

/**
 * Lays out the examples above `target` until the jump ends. content.css lets the browser
 * skip an off-screen example at an estimated height; a smooth scroll fixes its
 * destination when it starts, so each example it passed on the way, drawn at its real
 * height, would move the target away from it. Once drawn, an example keeps its real
 * height (`contain-intrinsic-size: auto`), so skipping it again after the jump moves nothing.
 */
function layOutAbove(target: Element): () => void {
  const shown: HTMLElement[] = [];
  for (const ex of document.querySelectorAll<HTMLElement>(".content > asyncio-example.ex--page")) {
    if (!(ex.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    ex.style.contentVisibility = "visible";
    shown.push(ex);
  }
  return () => {
    for (const ex of shown) ex.style.contentVisibility = "";
  };
}

/** Smooth scrolling for this one in-page jump only (the class is read by base.css). */
function smoothOnClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = (event.target as Element).closest?.("a[href*='#']");
  if (!(a instanceof HTMLAnchorElement) || a.pathname !== location.pathname || !a.hash) return;
  const root = document.documentElement;
  // Lay out the whole page above the target before the jump (content.css skips off-screen
  // tables unless data-fragment is set, and examples unless told here), so the target's
  // place is exact, not estimated.
  root.setAttribute("data-fragment", "");
  const id = fragmentOf(a.hash);
  const target = twinOf(id) ?? document.getElementById(id);
  const skipAgain = target ? layOutAbove(target) : () => {};
  root.classList.add("scrolling-to-anchor");
  let ended = false;
  const done = () => {
    if (ended) return;
    ended = true;
    root.classList.remove("scrolling-to-anchor");
    skipAgain();
  };
  addEventListener("scrollend", done, { once: true });
  setTimeout(done, 1500);
}

/**
 * Says so above a section page when the fragment names nothing on it, and hides the
 * notice once it does; the guess is fetched only then. Any fragment counts (`#future.`
 * with a sentence's period, `#send()`, `#퓨처`) but a share link's `#example=…&code=…`
 * and a link's `#example-<id>`, which go to the example's own page when it is not on this one.
 */
function checkFragment(): void {
  const box = document.querySelector<HTMLElement>("[data-frag-miss]");
  // The playground opens any share link itself (share-restore.ts), whichever example it names.
  if (!box || document.querySelector('asyncio-example[data-variant="playground"]')) return;
  const id = fragmentOf(location.hash);
  const shared = /^example=([a-z0-9-]+)(?:&|$)/.exec(id)?.[1];
  if (shared && !document.querySelector(`asyncio-example[data-id="${shared}"]`)) {
    void import("./missing-fragment").then((m) => m.followSharedExample(shared));
    return;
  }
  // A link to an example that is on another page (it moved, or the link named the wrong one).
  const linked = /^example-([a-z0-9-]+)$/.exec(id)?.[1];
  if (linked && !document.getElementById(id)) {
    void import("./missing-fragment").then((m) => m.followSharedExample(linked, id));
    return;
  }
  // Ids are lower case: `#Future` (a link retyped by hand) is #future, at once.
  const lower = id.toLowerCase();
  const folded = lower !== id && !document.getElementById(id) ? document.getElementById(lower) : null;
  if (folded) {
    history.replaceState(history.state, "", `#${encodeURIComponent(lower)}`);
    folded.classList.add("is-target");
    folded.scrollIntoView({ block: "start" });
  }
  const missing = id !== "" && !id.includes("=") && !document.getElementById(id) && !folded ? id : null;
  if (missing === null && box.hidden) return;
  void import("./missing-fragment").then((m) => m.showMissingFragment(missing));
}

export function initAnchors(): void {
  addEventListener("hashchange", () => {
    land();
    checkFragment();
  });
  document.addEventListener("click", smoothOnClick);
  checkFragment();
}
