/**
 * `<asyncio-example>`: the only script a reading page loads for its examples. It waits
 * until an example comes near the viewport, then imports the controller (./controller.ts)
 * which reveals the controls. The editor (CodeMirror) and the bundler (esbuild-wasm) are
 * imported later still, when the reader focuses the code or runs an edit.
 *
 * An example named by a share link (`#example=<id>&code=...`) wakes at once, so the link's
 * code is shown even before the reader scrolls.
 *
 * If the controller's script does not arrive (a dropped connection, a server hiccup), the
 * example stays as the page printed it and tries again: after 1, 2, 4 … 30 seconds while
 * it is near the viewport, and at once when the browser says it is back online.
 */
const WAKE_MARGIN = "300px 0px";
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

let observer: IntersectionObserver | null = null;
let retryMs = RETRY_FIRST_MS;
let timer: ReturnType<typeof setTimeout> | undefined;
const waiting = new Set<HTMLElement>();

function watch(el: HTMLElement): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) wake(entry.target as HTMLElement);
    },
    { rootMargin: WAKE_MARGIN },
  );
  observer.observe(el);
}

function wake(el: HTMLElement): void {
  observer?.unobserve(el);
  if (el.dataset.awake) return;
  el.dataset.awake = "1";
  import("./controller").then(
    (m) => {
      retryMs = RETRY_FIRST_MS;
      m.attach(el);
    },
    (error: unknown) => {
      delete el.dataset.awake;
      console.error("asyncio-example: could not load the runner; trying again", error);
      // Watched again later: the observer wakes it then if it is (still, or once more) in view.
      waiting.add(el);
      if (timer) return;
      timer = setTimeout(retry, retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    },
  );
}

function retry(): void {
  clearTimeout(timer);
  timer = undefined;
  const again = [...waiting].filter((el) => el.isConnected);
  waiting.clear();
  for (const el of again) {
    if ("IntersectionObserver" in window) watch(el);
    else wake(el);
  }
}

addEventListener("online", retry);

// A share link whose fragment a chat tool or course platform percent-encoded
// (`#example%3Dhello-asyncio%26code%3D…`) is read as written: every reader of the hash
// sees `#example=…&code=…`, before any example wakes.
if (/^#example%3D/i.test(location.hash)) {
  try {
    history.replaceState(history.state, "", decodeURIComponent(location.hash));
  } catch {
    // Broken percent-encoding: left as it is, and said to be damaged like any broken link.
  }
}

function named(el: HTMLElement): boolean {
  const hash = location.hash;
  return hash.startsWith("#example=") && new URLSearchParams(hash.slice(1)).get("example") === el.dataset.id;
}

class AsyncioExample extends HTMLElement {
  connectedCallback(): void {
    if (named(this) || !("IntersectionObserver" in window)) return wake(this);
    watch(this);
  }
}

if (!customElements.get("asyncio-example")) customElements.define("asyncio-example", AsyncioExample);
