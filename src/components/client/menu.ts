/**
 * On a narrow screen the sections sidebar is a menu: the header's button opens it as a
 * panel over the page, Escape or the close button shuts it and focus returns to the
 * button. While open, the rest of the page is inert, so Tab stays in the menu.
 */
export function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>(".menu-btn");
  const nav = document.getElementById("site-nav");
  if (!button || !nav) return;
  const outside = () => document.querySelectorAll<HTMLElement>(".site-header, main, .site-footer, .skip-link");

  const open = () => {
    nav.dataset.open = "";
    button.setAttribute("aria-expanded", "true");
    document.body.classList.add("menu-open");
    for (const el of outside()) el.inert = true;
    (nav.querySelector<HTMLElement>("[aria-current]") ?? nav.querySelector<HTMLElement>("a"))?.focus();
  };
  const close = (refocus: boolean) => {
    if (!("open" in nav.dataset)) return;
    delete nav.dataset.open;
    button.setAttribute("aria-expanded", "false");
    document.body.classList.remove("menu-open");
    for (const el of outside()) el.inert = false;
    if (refocus) button.focus();
  };

  button.addEventListener("click", () => ("open" in nav.dataset ? close(true) : open()));
  nav.querySelector(".nav-close")?.addEventListener("click", () => close(true));
  nav.addEventListener("click", (e) => {
    if ((e.target as Element).closest("a")) close(false);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close(true);
  });
  // Growing past the breakpoint turns the menu back into the sidebar.
  matchMedia("(min-width: 1100px)").addEventListener("change", (e) => {
    if (e.matches) close(false);
  });
}
