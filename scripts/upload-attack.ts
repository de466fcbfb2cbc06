// npm run upload-attack [-- --json]
//
// Issue 11's upload attack against the production build (npm run build first) on a fresh
// database: one chunked 100 MB multipart report with 100 parts, then four at once, then the
// same with an unknown field name. Prints each answer and how much the server's resident memory
// (the whole process tree, so every cluster worker counts) grew at its peak.
import path from "node:path";
import { prepareDatabase, serverEnv, startServer } from "./lib/harness";
import sharp from "sharp";
import { MAX_JPEG_PIXELS, MAX_LOSSLESS_PIXELS, MAX_PHOTOS } from "../app/lib/complaint-workflow";
import { chunkedMultipart, measureRss, photoReport, treeRss } from "./lib/upload-attack";

const JSON_OUT = process.argv.includes("--json");
const MB = 1024 * 1024;
// Photo reports are real reports: more than the default 10 an hour come from this one address.
const env = serverEnv(path.resolve("data/upload-attack"), 3950 + Math.floor(Math.random() * 40), {
  COMPLAINT_RATE_LIMIT_PER_HOUR: "1000",
});
/** Issue 26: four parallel reports of PNG or WebP photos at a pixel limit may not add more than this. */
const PHOTO_LIMIT_MB = 150;

/** A photo of `pixels` (square, one colour: small enough to send, as costly to decode as any). */
async function photo(pixels: number, format: "png" | "webp"): Promise<Buffer> {
  const edge = Math.floor(Math.sqrt(pixels));
  const img = sharp({ create: { width: edge, height: edge, channels: 4, background: { r: 40, g: 90, b: 160, alpha: 1 } } });
  return format === "png" ? img.png().toBuffer() : img.webp({ lossless: true }).toBuffer();
}
const photoAttack = async (pixels: number, format: "png" | "webp") => {
  const p = await photo(pixels, format);
  const type = format === "png" ? "image/png" : "image/webp";
  return () =>
    Promise.all(
      Array.from({ length: 4 }, () =>
        photoReport(
          url,
          Array.from({ length: MAX_PHOTOS }, () => p),
          type,
        ),
      ),
    );
};

prepareDatabase(env);
const server = await startServer(env, { showErrors: !JSON_OUT });
const pid = server.process.pid!;
const url = `${server.url}/c/vinh-bao/report`;
const rows: {
  attack: string;
  statuses: string;
  sentMb: number;
  beforeMb: number;
  peakGrowthMb: number;
  peakOverStartMb: number;
  ms: number;
}[] = [];
await new Promise((r) => setTimeout(r, 500));
const start = treeRss(pid);

try {
  const scenarios: [string, () => Promise<{ status: number | "reset"; sentBytes: number; ms: number }[]>][] = [
    ["1 x 100 MB, 100 photo parts, chunked", async () => [await chunkedMultipart(url, { parts: 100, partBytes: MB })]],
    ["4 at once, same", () => Promise.all(Array.from({ length: 4 }, () => chunkedMultipart(url, { parts: 100, partBytes: MB })))],
    ["1 x 100 MB, unknown field name", async () => [await chunkedMultipart(url, { parts: 100, partBytes: MB, fieldName: "x" })]],
    ["1 x 100 MB in one 100 MB part", async () => [await chunkedMultipart(url, { parts: 1, partBytes: 100 * MB })]],
    [`4 reports at once, ${MAX_PHOTOS} PNG of 40 MP each`, await photoAttack(40_000_000, "png")],
    [`4 reports at once, ${MAX_PHOTOS} WebP of 40 MP each`, await photoAttack(40_000_000, "webp")],
    [
      `4 reports at once, ${MAX_PHOTOS} PNG at the limit (${MAX_LOSSLESS_PIXELS / 1e6} MP)`,
      await photoAttack(MAX_LOSSLESS_PIXELS, "png"),
    ],
    [
      `4 reports at once, ${MAX_PHOTOS} WebP at the limit (${MAX_LOSSLESS_PIXELS / 1e6} MP)`,
      await photoAttack(MAX_LOSSLESS_PIXELS, "webp"),
    ],
  ];
  for (const [name, attack] of scenarios) {
    const m = await measureRss(pid, attack);
    rows.push({
      attack: name,
      statuses: m.result.map((r) => r.status).join(","),
      sentMb: Math.round(m.result.reduce((a, r) => a + r.sentBytes, 0) / MB),
      beforeMb: Math.round(m.before / MB),
      peakGrowthMb: Math.round((m.growth / MB) * 10) / 10,
      peakOverStartMb: Math.round(((m.peak - start) / MB) * 10) / 10,
      ms: Math.round(Math.max(...m.result.map((r) => r.ms))),
    });
  }
} finally {
  server.process.kill("SIGTERM");
}

// The bound of issue 11: never more than 200 MB over the server's memory before the first attack;
// and of issue 26: four parallel photo reports never raise it by more than 150 MB.
const photoRows = rows.filter((r) => r.attack.startsWith("4 reports"));
const worst = Math.max(...rows.filter((r) => !photoRows.includes(r)).map((r) => r.peakOverStartMb));
const worstPhotos = Math.max(...photoRows.map((r) => r.peakGrowthMb));
const pass = worst < 200 && worstPhotos < PHOTO_LIMIT_MB;
if (JSON_OUT) {
  console.log(
    JSON.stringify({
      limitMb: 200,
      startMb: Math.round(start / MB),
      worstPeakOverStartMb: worst,
      photoLimitMb: PHOTO_LIMIT_MB,
      jpegMaxPixels: MAX_JPEG_PIXELS,
      pngWebpMaxPixels: MAX_LOSSLESS_PIXELS,
      worstPhotoPeakGrowthMb: worstPhotos,
      pass,
      rows,
    }),
  );
} else {
  console.log("Upload attack (chunked multipart, no Content-Length); RSS = server process tree");
  console.table(rows);
  console.log(`Server RSS before the first attack: ${Math.round(start / MB)} MB`);
  console.log(`Worst peak over that: ${worst} MB (limit 200 MB) -> ${worst < 200 ? "PASS" : "FAIL"}`);
  console.log(
    `Four parallel PNG/WebP reports (limit ${MAX_LOSSLESS_PIXELS / 1e6} MP): worst growth ${worstPhotos} MB (limit ${PHOTO_LIMIT_MB} MB) -> ${worstPhotos < PHOTO_LIMIT_MB ? "PASS" : "FAIL"}`,
  );
}
process.exit(pass ? 0 : 1);
