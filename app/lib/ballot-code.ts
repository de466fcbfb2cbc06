// Household ballot codes (docs/decisions/012): 13 Crockford base32 characters (65 random bits)
// and one Luhn mod 32 check character, shown as K7Q2-9MFA-X3D1-PZ. Pure and light: the same
// check runs in the browser (before sending) and on the server.

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Characters of random data (13 × 5 = 65 bits). */
export const CODE_DATA_LENGTH = 13;
export const CODE_LENGTH = CODE_DATA_LENGTH + 1;

/** Upper case, separators dropped, the look-alikes Crockford allows mapped: O→0, I/L→1. */
export function normaliseCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

/** Luhn mod N (N = 32) check character of a string of alphabet characters. */
export function checkCharacter(data: string): string {
  const n = CODE_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    let addend = factor * CODE_ALPHABET.indexOf(data[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return CODE_ALPHABET[(n - (sum % n)) % n];
}

export type CodeProblem = "empty" | "malformed" | "checkCharacter";

/** A typed or scanned code: the normalised code, or what is wrong with it. */
export function parseCode(raw: string): { ok: true; code: string } | { ok: false; reason: CodeProblem } {
  const code = normaliseCode(raw ?? "");
  if (code.length === 0) return { ok: false, reason: "empty" };
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return { ok: false, reason: "malformed" };
  if (checkCharacter(code.slice(0, CODE_DATA_LENGTH)) !== code[CODE_DATA_LENGTH]) return { ok: false, reason: "checkCharacter" };
  return { ok: true, code };
}

/** 13 data characters from the first 65 bits of `bytes` (at least 9 bytes), plus the check character. */
export function codeFromBytes(bytes: Uint8Array): string {
  let bits = "";
  for (let i = 0; i < 9; i++) bits += bytes[i].toString(2).padStart(8, "0");
  let data = "";
  for (let i = 0; i < CODE_DATA_LENGTH; i++) data += CODE_ALPHABET[parseInt(bits.slice(i * 5, i * 5 + 5), 2)];
  return data + checkCharacter(data);
}

/** K7Q29MFAX3D1PZ → K7Q2-9MFA-X3D1-PZ */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}
