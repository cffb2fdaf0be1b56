/**
 * Edits survive reloads and navigation: each example's edited code is kept in
 * localStorage per example AND per language (a Python edit never overwrites a
 * TypeScript one), with the hash of the original it was edited from, so a changed
 * original can be noticed. Storage that is full or blocked (private modes) only means
 * edits are not kept; it never breaks the example.
 *
 *   saveEdit("generator-send", "ts", { hash: "ab12", code });
 *   // localStorage["asyncio-notes:edit:ts:generator-send"]
 *
 * Edits saved before languages existed (`asyncio-notes:edit:<id>`) are TypeScript
 * edits: the first load moves them to the TypeScript key, never dropping one.
 */
import type { Language } from "../../runner/protocol";

const PREFIX = "asyncio-notes:edit:";

export interface SavedEdit {
  /** The hash of the original (data-hash) the reader edited. */
  hash: string;
  code: string;
  /** When it was saved (ms since 1970); absent from edits saved before it was kept. */
  at?: number;
}

/** The storage key of an example's (or `playground:<id>`'s) edit in one language. */
export function editKey(id: string, language: Language): string {
  return `${PREFIX}${language}:${id}`;
}

/** Where a TypeScript edit was kept before edits were per language. */
export function legacyEditKey(id: string): string {
  return PREFIX + id;
}

function parse(raw: string | null): SavedEdit | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === "object" && value !== null) {
      const { hash, code, at } = value as Partial<SavedEdit>;
      if (typeof hash === "string" && typeof code === "string") return typeof at === "number" ? { hash, code, at } : { hash, code };
    }
  } catch {
    // Not ours or damaged: as if nothing was saved.
  }
  return null;
}

/** Moves a TypeScript edit from the old key to the new one; on a failed write the old key stays. */
function migrate(id: string): SavedEdit | null {
  const raw = localStorage.getItem(legacyEditKey(id));
  const edit = parse(raw);
  if (raw === null || edit === null) return null;
  try {
    localStorage.setItem(editKey(id, "ts"), raw);
    localStorage.removeItem(legacyEditKey(id));
  } catch {
    // Full storage: read from the old key until a write succeeds.
  }
  return edit;
}

export function loadEdit(id: string, language: Language): SavedEdit | null {
  try {
    const edit = parse(localStorage.getItem(editKey(id, language)));
    if (edit || language !== "ts") return edit;
    return migrate(id);
  } catch {
    // Blocked storage: behave as if nothing was saved.
    return null;
  }
}

/** How a save went: kept, refused for want of room, or refused because this page may not store (a frame on another site). */
export type SaveResult = "saved" | "full" | "blocked";

export function saveEdit(id: string, language: Language, edit: SavedEdit): SaveResult {
  try {
    localStorage.setItem(editKey(id, language), JSON.stringify(edit));
    if (language === "ts") localStorage.removeItem(legacyEditKey(id));
    return "saved";
  } catch (error) {
    return error instanceof DOMException && error.name === "QuotaExceededError" ? "full" : "blocked";
  }
}

export function clearEdit(id: string, language: Language): void {
  try {
    localStorage.removeItem(editKey(id, language));
    if (language === "ts") localStorage.removeItem(legacyEditKey(id));
  } catch {
    // Blocked storage holds nothing to clear.
  }
}

/** Where the edit a Reset took away waits, until that tab's code changes again. */
function resetKey(id: string, language: Language): string {
  return `asyncio-notes:reset:${language}:${id}`;
}

/**
 * Keeps the edit a Reset took, so "Bring back my edit" is offered after a reload too.
 *
 *   keepReset("generator-send", "ts", code); // localStorage["asyncio-notes:reset:ts:generator-send"]
 */
export function keepReset(id: string, language: Language, code: string): void {
  try {
    localStorage.setItem(resetKey(id, language), code);
  } catch {
    // Full or blocked: the page still offers it back until it is left.
  }
}

/** The edit a Reset took from this example's tab, if it is still kept. */
export function loadReset(id: string, language: Language): string | null {
  try {
    return localStorage.getItem(resetKey(id, language));
  } catch {
    return null;
  }
}

/** Forgets the edit a Reset took (brought back, or the tab's code changed since). */
export function dropReset(id: string, language: Language): void {
  try {
    localStorage.removeItem(resetKey(id, language));
  } catch {
    // Blocked storage holds nothing to drop.
  }
}
