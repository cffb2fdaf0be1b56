/**
 * Share links: the edited code travels in the page's URL hash,
 * `#example=<id>&code=<deflate-raw, base64url>`, so nothing is stored on a server.
 * Python code says so with `&lang=py`; a link without `lang` is TypeScript (every link
 * made before there were two languages).
 *
 * Reading a link never trusts it: a hash that is not base64url, does not inflate, is
 * not UTF-8, or inflates past MAX_SHARED_BYTES yields an error value, never a throw and
 * never a runaway decompression.
 */

/** The largest program a link may carry, decoded (64 KB). */
export const MAX_SHARED_BYTES = 64 * 1024;
/** The longest `code=` value read at all; longer links are refused before inflating. */
const MAX_ENCODED_CHARS = 256 * 1024;

import type { Language } from "./protocol";

export type SharedCode =
  | { ok: true; id: string; language: Language; code: string }
  | { ok: false; id: string; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as BlobPart]).stream().pipeThrough(transform as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/** The hash for `code` in `language` shared from example `id` (without the leading `#`). */
export async function encodeShare(id: string, code: string, language: Language = "ts"): Promise<string> {
  const deflated = await readAll(through(new TextEncoder().encode(code), new CompressionStream("deflate-raw")), Infinity);
  const lang = language === "ts" ? "" : `&lang=${language}`;
  return `example=${encodeURIComponent(id)}${lang}&code=${toBase64Url(deflated)}`;
}

/** The example id a hash names, if it is a share link at all. */
export function sharedExampleId(hash: string): string | null {
  if (!hash.startsWith("#example=")) return null;
  return new URLSearchParams(hash.slice(1)).get("example");
}

/** Reads a share link's hash (with or without `#`); null when it is not a share link. */
export async function decodeShare(hash: string): Promise<SharedCode | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const id = params.get("example");
  const encoded = params.get("code");
  if (id === null || encoded === null) return null;
  const lang = params.get("lang") ?? "ts";
  if (lang !== "ts" && lang !== "py") return { ok: false, id, reason: `unknown language ${lang}` };
  if (encoded.length > MAX_ENCODED_CHARS) return { ok: false, id, reason: "the link is too long" };
  try {
    const bytes = await readAll(through(fromBase64Url(encoded), new DecompressionStream("deflate-raw")), MAX_SHARED_BYTES);
    const code = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, id, language: lang, code };
  } catch (error) {
    return { ok: false, id, reason: error instanceof Error ? error.message : String(error) };
  }
}
