// Tracking codes for complaints: 10 characters from an alphabet without look-alikes (no 0/O,
// 1/I/L, U), grouped 5+5, so they can be read aloud or written down. 30^10 ≈ 5.9e14 codes
// (49 bits): not guessable at the rate limits we allow.

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

/** A uniform random index below n from the platform CSPRNG (Web Crypto: Node and browsers). */
function randomIndex(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n; // reject the biased tail
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    if (buf[0] < limit) return buf[0] % n;
  }
}

export function newTrackingCode(): string {
  let s = "";
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Accepts lower case, spaces and a missing dash; null when it cannot be a code. */
export function normaliseTrackingCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, "");
  if (s.length !== 10 || [...s].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}
