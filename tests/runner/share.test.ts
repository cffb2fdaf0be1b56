/** Share links: round trip, and every kind of bad link gives an error value, never a throw. */
import { describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import { decodeShare, encodeShare, MAX_SHARED_BYTES, sharedExampleId } from "../../src/runner/share";

describe("share links", () => {
  it("round-trips code, including Korean text and emoji", async () => {
    const code = `console.log("안녕, 이벤트 루프 🌀");\n`.repeat(50);
    const hash = await encodeShare("hello-asyncio", code);
    expect(hash).toMatch(/^example=hello-asyncio&code=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(code.length);
    expect(sharedExampleId(`#${hash}`)).toBe("hello-asyncio");
    expect(await decodeShare(`#${hash}`)).toEqual({ ok: true, id: "hello-asyncio", language: "ts", code });
  });

  it("carries the language: Python says lang=py, a link without lang is TypeScript", async () => {
    const code = "print('hi')\n";
    const hash = await encodeShare("hello-asyncio", code, "py");
    expect(hash).toMatch(/^example=hello-asyncio&lang=py&code=/);
    expect(await decodeShare(hash)).toEqual({ ok: true, id: "hello-asyncio", language: "py", code });
    const bad = await decodeShare(hash.replace("lang=py", "lang=rb"));
    expect(bad?.ok).toBe(false);
  });

  it("ignores hashes that are not share links", async () => {
    expect(sharedExampleId("#send")).toBeNull();
    expect(await decodeShare("#send")).toBeNull();
    expect(await decodeShare("#example=x")).toBeNull();
  });

  it("refuses bad base64, bad deflate, bad UTF-8 and oversized code", async () => {
    const b64 = (bytes: Buffer) => bytes.toString("base64url");
    const bad = [
      "!!!",
      "AAAA",
      b64(deflateRawSync(Buffer.from([0xff, 0xfe, 0xfd]))),
      b64(deflateRawSync(Buffer.alloc(MAX_SHARED_BYTES + 1, 0x61))),
      "A".repeat(300_000),
    ];
    for (const code of bad) {
      const result = await decodeShare(`#example=x&code=${code}`);
      expect(result?.ok, code.slice(0, 20)).toBe(false);
    }
  });

  it("accepts code of exactly the limit", async () => {
    const code = "a".repeat(MAX_SHARED_BYTES);
    const result = await decodeShare(`#example=x&code=${deflateRawSync(Buffer.from(code)).toString("base64url")}`);
    expect(result).toEqual({ ok: true, id: "x", language: "ts", code });
  });
});
