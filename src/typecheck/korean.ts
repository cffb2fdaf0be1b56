/**
 * The compiler's messages in Korean as well as English. TypeScript ships Microsoft's
 * own Korean translation of every diagnostic (`typescript/lib/ko/`, the text VS Code
 * shows with its Korean language pack); the site's pages are Korean first, so a Korean
 * reader gets that, and Both mode shows the two.
 *
 * A diagnostic arrives with its English text already filled in, and its arguments are
 * not kept. So the English template is found by the message's code, the values are
 * read back out of the text by matching it against that template, and they go into the
 * Korean template. A text that does not match (it never should) stays English.
 *
 *   const korean = new KoreanMessages(koreanTemplates());
 *   korean.translate("Cannot find name 'prnt'.", 2304); // "'prnt' 이름을 찾을 수 없습니다."
 *
 * Runs in the type service's worker (./service.ts); the templates are among the files
 * embedded at build time (./build/declarations.ts), keyed by code.
 */
import ts from "typescript";

/** Where the Korean templates are among the service's starting files (JSON: code → template). */
export const KOREAN_MESSAGES_PATH = "/ko-messages.json";

/** The English template of each diagnostic code, as the compiler fills it in (`{0}`, `{1}`, …). */
function englishTemplates(): Map<number, string> {
  const diagnostics = (ts as unknown as { Diagnostics: Record<string, { code: number; message: string }> }).Diagnostics;
  return new Map(Object.values(diagnostics).map((d) => [d.code, d.message]));
}

const PLACEHOLDER = /\{(\d+)\}/g;

export class KoreanMessages {
  private readonly english = englishTemplates();
  /** Each English template as a pattern whose groups are its placeholders, made on first use. */
  private readonly patterns = new Map<number, RegExp | null>();

  /** `templates`: the Korean template of each code (./build/declarations.ts koreanTemplates). */
  constructor(private readonly templates: Record<string, string>) {}

  /**
   * `text` (the compiler's English, filled in) in Korean, or `text` itself when there
   * is no Korean template for `code` or the text does not fit its English one.
   */
  translate(text: string, code: number): string {
    const korean = this.templates[code];
    const found = korean === undefined ? null : this.pattern(code)?.exec(text);
    if (!korean || !found) return text;
    return korean.replace(PLACEHOLDER, (whole, slot: string) => found.groups?.[`s${slot}`] ?? whole);
  }

  private pattern(code: number): RegExp | null {
    if (this.patterns.has(code)) return this.patterns.get(code)!;
    const template = this.english.get(code);
    let pattern: RegExp | null = null;
    if (template !== undefined) {
      const slots: number[] = [];
      const pieces = template.split(PLACEHOLDER);
      // split() with a group alternates text and slot number: text, 0, text, 1, text…
      // A slot met again must hold the same value ("'{1}.{0}' … '{0}'"), which settles
      // where a value with a dot in it ends.
      let source = "^";
      pieces.forEach((piece, i) => {
        if (i % 2 === 0) source += piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        else if (slots.includes(Number(piece))) source += `\\k<s${piece}>`;
        else {
          slots.push(Number(piece));
          source += `(?<s${piece}>[\\s\\S]*?)`;
        }
      });
      pattern = new RegExp(source + "$");
    }
    this.patterns.set(code, pattern);
    return pattern;
  }
}
