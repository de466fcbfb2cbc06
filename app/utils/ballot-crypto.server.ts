// The cryptography of household ballot codes (docs/decisions/012), with no database: the HMAC a
// code is stored as, the codes of a batch derived from its seed, and the demo batches' seeds.
import crypto from "node:crypto";
import { codeFromBytes } from "~/lib/ballot-code";
import { DEMO_BALLOT_SECRET, env } from "./env.server";

/** HMAC of a normalised code under BALLOT_SECRET: the only form in which a code is stored. */
export function codeHash(code: string, secret: string = env.BALLOT_SECRET): string {
  return crypto.createHmac("sha256", secret).update(`ballot:${code}`).digest("base64url");
}

/** The codes of a batch, in slip order, from its seed. */
export function deriveCodes(seed: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => codeFromBytes(crypto.createHmac("sha256", seed).update(`code:${i}`).digest()));
}

/** Demo batches get a seed derived from the published demo key, so the README's codes stay true. */
export function demoBatchSeed(communeSlug: string, village: string): string {
  return crypto.createHmac("sha256", DEMO_BALLOT_SECRET).update(`demo-batch:${communeSlug}:${village}`).digest("hex");
}
