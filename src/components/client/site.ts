/**
 * The site's page-wide client code: deep links and the copy-link elements. The header's
 * controls are custom elements with their own scripts (ModeSwitch, ThemeSwitch,
 * MenuButton, SiteSearch .astro). Nothing here is needed to read a page: every control
 * degrades to plain HTML without it.
 */
import { initAnchors } from "./anchors";
import { initCopyLinks } from "./copy-link";

initAnchors();
initCopyLinks();
