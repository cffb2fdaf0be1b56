/**
 * The theme switch (system | light | dark). Colours come from CSS `light-dark()` and
 * `color-scheme`, so "system" needs no listener: the browser follows the OS itself.
 */
type Theme = "system" | "light" | "dark";
const THEMES: readonly Theme[] = ["system", "light", "dark"];
const KEY = "notes:theme";

function apply(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.themePref = theme;
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-set-theme]")) {
    b.setAttribute("aria-pressed", String(b.dataset.setTheme === theme));
  }
}

export function initTheme(): void {
  const saved = document.documentElement.dataset.themePref as Theme | undefined;
  apply(saved && THEMES.includes(saved) ? saved : "system");
  document.addEventListener("click", (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>("[data-set-theme]");
    const theme = b?.dataset.setTheme as Theme | undefined;
    if (!theme || !THEMES.includes(theme)) return;
    apply(theme);
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Storage may be off: the choice lasts for this page only.
    }
  });
}
