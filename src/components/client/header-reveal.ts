/**
 * The header within reach on a phone. Below 700px the header is two rows (layout.css), too
 * tall to keep on screen, and scrolled away with the page, so the menu, search and the
 * language switch were a long way up from the middle of a section. With this the header
 * stays at the top of the window but slides out of sight while the reader scrolls down,
 * and slides back as soon as they scroll up by hand (finger, wheel or keys) or move focus
 * into it. A jump the reader did not scroll (an in-page link, a deep link, an example
 * scrolled into view) puts it away, so it never covers the place jumped to. Without
 * JavaScript, or from 700px, nothing changes: the header scrolls away, or is one sticky row.
 *
 *   initHeaderReveal(); // on a phone: scroll down, the header slides up; scroll up, it is back
 */
import { isTyping } from "./typing";

/** How far (px) the reader must scroll one way before the header follows: wobbles do not count. */
const SLACK = 8;
/** How long (ms) after the reader's last touch, wheel or scroll key a scroll counts as theirs (a flick glides on). */
const BY_HAND_MS = 1000;
const NARROW = "(max-width: 699.98px)";
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);

/** Whether the header is away, and the scroll position where the reader last turned. */
export interface Reveal {
  away: boolean;
  from: number;
}

/**
 * The header's next state at scroll position `y`: shown within its own height of the top
 * of the page; put away by a jump (`byHand` false); otherwise following the reader's
 * direction once they have gone `SLACK` pixels one way.
 *
 *   step({ away: false, from: 900 }, 960, { top: 97, byHand: true });  // { away: true, from: 960 }
 *   step({ away: true, from: 960 }, 940, { top: 97, byHand: true });   // { away: false, from: 940 }
 *   step({ away: false, from: 960 }, 400, { top: 97, byHand: false }); // { away: true, from: 400 }
 */
export function step(state: Reveal, y: number, o: { top: number; byHand: boolean }): Reveal {
  if (y <= o.top) return { away: false, from: y };
  if (!o.byHand) return { away: true, from: y };
  if (y - state.from > SLACK) return { away: true, from: y };
  if (state.from - y > SLACK) return { away: false, from: y };
  return state;
}

/** Starts following the reader's scrolling, on a phone only: `initHeaderReveal()`. */
export function initHeaderReveal(): void {
  const header = document.querySelector<HTMLElement>(".site-header");
  if (!header) return;
  const root = document.documentElement;
  const narrow = matchMedia(NARROW);
  let state: Reveal = { away: false, from: scrollY };
  let lastInput = -Infinity;
  let lastSwitch = -Infinity;
  const prefs = header.querySelector(".prefs");
  let queued = false;

  const show = (away: boolean) => header.toggleAttribute("data-away", away);
  /** Shown, counting the reader's direction afresh from here. */
  const stay = () => {
    state = { away: false, from: scrollY };
    show(false);
  };
  const update = () => {
    queued = false;
    if (!narrow.matches) return stay();
    const now = performance.now();
    // An in-page link followed (from the page, the menu or a search result: anchors.ts
    // marks that scroll) is a jump whatever else happened.
    const jump = root.classList.contains("scrolling-to-anchor");
    const byHand = !jump && now - lastInput < BY_HAND_MS;
    // Focus in the header (the browser scrolls to show it), or a switch of the header
    // re-laying the page out under the reader (the browser keeps their place by
    // scrolling): no jump, so the header stays where the reader is working.
    if (!jump && !byHand && (header.contains(document.activeElement) || now - lastSwitch < BY_HAND_MS)) return stay();
    state = step(state, scrollY, { top: header.offsetHeight, byHand });
    show(state.away);
  };
  // Wide windows schedule nothing on scroll: the header is a plain sticky row there.
  const queue = () => {
    if (queued || !narrow.matches) return;
    queued = true;
    requestAnimationFrame(update);
  };
  const byHand = () => {
    lastInput = performance.now();
  };

  addEventListener("scroll", queue, { passive: true });
  addEventListener("touchmove", byHand, { passive: true });
  addEventListener("wheel", byHand, { passive: true });
  addEventListener("keydown", (e) => {
    if (SCROLL_KEYS.has(e.key) && !isTyping(e.target)) byHand();
  });
  prefs?.addEventListener("pointerdown", () => {
    lastSwitch = performance.now();
  });
  header.addEventListener("focusin", stay);
  narrow.addEventListener("change", update);
  // A page opened mid-way (a deep link, a reload or Back restoring the place) may have
  // scrolled before this ran, with no scroll event left to come: that was a jump too.
  queue();
}
