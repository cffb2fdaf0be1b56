/**
 * How diagnostics, hovers and completions look: the site's colours (`--bg`, `--text`,
 * `--border`… each a `light-dark()` pair), so light and dark themes both keep contrast.
 */
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export function typeTheme(): Extension {
  return EditorView.theme({
    ".cm-tooltip": {
      background: "var(--bg, #fff)",
      color: "var(--text, #1d2126)",
      border: "1px solid var(--border-strong, #b9c0b6)",
      borderRadius: "6px",
      maxWidth: "min(36rem, 90vw)",
    },
    ".cm-tooltip.cm-tooltip-hover, .cm-tooltip-lint": { padding: "0.4rem 0.6rem", fontSize: "0.85rem" },
    // Beside the completion list: the selected option's signature and doc comment.
    ".cm-tooltip.cm-completionInfo": { padding: "0.4rem 0.6rem", fontSize: "0.85rem", maxHeight: "min(24rem, 55vh)", overflowY: "auto" },
    ".cm-tooltip-lint .cm-diagnostic": { whiteSpace: "pre-wrap" },
    ".tc-hover pre": { margin: "0 0 0.4rem", whiteSpace: "pre-wrap", fontFamily: "var(--font-mono, monospace)", fontSize: "0.8rem" },
    ".tc-hover .tc-example": { background: "var(--code-bg, #f1f2ee)", padding: "0.3rem 0.4rem", borderRadius: "4px" },
    ".tc-doc": { whiteSpace: "pre-line", marginBottom: "0.4rem" },
    ".tc-python": { margin: "0 0 0.4rem" },
    ".tc-label": { fontWeight: "600", margin: "0" },
    ".tc-hint": { marginTop: "0.3rem", color: "var(--note-text, #6b4800)", fontWeight: "500" },
    ".tc-hint code": { fontFamily: "var(--font-mono, monospace)", fontWeight: "400" },
    ".tc-msg": { whiteSpace: "pre-wrap" },
    ".cm-panel.cm-panel-lint": { background: "var(--bg-2, #f3f4f1)", color: "var(--text, #1d2126)" },
    ".cm-panel.cm-panel-lint ul [aria-selected]": { background: "var(--accent-bg, #e6eef8)", color: "var(--text, #1d2126)" },
    ".cm-panel.cm-panel-lint ul:focus [aria-selected]": { background: "var(--accent, #0b57a4)", color: "var(--bg, #fff)" },
    ".cm-panel.cm-panel-lint button[name=close]": { color: "var(--text, #1d2126)" },
    ".cm-tooltip-autocomplete ul li[aria-selected]": { background: "var(--accent, #0b57a4)", color: "var(--bg, #fff)" },
    ".cm-diagnosticSource": { color: "var(--muted, #57606a)", opacity: "1" },
    ".cm-panel.cm-panel-lint ul [aria-selected] .cm-diagnosticSource": { color: "inherit" },
  });
}
