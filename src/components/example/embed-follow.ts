/**
 * An embed in a frame lower than the example keeps its toolbar at the frame's foot
 * (example.css), and the output sits below it, out of sight: a Run there would change
 * nothing the reader sees. So a Run brings the output's start to the middle of the
 * frame. It scrolls the frame's own document (`scrollTo`, which no parent page follows,
 * unlike `scrollIntoView`), and only when the output starts below the frame's fold. The
 * loop view, opened below the output, comes into an embed's view the same way.
 *
 *   followOutput(session, part(root, "out-wrap")); // in an embed only
 */
import type { RunSession } from "./session";

/** The output counts as in sight when it starts at least this far above the frame's foot (px). */
const IN_SIGHT_PX = 48;

export function followOutput(session: RunSession, wrap: HTMLElement): void {
  session.listen((change) => {
    if (change.type !== "start") return;
    // After the output view has shown its (emptied) box for this run.
    requestAnimationFrame(() => {
      if (wrap.getBoundingClientRect().top <= innerHeight - IN_SIGHT_PX) return;
      scrollOwnDocument(wrap, innerHeight / 2);
    });
  });
}

/**
 * Scrolls this document only, never a page it is framed in, so that `el` starts `below`
 * px under the window's top; smoothly unless the reader asked for less motion.
 *
 *   scrollOwnDocument(panel, 0); // the panel's head at the frame's top
 */
export function scrollOwnDocument(el: Element, below: number): void {
  const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
  scrollTo({ top: scrollY + el.getBoundingClientRect().top - below, behavior: smooth ? "smooth" : "auto" });
}
