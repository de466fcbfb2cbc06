// Environment, parsed once with zod at start-up. A bad value stops the server with a message
// that names the variable. Every variable, with its default, is listed in .env.example.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { NotifyEnvSchema, notifyEnvProblems } from "./notify-env.server";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "must start with file: (SQLite)")
    .optional(),
  /** Where complaint photos are stored. Default: <DATA_DIR>/uploads */
  UPLOAD_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Cookies marked Secure (HTTPS only). Default: on in production. Off only for plain-HTTP trials. */
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  /** Proxies in front: false, true (one), a hop count or their addresses (utils/client-address.server). */
  TRUST_PROXY: z.string().default("false"),
  /** Survey submissions allowed per network address per hour (many residents share one). */
  SURVEY_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(60),
  /** Complaints accepted per network address per hour. */
  COMPLAINT_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Failed staff logins accepted per network address per 15 minutes. */
  LOGIN_RATE_LIMIT_PER_15_MIN: z.coerce.number().int().min(1).default(30),
  /** Administrator created or updated by `npm run seed` when both are set. */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /**
   * How long a write waits for a lock held by another process before the request gets a 503.
   * better-sqlite3 waits synchronously (the whole server pauses), so keep it short.
   */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
  /**
   * Key of the HMAC under which household ballot codes are stored (docs/decisions/012). Without
   * it the published demo key is used, and codes can then be made for demo rounds only.
   */
  BALLOT_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .refine((s) => s !== DEMO_BALLOT_SECRET, "must not be the published demo key")
    .optional(),
  /** Wrong ballot codes accepted per network address per hour before the address is refused. */
  BALLOT_WRONG_CODES_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Addresses with a wrong ballot code per commune page per hour before its typed codes are refused. */
  BALLOT_WRONG_CODES_PER_COMMUNE_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Hours after a round closes during which the Front may still enter paper ballots (logged). */
  PAPER_GRACE_HOURS: z.coerce.number().int().min(0).max(168).default(48),
  /**
   * Map tiles: a URL template with {z}, {x} and {y}, absolute (http/https, one host) or a path
   * on this server. The default is OpenStreetMap's public server (fine for light use; run your
   * own or a provider's for production). Its host is added to the pages' image policy.
   */
  MAP_TILE_URL: z
    .string()
    .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    .refine((v) => ["{z}", "{x}", "{y}"].every((p) => v.includes(p)), "must contain {z}, {x} and {y}")
    .refine(
      (v) => v.startsWith("/") || URL.canParse(v.replace(/\{[zxy]\}/g, "0")),
      "must be an http(s) URL or a path starting with /",
    )
    .refine((v) => v.startsWith("/") || /^https?:\/\/[^{}]+?\//.test(v), "the host must be http(s) and fixed (no {s})"),
  /** The tiles' attribution, shown on every map (required by most tile licences). */
  MAP_TILE_ATTRIBUTION: z.string().max(300).default("© OpenStreetMap contributors"),
  ...NotifyEnvSchema.shape,
});

/** Published key for the demo data's ballot codes (README lists demo codes made with it). */
export const DEMO_BALLOT_SECRET = "demo-ballot-key-ntm-haiphong-2026-not-for-real-rounds";

export type Env = Omit<z.infer<typeof EnvSchema>, "COOKIE_SECURE" | "BALLOT_SECRET"> & {
  /** The tile server's origin for the image policy; null when tiles are served from this server. */
  MAP_TILE_ORIGIN: string | null;
  DATABASE_URL: string;
  SESSION_SECRET: string;
  COOKIE_SECURE: boolean;
  BALLOT_SECRET: string;
  /** true when BALLOT_SECRET was not set: codes may then be made for demo rounds only */
  BALLOT_SECRET_IS_DEMO: boolean;
};

function readOrCreateSecret(dataDir: string): string {
  // Without SESSION_SECRET, a random secret is made once and kept in the data directory, so
  // a new install is safe by default and cookies survive restarts.
  const file = path.join(dataDir, "secret.key");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("hex");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const parsed = result.data;
  const problems = notifyEnvProblems(parsed);
  if (problems.length) throw new Error(`Invalid environment configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return {
    ...parsed,
    MAP_TILE_ORIGIN: parsed.MAP_TILE_URL.startsWith("/") ? null : new URL(parsed.MAP_TILE_URL.replace(/\{[zxy]\}/g, "0")).origin,
    DATABASE_URL: parsed.DATABASE_URL ?? `file:${path.join(parsed.DATA_DIR, "app.db")}`,
    SESSION_SECRET: parsed.SESSION_SECRET ?? readOrCreateSecret(parsed.DATA_DIR),
    COOKIE_SECURE: parsed.COOKIE_SECURE ? parsed.COOKIE_SECURE === "true" : parsed.NODE_ENV === "production",
    BALLOT_SECRET: parsed.BALLOT_SECRET ?? DEMO_BALLOT_SECRET,
    BALLOT_SECRET_IS_DEMO: !parsed.BALLOT_SECRET,
  };
}

export const env = parseEnv();
