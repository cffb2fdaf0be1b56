/**
 * The embed kit, shown under the toolbar when the reader presses Share: three texts a
 * course author needs, each with a Copy button and a confirmation in the reader's
 * language — the link (shareLink below: the one Share copies), an iframe snippet for `/embed/<id>/` carrying
 * the reader's language, theme, code tab, edited code and a height that fits, and a
 * Markdown link. The texts come from ../embed/snippet.ts (shared with the
 * "For course authors" page). In the playground the link reopens the playground with
 * the code, and there is no embed.
 *
 *   const kit = new ShareKit(session, root, part(root, "share-kit"));
 *   kit.open("#example=task-states&code=…");  // the share fragment, or "" for none
 */
import { copyText } from "../client/clipboard";
import { embedHeight, embedUrl, iframeSnippet, lineCount, markdownLink, type EmbedLang, type EmbedTheme } from "../embed/snippet";
import type { RunSession } from "./session";
import { bilingual, exampleTitle, flash, say } from "./words";
import { inLanguage } from "../client/mode";
import type { RunnerKey } from "../../i18n/runner";

const LANGS: readonly string[] = ["ko", "en", "both"];
const THEMES: readonly string[] = ["system", "light", "dark"];

/** The reader's language mode, as an embed's `?lang=` names it. */
function readerLang(): EmbedLang {
  const mode = document.documentElement.dataset.lang ?? "both";
  return (LANGS.includes(mode) ? mode : "both") as EmbedLang;
}

/**
 * The one link Share copies, puts in the address bar and shows as the kit's Link row:
 * the example in its section (in the playground, the playground with its `?example=`),
 * in the reader's language unless they read both, on the Python tab if that is the one
 * shown, at the share fragment (`#example=…&code=…`) or else at the example's permanent
 * anchor. Nothing else of the address it was made from comes along (an LMS's `utm_…`).
 * @example
 * shareLink(root, session, "").href; // "https://…/generator/?lang=en&tab=py#example-doubling-generator"
 */
export function shareLink(root: HTMLElement, session: RunSession, shareHash: string): URL {
  const data = root.dataset;
  const playground = data.variant === "playground";
  // The playground's address already names its example and its tab (controller.ts keeps ?tab= in step): those come along.
  const link = playground ? new URL(location.pathname, location.href) : new URL(`${data.section ?? ""}/`, new URL(data.base ?? "/", location.href));
  if (playground) {
    const here = new URLSearchParams(location.search);
    for (const key of ["example", "tab"]) {
      const value = here.get(key);
      if (value) link.searchParams.set(key, value);
    }
  }
  const lang = readerLang();
  if (lang === "both") link.searchParams.delete("lang");
  else link.searchParams.set("lang", lang);
  if (!playground && session.language === "py") link.searchParams.set("tab", "py");
  link.hash = shareHash || (playground ? "" : `example-${session.id}`);
  return link;
}

export class ShareKit {
  constructor(
    private readonly session: RunSession,
    private readonly root: HTMLElement,
    private readonly host: HTMLElement,
  ) {
    // Its links carry the code as shared: once the code changes (typed, Reset, a tab
    // switch), they would not, so the kit closes until the next Share.
    session.listen((change) => {
      if (change.type === "code" || change.type === "language") this.close();
    });
  }

  /** Hides the kit (Share opens it again, with the code as it is then). */
  close(): void {
    this.host.hidden = true;
    this.host.replaceChildren();
    this.expanded(false);
  }

  /** Tells a screen reader whether Share's kit is open (the button's aria-expanded). */
  private expanded(open: boolean): void {
    this.root.querySelector('[data-act="share"]')?.setAttribute("aria-expanded", String(open));
  }

  /** The example's title in the reader's mode ("ko · en" in Both), without the "Example" kicker. */
  private title(mode: EmbedLang): string {
    return inLanguage(mode, exampleTitle(this.root, "ko"), exampleTitle(this.root, "en")) || this.session.id;
  }

  /** Fills and shows the kit; `shareHash` is the share link's fragment ("#example=…"). */
  open(shareHash: string): void {
    const data = this.root.dataset;
    const lang = readerLang();
    const pref = document.documentElement.dataset.themePref ?? "system";
    const theme = (THEMES.includes(pref) ? pref : "system") as EmbedTheme;
    const siteRoot = new URL(data.base ?? "/", location.href).href;
    // Share gives no fragment for unedited code: then the link is the permanent one.
    const share = shareHash ? shareHash.replace(/^#/, "") : undefined;

    // The playground's code is its own: the link reopens the playground with it, and
    // there is no embed of it to offer.
    const playground = data.variant === "playground";
    const link = shareLink(this.root, this.session, shareHash);

    const title = this.title(lang);
    const src = embedUrl(siteRoot, this.session.id, { lang, theme, tab: this.session.language, share });
    this.host.replaceChildren(
      this.row("kitLink", link.href),
      ...(playground ? [] : [this.row("kitEmbed", this.iframe(src, title))]),
      this.row("kitMarkdown", markdownLink(title, link.href)),
    );
    this.host.hidden = false;
    this.expanded(true);
  }

  /**
   * The iframe snippet for `src`, with the height the course authors' page would give it:
   * the same formula (../embed/snippet.ts), from the code and the output, not from this
   * screen's layout, so the snippet is the same whoever shares it. An unedited example
   * counts its original's output (`data-out-lines`, from its expected output), run or not,
   * as the course authors' page does; edited code, what its run showed if that is longer.
   */
  private iframe(src: string, title: string): string {
    const original = Number(this.root.dataset.outLines ?? 0);
    const edited = this.session.edited("ts") || this.session.edited("py");
    const outputLines = edited ? Math.max(original, this.root.querySelectorAll(".ex-out .ex-line").length) : original;
    const caption = (lang: string): string => this.root.querySelector(`.ex-caption > .l-${lang}`)?.textContent?.trim() ?? "";
    const height = embedHeight(lineCount(this.session.code("ts"), this.session.code("py")), outputLines, {
      caption: caption("en") ? { ko: caption("ko"), en: caption("en") } : undefined,
      featured: this.root.querySelector('[data-part="loop-cta"]') !== null,
    });
    return iframeSnippet({ src, title, height });
  }

  private row(label: RunnerKey, text: string): HTMLElement {
    const row = document.createElement("div");
    row.className = "ex-kit-row";
    const name = document.createElement("span");
    name.className = "ex-kit-label";
    name.id = `${this.root.id}-${label}`;
    name.append(bilingual(say(label)));
    const value = document.createElement("code");
    value.className = "ex-kit-value";
    value.textContent = text;
    const copy = document.createElement("button");
    copy.type = "button";
    copy.className = "ex-btn ex-kit-copy";
    copy.append(bilingual(say("kitCopy")));
    // Three "Copy"s in a row: each described by what it copies ("Link", "Markdown link").
    copy.setAttribute("aria-describedby", name.id);
    const status = document.createElement("span");
    status.className = "ex-kit-status";
    status.setAttribute("role", "status");
    copy.addEventListener("click", () => {
      void copyText(text).then((ok) => flash(status, say(ok ? "kitCopied" : "kitCopyFailed"), 2500));
    });
    row.append(name, value, copy, status);
    return row;
  }
}
