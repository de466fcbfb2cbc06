// npm run bench: compiles scripts/bench.ts (and the app/lib helpers it uses) with esbuild, then runs
// it under plain Node, as the server runs. Under tsx's loader the 1.3 MB production build it imports
// was transformed again in the process, which alone added about 140 MiB to the measured RSS (206 MiB
// against 63 MiB for the same import under plain Node, 7 December 2026): the memory figure was the
// loader's, not the app's. The generation child still runs through tsx (its figure is reported apart).
import { spawnSync } from "node:child_process";
import process from "node:process";
import path from "node:path";
import { build } from "esbuild";

const outfile = path.resolve("build/bench/bench.mjs");
await build({
  entryPoints: ["scripts/bench.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const run = spawnSync(process.execPath, ["--expose-gc", outfile, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
