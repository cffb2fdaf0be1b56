/**
 * Edits survive reloads and navigation: each example's edited code is kept in
 * localStorage under its id, with the hash of the original it was edited from, so a
 * changed original can be noticed. Storage that is full or blocked (private modes)
 * only means edits are not kept; it never breaks the example.
 */
const PREFIX = "asyncio-notes:edit:";

export interface SavedEdit {
  /** The hash of the original (data-hash) the reader edited. */
  hash: string;
  code: string;
}

export function loadEdit(id: string): SavedEdit | null {
  try {
    const raw = localStorage.getItem(PREFIX + id);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value === "object" && value !== null) {
      const { hash, code } = value as Partial<SavedEdit>;
      if (typeof hash === "string" && typeof code === "string") return { hash, code };
    }
  } catch {
    // Unreadable or blocked storage: behave as if nothing was saved.
  }
  return null;
}

export function saveEdit(id: string, edit: SavedEdit): void {
  try {
    localStorage.setItem(PREFIX + id, JSON.stringify(edit));
  } catch {
    // Full or blocked storage: the edit lives only as long as the page.
  }
}

export function clearEdit(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    // Blocked storage holds nothing to clear.
  }
}
