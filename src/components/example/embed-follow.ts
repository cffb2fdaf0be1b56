/**
 * An embed in a frame lower than the example keeps its toolbar at the frame's foot
 * (example.css), and the output sits below it, out of sight: a Run there would change
 * nothing the reader sees. So a Run brings the output's start to the middle of the
 * frame. It scrolls the frame's own document (`scrollTo`, which no parent page follows,
 * unlike `scrollIntoView`), and only when the output starts below the frame's fold.
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
      const top = wrap.getBoundingClientRect().top;
      if (top <= innerHeight - IN_SIGHT_PX) return;
      const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
      scrollTo({ top: scrollY + top - innerHeight / 2, behavior: smooth ? "smooth" : "auto" });
    });
  });
}
