/**
 * The site's page-wide client code: deep links, the copy-link elements, the mark on the
 * heading being read in the sidebar, the code blocks' Copy buttons, the phone's
 * header that slides away and back, and full addresses on paper. The header's controls are custom elements with
 * their own scripts (ModeSwitch, ThemeSwitch, MenuButton, SiteSearch .astro). Nothing
 * here is needed to read a page: every control degrades to plain HTML without it.
 */
import { initAnchors } from "./anchors";
import { initCopyLinks } from "./copy-link";
import { initTocSpy } from "./toc-spy";
import { initCodeCopy } from "./code-copy";
import { initHeaderReveal } from "./header-reveal";

initAnchors();
initCopyLinks();
initTocSpy();
initCodeCopy();
initHeaderReveal();

// On paper a link shows its address (print.css): the full one, which a reader of a
// handout can type, not the relative `../intro/#glossary` the page was built with.
addEventListener("beforeprint", () => {
  for (const a of document.querySelectorAll<HTMLAnchorElement>(".content a[href]:not([href^='#'])")) {
    if (!a.closest(".heading, .ex")) a.dataset.printHref = a.href;
  }
});
