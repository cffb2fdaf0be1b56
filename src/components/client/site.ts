/**
 * The site's own client code, one small module per concern. Nothing here is needed to
 * read a page: every control degrades to plain HTML without it.
 */
import { initMode } from "./mode";
import { initTheme } from "./theme";
import { initMenu } from "./menu";
import { initSearch } from "./search";
import { initAnchors } from "./anchors";
import { initCopyLinks } from "./copy-link";

initMode();
initTheme();
initMenu();
initSearch();
initAnchors();
initCopyLinks();
