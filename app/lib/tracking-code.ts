// Tracking codes for complaints: 10 characters from an alphabet without look-alikes (no 0/O,
// 1/I/L, U), grouped 5+5, so they can be read aloud or written down. 30^10 ≈ 5.9e14 codes
// (49 bits): not guessable at the rate limits we allow.
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

export function newTrackingCode(): string {
  let s = "";
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Accepts lower case, spaces and a missing dash; null when it cannot be a code. */
export function normaliseTrackingCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, "");
  if (s.length !== 10 || [...s].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}
