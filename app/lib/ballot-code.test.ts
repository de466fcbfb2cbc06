import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, checkCharacter, codeFromBytes, formatCode, normaliseCode, parseCode } from "./ballot-code";

const sample = () => codeFromBytes(crypto.randomBytes(9));

describe("ballot codes", () => {
  it("are 14 characters of the Crockford alphabet, shown in groups, and parse back", () => {
    const code = sample();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{14}$/);
    expect(formatCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(parseCode(formatCode(code).toLowerCase())).toEqual({ ok: true, code });
  });

  it("carry 65 bits: different inputs give different codes", () => {
    const a = new Uint8Array(9);
    const b = new Uint8Array(9);
    b[8] = 0x80; // the 65th bit
    expect(codeFromBytes(a)).not.toBe(codeFromBytes(b));
  });

  it("catch every single mistyped character and every swap of neighbours but 0↔Z (Luhn mod N's blind spot)", () => {
    for (let n = 0; n < 50; n++) {
      const code = sample();
      for (let i = 0; i < code.length; i++) {
        for (const c of CODE_ALPHABET) {
          if (c === code[i]) continue;
          const typo = code.slice(0, i) + c + code.slice(i + 1);
          expect(parseCode(typo).ok).toBe(false);
        }
        const pair = [code[i], code[i + 1]].sort().join("");
        if (i + 1 < code.length && code[i] !== code[i + 1] && pair !== "0Z") {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(parseCode(swapped).ok).toBe(false);
        }
      }
    }
  });

  it("say what is wrong: empty, malformed, check character", () => {
    expect(parseCode("")).toEqual({ ok: false, reason: "empty" });
    expect(parseCode("ABC")).toEqual({ ok: false, reason: "malformed" });
    expect(parseCode("K7Q2-9MFA-X3D1-PU")).toEqual({ ok: false, reason: "malformed" });
    const code = sample();
    const wrong = code.slice(0, 13) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[13]) + 1) % 32];
    expect(parseCode(wrong)).toEqual({ ok: false, reason: "checkCharacter" });
  });

  it("accept look-alike letters as Crockford does", () => {
    expect(normaliseCode("o0 i1 l-")).toBe("00111");
    expect(checkCharacter("0000000000000")).toBe("0");
  });
});
