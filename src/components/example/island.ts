/**
 * `<asyncio-example>`: the only script a reading page loads for its examples. It waits
 * until an example comes near the viewport, then imports the controller (./controller.ts)
 * which reveals the controls. The editor (CodeMirror) and the bundler (esbuild-wasm) are
 * imported later still, when the reader focuses the code or runs an edit.
 *
 * An example named by a share link (`#example=<id>&code=...`) wakes at once, so the link's
 * code is shown even before the reader scrolls.
 */
const WAKE_MARGIN = "300px 0px";

let observer: IntersectionObserver | null = null;

function wake(el: HTMLElement): void {
  observer?.unobserve(el);
  if (el.dataset.awake) return;
  el.dataset.awake = "1";
  import("./controller").then(
    (m) => m.attach(el),
    (error: unknown) => {
      delete el.dataset.awake;
      console.error("asyncio-example: could not load the runner", error);
    },
  );
}

function named(el: HTMLElement): boolean {
  const hash = location.hash;
  return hash.startsWith("#example=") && new URLSearchParams(hash.slice(1)).get("example") === el.dataset.id;
}

class AsyncioExample extends HTMLElement {
  connectedCallback(): void {
    if (named(this) || !("IntersectionObserver" in window)) return wake(this);
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) wake(entry.target as HTMLElement);
      },
      { rootMargin: WAKE_MARGIN },
    );
    observer.observe(this);
  }
}

if (!customElements.get("asyncio-example")) customElements.define("asyncio-example", AsyncioExample);
