// The client's network address behind a reverse proxy (issue 26, decision 042). Express's
// "trust proxy" true takes the LEFTMOST X-Forwarded-For entry, which the client writes itself:
// every per-address limit could then be dodged with a made-up header. Here "true" means one
// proxy (our own), so the address is the entry that proxy appended, the rightmost; a hop count
// or a list of the proxies' addresses are passed on, and Express walks from the right with them.

/** Express's "trust proxy" value for TRUST_PROXY: never the trust-everything `true`. */
export function trustProxySetting(value: string): false | number | string {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") return 1;
  if (/^\d+$/.test(v)) return Number(v);
  return value.trim();
}
