/**
 * Small build-time helpers shared by the site's components: inline code in short
 * strings, and links that honour the base path.
 */

/** A run of text, marked when it sat between backticks. */
export interface Run {
  text: string;
  code: boolean;
  /** For code: the Korean particle written right after it, kept on its line (see particleAfter). */
  particle?: string;
}

/**
 * Splits "Sending values: `send()`" into plain and code runs. An unmatched backtick is
 * kept as text, so a stray one never swallows the rest of a heading.
 */
export function codeRuns(text: string): Run[] {
  const parts = text.split("`");
  if (parts.length % 2 === 0) {
    // Odd number of backticks: glue the last opening one back onto its text.
    const tail = parts.splice(parts.length - 2, 2).join("`");
    parts.push(tail);
  }
  const runs: Run[] = parts.map((part, i) => ({ text: part, code: i % 2 === 1 }));
  for (let i = 0; i + 1 < runs.length; i++) {
    const particle = runs[i].code ? particleAfter(runs[i].text, runs[i + 1].text) : undefined;
    if (!particle) continue;
    runs[i].particle = particle;
    runs[i + 1].text = runs[i + 1].text.slice(particle.length);
  }
  return runs.filter((r) => r.text !== "");
}

/** Hangul written right after code, up to a space, with the punctuation that closes it. */
const PARTICLE = /^\p{Script=Hangul}+[.,:;!?)\]’”]*/u;

/**
 * The longest code a particle is glued to: with it, on one unbreakable line, it still fits
 * a list item's column on the narrowest phone (320 px). Longer code may have to break at
 * the column's edge, so its particle is left free.
 */
const GLUED_CODE = 20;

/**
 * The Korean particle or ending written right after short inline code (`True`다,
 * `await`로), which must stay on the code's line: a browser would otherwise end a line
 * with the code and start the next with the particle.
 * @example
 * particleAfter("True", "다. 그리고"); // "다."
 * particleAfter("x", " 뒤"); // undefined
 */
export function particleAfter(code: string, after: string): string | undefined {
  if (code.length > GLUED_CODE) return undefined;
  return PARTICLE.exec(after)?.[0];
}

/**
 * The longest inline code kept on one line (class `nw`, white-space: nowrap): about
 * 250 px in the monospace font, under a phone's column. Longer code still wraps.
 */
export const SHORT_CODE = 28;

/**
 * Code a browser never breaks in the middle of a line: names, calls and attribute
 * paths (`print_every_second_coroutine`, `asyncio.get_running_loop()`, `'8'`) have no
 * place to break at. Such code moves to the next line whole without `nw`, and, if it is
 * wider than a narrow column by itself, may still break at the edge (base.css's
 * `word-break`) instead of sticking out of it.
 */
const NO_BREAK = /^[\w.()'"]*$/;

/**
 * The class for inline code: `nw` when it is short enough to move to the next line
 * whole rather than break at a space, hyphen or slash (`{ value, done }`); none for
 * code the browser would not break there anyway (a name, a call).
 *
 *   codeClass("{ value, done }");              // "nw"
 *   codeClass("asyncio.get_running_loop()");   // undefined: nothing to break at
 */
export function codeClass(code: string): string | undefined {
  return code.length <= SHORT_CODE && !NO_BREAK.test(code) ? "nw" : undefined;
}

/** The text without backticks, for <title>, meta tags and attributes. */
export function plain(text: string): string {
  return codeRuns(text)
    .map((r) => r.text + (r.particle ?? ""))
    .join("");
}

/**
 * A title in both languages as plain text, joined by " · ", or once when the two are the
 * same (as `both()` in src/i18n/strings.ts does for UI strings).
 * @example
 * plainBoth({ ko: "코루틴", en: "Coroutines" }); // "코루틴 · Coroutines"
 * plainBoth({ ko: "asyncio", en: "asyncio" }); // "asyncio"
 */
export function plainBoth(text: { ko: string; en: string }): string {
  const ko = plain(text.ko);
  const en = plain(text.en);
  return ko === en ? ko : `${ko} · ${en}`;
}

/**
 * A site-internal URL under the base path, always ending in "/" for pages
 * (`trailingSlash: "always"`): href("generator") → "/notes/generator/".
 */
export function href(path = ""): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  const clean = path.replace(/^\/+/, "");
  if (clean === "") return base;
  const withSlash = /[?#]/.test(clean) || /\.[a-z0-9]+$/i.test(clean) || clean.endsWith("/") ? clean : `${clean}/`;
  return base + withSlash;
}
