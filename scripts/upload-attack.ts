// npm run upload-attack [-- --json]
//
// Issue 11's upload attack against the production build (npm run build first) on a fresh
// database: one chunked 100 MB multipart report with 100 parts, then four at once, then the
// same with an unknown field name. Prints each answer and how much the server's resident memory
// (the whole process tree, so every cluster worker counts) grew at its peak.
import path from "node:path";
import { prepareDatabase, serverEnv, startServer } from "./lib/harness";
import { chunkedMultipart, measureRss, treeRss } from "./lib/upload-attack";

const JSON_OUT = process.argv.includes("--json");
const MB = 1024 * 1024;
const env = serverEnv(path.resolve("data/upload-attack"), 3950 + Math.floor(Math.random() * 40));

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

// The bound of issue 11: never more than 200 MB over the server's memory before the first attack.
const worst = Math.max(...rows.map((r) => r.peakOverStartMb));
if (JSON_OUT) {
  console.log(
    JSON.stringify({ limitMb: 200, startMb: Math.round(start / MB), worstPeakOverStartMb: worst, pass: worst < 200, rows }),
  );
} else {
  console.log("Upload attack (chunked multipart, no Content-Length); RSS = server process tree");
  console.table(rows);
  console.log(`Server RSS before the first attack: ${Math.round(start / MB)} MB`);
  console.log(`Worst peak over that: ${worst} MB (limit 200 MB) -> ${worst < 200 ? "PASS" : "FAIL"}`);
}
process.exit(worst < 200 ? 0 : 1);
