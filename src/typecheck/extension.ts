/**
 * The type service in the editor: diagnostics (underlines, messages, a count near Run),
 * hovers with the library's doc comments, completion. Loaded by ./hook.ts once the
 * editor is open and the page is idle; talks to the worker through ./client.ts.
 *
 * Keyboard: F8 / Shift+F8 move to the next / previous problem, Ctrl+Shift+M opens the
 * list of problems (Enter there jumps to one), Ctrl+Space asks for completions, and
 * Ctrl+K Ctrl+I (⌘K ⌘I) shows the hover at the cursor. Nothing here stands between the
 * reader and Run: checking is advisory.
 */
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { diagnosticCount, linter, lintKeymap, openLintPanel, type Diagnostic } from "@codemirror/lint";
import { Prec, type Extension, type Transaction } from "@codemirror/state";
import { activateHover, EditorView, hoverTooltip, keymap, ViewPlugin, type ViewUpdate } from "@codemirror/view";
import { typeServiceClient, type TypeServiceClient } from "./client";
import { renderHover } from "./hover";
import { runInFlight, watchRuns } from "./run-gate";
import type { TypeDiagnostic } from "./protocol";
import { bilingual, compilerMessage, hintKey, plainText, readerLang, typeStrings, type TypeKey } from "./strings";
import { typeTheme } from "./theme";

/** Wait this long after a keystroke before checking (the lint panel's own default is 750 ms). */
const LINT_DELAY_MS = 120;

function toDiagnostic(d: TypeDiagnostic, length: number): Diagnostic {
  const lang = readerLang();
  const hint = d.hint ? plainText(typeStrings[lang][hintKey(d.hint)]) : "";
  const from = Math.min(d.from, length);
  return {
    from,
    to: Math.min(Math.max(d.to, from), length),
    severity: d.severity,
    source: d.code ? `TS${d.code}` : "asyncio-notes",
    message: [lang === "ko" ? d.messageKo || d.message : d.message, hint].filter(Boolean).join("\n"),
    renderMessage: () => {
      const box = document.createElement("div");
      if (d.message) {
        const text = compilerMessage({ ko: d.messageKo || d.message, en: d.message });
        text.className = "tc-msg";
        box.append(text);
      }
      if (d.hint) {
        const hint = bilingual(hintKey(d.hint), {}, "div");
        hint.className = "tc-hint";
        box.append(hint);
      }
      return box;
    },
  };
}

/** The count and the service's notices, next to Run. */
class StatusNearRun {
  private readonly box: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly count: HTMLButtonElement;
  /** The count as a status a screen reader says when it changes (the button's own text is not announced). */
  private readonly said: HTMLElement;
  private shown = -1;

  constructor(private readonly view: EditorView, anchor: Element | null) {
    this.box = document.createElement("span");
    this.box.className = "ex-types";
    this.notice = document.createElement("span");
    this.notice.className = "ex-types-notice";
    this.notice.setAttribute("role", "status");
    this.count = document.createElement("button");
    this.count.type = "button";
    this.count.className = "ex-btn ex-types-count";
    this.count.hidden = true;
    this.count.addEventListener("click", () => {
      openLintPanel(this.view);
    });
    this.said = document.createElement("span");
    this.said.className = "ex-types-said vh";
    this.said.setAttribute("role", "status");
    this.box.append(this.count, this.notice, this.said);
    if (anchor) anchor.after(this.box);
  }

  update(n: number): void {
    if (n === this.shown) return;
    this.shown = n;
    this.count.hidden = n === 0;
    this.count.replaceChildren(bilingual(n === 1 ? "countOne" : "count", { n }));
    this.said.replaceChildren(n === 0 ? "" : bilingual(n === 1 ? "countOne" : "count", { n }));
    this.count.title = typeStrings[readerLang()].countTitle;
    if (n > 0) this.say(null);
  }

  say(key: TypeKey | null): void {
    this.notice.replaceChildren(key ? bilingual(key) : "");
  }

  destroy(): void {
    this.box.remove();
  }
}

function statusPlugin(client: TypeServiceClient, host: HTMLElement): Extension {
  return ViewPlugin.define((view) => {
    const anchor = host.closest("asyncio-example")?.querySelector('[data-act="run"]') ?? null;
    const status = new StatusNearRun(view, anchor);
    const stop = client.onRestart((reason) => status.say(reason === "timeout" ? "tooLarge" : "restarted"));
    status.update(diagnosticCount(view.state));
    return {
      update(update: ViewUpdate) {
        status.update(diagnosticCount(update.state));
        if (update.docChanged) status.say(client.accepts(update.state.doc.toString()) ? null : "tooLarge");
      },
      destroy() {
        stop();
        status.destroy();
      },
    };
  });
}

/** The page's one watch on runs (./run-gate.ts): a run holds the service, idle releases it. */
let watching = false;

export function typeService(host: HTMLElement, url: string): Extension {
  const client = typeServiceClient(url);
  if (!watching) {
    watching = true;
    if (runInFlight()) client.hold();
    watchRuns((running) => (running ? client.hold() : client.release()));
  }
  client.start();
  const complete = async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    const code = ctx.state.doc.toString();
    const answer = await client.complete(code, ctx.pos, ctx.explicit);
    if (!answer || answer.options.length === 0) return null;
    // Beside the selected option: its signature and doc comment, asked for when shown.
    const info = async (option: Completion): Promise<Node | null> => {
      const detail = await client.detail(code, ctx.pos, option.label);
      return detail ? renderHover(detail) : null;
    };
    return { from: answer.from, options: answer.options.map((o) => ({ ...o, info })), validFor: /^[\w$]*$/ };
  };
  const hover = hoverTooltip(async (view, pos) => {
    const answer = await client.hover(view.state.doc.toString(), pos);
    if (!answer) return null;
    return { pos: answer.from, end: answer.to, above: true, create: () => ({ dom: renderHover(answer) }) };
  });
  return [
    linter(
      async (view) => {
        const code = view.state.doc.toString();
        const found = await client.diagnostics(code);
        return (found ?? []).map((d) => toDiagnostic(d, view.state.doc.length));
      },
      { delay: LINT_DELAY_MS },
    ),
    hover,
    // The hover from the keyboard, at the cursor (VS Code's and the Playground's keys);
    // it closes on the next edit or cursor move.
    keymap.of([
      {
        key: "Mod-k Mod-i",
        run: (view) => {
          const until = (tr: Transaction): boolean => tr.docChanged || tr.selection !== undefined;
          activateHover(view, view.state.selection.main.head, -1, { tooltip: hover, until });
          return true;
        },
      },
    ]),
    autocompletion({ override: [complete], icons: false }),
    Prec.low(keymap.of(lintKeymap)),
    statusPlugin(client, host),
    typeTheme(),
  ];
}
