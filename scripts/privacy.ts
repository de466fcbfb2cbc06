// npm run privacy [-- --json]: per kind of personal data, what is held, what is due for erasure and
// what the last retention run erased; residents' requests open and overdue (decision 037).
// npm run privacy -- --erase: runs the retention job once now (the server runs it every hour).
// npm run privacy -- --by-commune [--since 2026-12-01]: what each commune holds (breach runbook).
import { disconnect } from "../app/models/database.server";
import { personalDataByCommune, privacyFigures } from "../app/models/privacy/figures.server";
import { startRetentionJob } from "../app/services/retention.server";

const args = process.argv.slice(2);
const json = args.includes("--json");

try {
  if (args.includes("--erase")) {
    const job = startRetentionJob({ autoStart: false, log: () => {} });
    const erased = await job.runOnce();
    console.log(json ? JSON.stringify({ erased }) : `Erased: ${JSON.stringify(erased)}`);
  } else if (args.includes("--by-commune")) {
    const sinceArg = args[args.indexOf("--since") + 1];
    const since = args.includes("--since") && sinceArg ? new Date(`${sinceArg}T00:00:00+07:00`) : undefined;
    const rows = await personalDataByCommune({ since });
    if (json) console.log(JSON.stringify(rows, null, 2));
    else console.table(rows);
  } else {
    const figures = await privacyFigures();
    if (json) console.log(JSON.stringify(figures, null, 2));
    else {
      console.table(
        Object.entries(figures.kinds).map(([kind, f]) => ({
          kind,
          held: f.held,
          "due for erasure": f.due,
          "erased in last run": f.erasedLastRun,
        })),
      );
      console.log(`Last retention run: ${figures.lastRunAt ?? "never"}`);
      console.log(`Residents' requests: ${figures.requests.open} open, ${figures.requests.overdue} overdue`);
    }
  }
} finally {
  await disconnect();
}
