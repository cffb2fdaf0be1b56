/**
 * The panel's styles, scoped by its shadow root. Colours are the site's tokens
 * (src/styles/tokens.css: --text, --bg-2, --accent, …), which cross the shadow boundary;
 * the panel names them once below as its own --v-* roles and defines no colour itself.
 * Meaning never rests on colour alone: every state is also written out.
 */
export const PANEL_CSS = `
:host {
  display: block;
  color: var(--text);
  font-size: 0.9rem;
  line-height: 1.5;
  --v-bg: var(--bg-2);
  --v-bg-3: var(--bg-3);
  --v-card: var(--bg);
  --v-border: var(--border);
  --v-border-strong: var(--border-strong);
  --v-muted: var(--muted);
  --v-accent: var(--accent);
  --v-accent-bg: var(--accent-bg);
  --v-focus: var(--focus);
  --v-note-bg: var(--note-bg);
  --v-note-border: var(--note-border);
  --v-note-text: var(--note-text);
  --v-mono: var(--font-mono);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[lang|="ko"] { word-break: keep-all; overflow-wrap: break-word; }
.viz {
  border: 1px solid var(--v-border);
  border-radius: 0.5rem;
  background: var(--v-bg);
  padding: 0.75rem 0.9rem 0.9rem;
}
h2, h3 { margin: 0; font-size: 1rem; font-weight: 600; }
h3 { font-size: 0.85rem; }
.alt { color: var(--v-muted); font-weight: 400; }
.both .alt::before { content: " · "; }
.head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; }
.clock { display: flex; gap: 1rem; font-variant-numeric: tabular-nums; color: var(--v-muted); margin: 0; }
.clock dt { display: inline; }
.clock dd { display: inline; margin: 0 0 0 0.35rem; color: var(--text); font-weight: 600; }
.controls { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.6rem 0 0.4rem; }
button, select {
  font: inherit;
  font-size: 0.85rem;
  color: inherit;
  background: var(--v-card);
  border: 1px solid var(--v-border-strong);
  border-radius: 0.35rem;
  padding: 0.25rem 0.6rem;
  min-height: 2rem;
  cursor: pointer;
}
button:hover:not(:disabled), select:hover { border-color: var(--v-accent); }
button:disabled { opacity: 0.55; cursor: default; }
button.primary { background: var(--v-accent-bg); border-color: var(--v-accent); color: var(--v-accent); font-weight: 600; }
:focus-visible { outline: 2px solid var(--v-focus); outline-offset: 2px; }
.speed { display: inline-flex; align-items: center; gap: 0.35rem; color: var(--v-muted); }
select { max-width: 100%; }
.timeline { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.6rem; }
.timeline input { flex: 1; accent-color: var(--v-accent); min-width: 8rem; }
/* On a phone in Both mode ("19 / 271 단계 · Step 19 of 271") the count takes its own line. */
.timeline output { font-variant-numeric: tabular-nums; color: var(--v-muted); min-width: 0; }
.summary { margin: 0.4rem 0; padding: 0.4rem 0.6rem; background: var(--v-card); border-left: 3px solid var(--v-accent); border-radius: 0.25rem; min-height: 2.2rem; }
.summary .alt { display: block; }
.code { margin: 0 0 0.5rem; font-size: 0.85rem; color: var(--v-muted); }
.code code { font-family: var(--v-mono); color: var(--text); background: var(--v-bg-3); padding: 0.05rem 0.35rem; border-radius: 0.25rem; }
.keys { margin: 0 0 0.5rem; font-size: 0.8rem; color: var(--v-muted); }
/* The shortcuts are keys: a touch screen with no keyboard or mouse has none to press. */
@media not (any-pointer: fine) { .keys { display: none; } }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); gap: 0.6rem; }
.box { background: var(--v-card); border: 1px solid var(--v-border); border-radius: 0.4rem; padding: 0.5rem 0.6rem; min-width: 0; }
.box h3 { display: flex; justify-content: space-between; gap: 0.5rem; }
.hint { font-size: 0.78rem; color: var(--v-muted); margin: 0 0 0.3rem; }
ol, ul { list-style: none; margin: 0; padding: 0; }
li.item { display: flex; flex-wrap: wrap; gap: 0.15rem 0.5rem; align-items: baseline; padding: 0.2rem 0.35rem; border-radius: 0.25rem; border: 1px solid transparent; }
li.item + li.item { margin-top: 0.2rem; }
li.item .pos { color: var(--v-muted); font-variant-numeric: tabular-nums; min-width: 1.4rem; }
li.item code, .running code { font-family: var(--v-mono); font-size: 0.82rem; overflow-wrap: anywhere; }
li.task-step { background: var(--v-accent-bg); }
li.new { border-color: var(--v-note-border); }
.badge { font-size: 0.75rem; border-radius: 1rem; padding: 0 0.45rem; border: 1px solid var(--v-border-strong); color: var(--v-muted); max-width: 100%; overflow-wrap: anywhere; }
.badge.new { border-color: var(--v-note-border); color: var(--v-note-text); background: var(--v-note-bg); }
.badge.running { border-color: var(--v-accent); color: var(--v-accent); }
.badge.suspended { border-color: var(--v-note-border); color: var(--v-note-text); background: var(--v-note-bg); }
.badge.done, .badge.cancelled { color: var(--v-muted); }
.when { font-variant-numeric: tabular-nums; font-weight: 600; }
.running { margin: 0 0 0.4rem; font-size: 0.85rem; }
.running strong { color: var(--v-accent); }
.empty { color: var(--v-muted); font-style: italic; padding: 0.2rem 0.35rem; }
.sub { flex-basis: 100%; font-size: 0.8rem; color: var(--v-muted); padding-left: 1.7rem; overflow-wrap: anywhere; }
.note { margin: 0.6rem 0 0; padding: 0.4rem 0.6rem; border: 1px solid var(--v-note-border); background: var(--v-note-bg); color: var(--v-note-text); border-radius: 0.3rem; font-size: 0.85rem; }
details { margin-top: 0.7rem; }
summary { cursor: pointer; font-weight: 600; }
.trace-bar { display: flex; align-items: center; gap: 0.6rem; margin: 0.4rem 0; flex-wrap: wrap; }
.trace-bar [role="status"] { font-size: 0.85rem; color: var(--v-muted); }
.table-wrap { max-height: 18rem; overflow: auto; border: 1px solid var(--v-border); border-radius: 0.3rem; background: var(--v-card); }
table { border-collapse: collapse; width: 100%; font-size: 0.82rem; }
th, td { text-align: left; padding: 0.15rem 0.5rem; border-bottom: 1px solid var(--v-border); vertical-align: top; }
th { position: sticky; top: 0; background: var(--v-bg-3); }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
tr[aria-current="step"] td { background: var(--v-accent-bg); font-weight: 600; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
