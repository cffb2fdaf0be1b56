/**
 * Search with Pagefind. Nothing loads until the reader opens the dialog (header button
 * or "/"): then Pagefind's UI script and styles come from `<base>pagefind/`, which
 * `npm run build` writes. Result links get the base path through `baseUrl`.
 */
import { inMode } from "./mode";

interface PagefindUIOptions {
  element: string;
  bundlePath: string;
  baseUrl: string;
  showSubResults: boolean;
  showImages: boolean;
  autofocus: boolean;
  translations: Record<string, string>;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, "/");
let loading: Promise<void> | null = null;

function loadScript(src: string): Promise<void> {
  return new Promise((ok, fail) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = () => ok();
    s.onerror = () => fail(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

function loadStyle(href: string): void {
  const l = document.createElement("link");
  l.rel = "stylesheet";
  l.href = href;
  document.head.append(l);
}

/** Loads Pagefind's UI once; a failure is forgotten so the next opening retries. */
function ensureUI(dialog: HTMLElement): Promise<void> {
  loading ??= (async () => {
    loadStyle(`${BASE}pagefind/pagefind-ui.css`);
    await loadScript(`${BASE}pagefind/pagefind-ui.js`);
    if (!window.PagefindUI) throw new Error("pagefind-ui.js did not define PagefindUI");
    new window.PagefindUI({
      element: "#search-ui",
      bundlePath: `${BASE}pagefind/`,
      baseUrl: BASE,
      showSubResults: true,
      showImages: false,
      autofocus: true,
      translations: { placeholder: inMode(dialog, "placeholder") },
    });
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable], .cm-editor") !== null;
}

export function initSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>(".search-dialog");
  const button = document.querySelector<HTMLButtonElement>(".search-btn");
  if (!dialog || !button) return;
  const status = dialog.querySelector<HTMLElement>(".search-status");

  const open = async () => {
    if (!dialog.open) dialog.showModal();
    if (status) status.textContent = loading ? "" : inMode(dialog, "loading");
    try {
      await ensureUI(dialog);
      if (status) status.textContent = "";
      dialog.querySelector<HTMLInputElement>("#search-ui input")?.focus();
    } catch {
      if (status) status.textContent = inMode(dialog, "failed");
    }
  };

  button.addEventListener("click", () => void open());
  dialog.querySelector("[data-close]")?.addEventListener("click", () => dialog.close());
  // A click on the backdrop (the dialog element itself, outside its box) closes it, and
  // so does following a result to another part of this page.
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog || (e.target as Element).closest("#search-ui a")) dialog.close();
  });
  // Pagefind's input takes Escape to clear itself; Escape should close the dialog first.
  dialog.addEventListener(
    "keydown",
    (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        dialog.close();
      }
    },
    { capture: true },
  );
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || dialog.open || isTyping(e.target)) return;
    e.preventDefault();
    void open();
  });
}
