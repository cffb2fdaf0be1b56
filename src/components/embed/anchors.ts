/**
 * Every public anchor of a section page, read from its MDX source at build time: the
 * ids of `<Heading>`, `<Pair>`, `<Correction>` and `<Example>` in page order. Ids are
 * published and permanent, so a course can link any of them.
 *
 *   pageAnchors('<Heading id="send" level={2} ko="…" en="…" />\n<Pair id="p1">…')
 *   // → [{ kind: "heading", id: "send" }, { kind: "pair", id: "p1" }]
 */
export interface PageAnchor {
  kind: "heading" | "pair" | "correction" | "example";
  /** The element id on the page (`example-<id>` for an example). */
  id: string;
}

const TAG = /<(Heading|Pair|Correction|Example)\b[^>]*?\bid="([a-z0-9-]+)"/g;

export function pageAnchors(mdx: string): PageAnchor[] {
  const out: PageAnchor[] = [];
  for (const m of mdx.matchAll(TAG)) {
    const kind = m[1].toLowerCase() as PageAnchor["kind"];
    out.push({ kind, id: kind === "example" ? `example-${m[2]}` : m[2] });
  }
  return out;
}
