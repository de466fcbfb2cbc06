// Keyed hashes for what we must recognise again but never store in the clear
// (network addresses, resident cookie ids). HMAC with the server secret, so a leaked
// database cannot be reversed by hashing all IPv4 addresses.
import crypto from "node:crypto";
import { env } from "./env.server";

export function keyedHash(purpose: "ip" | "voter" | "account" | "recovery" | "sms-code" | "email", value: string): string {
  return crypto.createHmac("sha256", env.SESSION_SECRET).update(`${purpose}:${value}`).digest("base64url").slice(0, 32);
}
