/**
 * Which runtime runs which language, loaded on demand (a runtime's code is a lazy chunk,
 * fetched when an example first wakes). A language with no runtime here cannot be run:
 * its tab shows the code only.
 *
 * To add a runtime (the Python one): write a module exporting `createRuntime:
 * RuntimeFactory` (./runtime.ts) and name it here.
 *
 *   if (canRun("py")) runtime = await loadRuntime("py", context);
 */
import type { Language } from "./protocol";
import type { Runtime, RuntimeContext, RuntimeFactory } from "./runtime";

const LOADERS: Record<Language, (() => Promise<{ createRuntime: RuntimeFactory }>) | null> = {
  ts: () => import("./ts-runtime"),
  py: () => import("./py-runtime"),
};

const made = new Map<Language, Promise<Runtime>>();

/** True when `language` has a runtime. */
export function canRun(language: Language): boolean {
  return LOADERS[language] !== null;
}

/** The page's one runtime for `language` (made once); rejects for a language that has none. */
export function loadRuntime(language: Language, context: RuntimeContext): Promise<Runtime> {
  let runtime = made.get(language);
  if (!runtime) {
    const loader = LOADERS[language];
    if (!loader) return Promise.reject(new Error(`no runtime for ${language}`));
    runtime = loader().then((m) => m.createRuntime(context));
    runtime.catch(() => made.delete(language));
    made.set(language, runtime);
  }
  return runtime;
}
