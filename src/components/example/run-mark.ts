/**
 * A run the page did not outlive. Chromium runs a page's workers in the page's own
 * process, so a program that fills the heap (`while (true) keep.push(new Array(1e6))`)
 * takes the whole tab down with it ("Aw, Snap!"), and nothing on the page hears of it:
 * no error event, no `pagehide`. The time limit cannot help, since the heap fills in
 * seconds. (Python is spared: Pyodide's memory is a WebAssembly memory with a ceiling, and
 * filling it raises `MemoryError` as CPython does.)
 *
 * So while an example runs (a Run, or both runs of "Compare"), it leaves a mark in
 * `sessionStorage`, which belongs to the tab and outlives a crash and its reload. The
 * mark goes when the run ends or the page is left. A mark found when the example wakes
 * means the page died mid-run: the example says so, once, and the code is the reader's
 * own, since every run first saves the edit it runs (./autosave.ts). A tab the browser
 * froze or discarded in the background (`freeze`, `document.wasDiscarded`) is not taken
 * for a crash.
 *
 *   const mark = new RunMark("generator-send");
 *   mark.crashed();          // true once, after a reload of a tab that died mid-run
 *   mark.hold("run", true);  // a run started: marked
 *   mark.hold("run", false); // it ended: the mark goes
 */

const PREFIX = "asyncio-notes:running:";

/** What can hold the mark: the session's run, or a comparison's two. */
export type RunHolder = "run" | "compare";

export class RunMark {
  private readonly key: string;
  private readonly holders = new Set<RunHolder>();

  constructor(storageId: string) {
    this.key = PREFIX + storageId;
    // Leaving the page ends its runs; a page kept in the back/forward cache marks again on its return.
    addEventListener("pagehide", () => this.write(false));
    addEventListener("pageshow", (event) => {
      if (event.persisted) this.write(this.holders.size > 0);
    });
    // A hidden tab the browser freezes, and may then discard to save memory (no pagehide
    // then), did not crash: unmarked while frozen.
    document.addEventListener("freeze", () => this.write(false));
    document.addEventListener("resume", () => this.write(this.holders.size > 0));
  }

  /**
   * True when this tab's last page died while this example ran: read once, then
   * forgotten, so the next reload says nothing.
   */
  crashed(): boolean {
    try {
      const found = sessionStorage.getItem(this.key) !== null;
      if (found) sessionStorage.removeItem(this.key);
      // Reloaded after the browser discarded the tab (it says so): not a crash either.
      return found && (document as { wasDiscarded?: boolean }).wasDiscarded !== true;
    } catch {
      // Storage this page may not use: there is no mark to find either.
      return false;
    }
  }

  /** `holder` started (true) or ended (false) a run; the mark stays while anyone holds it. */
  hold(holder: RunHolder, running: boolean): void {
    if (running) this.holders.add(holder);
    else this.holders.delete(holder);
    this.write(this.holders.size > 0);
  }

  private write(marked: boolean): void {
    try {
      if (marked) sessionStorage.setItem(this.key, String(Date.now()));
      else sessionStorage.removeItem(this.key);
    } catch {
      // Full or blocked storage: a crash goes unexplained, and nothing else changes.
    }
  }
}
