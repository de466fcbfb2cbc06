// npm run news -- --digest: composes the area-news digests and the council's weekly digests that
// are due now, once (the server does it every NEWS_POLL_MS; decision 043). The outbox worker of a
// running server sends them. NEWS_DIGEST_HOUR sets the Vietnam hour from which a day's digest is due.
import { disconnect } from "../app/models/database.server";
import { startNewsJob } from "../app/services/news-digest.server";

const args = process.argv.slice(2);
try {
  if (!args.includes("--digest")) {
    console.error("usage: npm run news -- --digest [--json]");
    process.exitCode = 2;
  } else {
    const written = await startNewsJob({ autoStart: false }).runOnce();
    console.log(
      args.includes("--json") ? JSON.stringify(written) : `Digests written: ${written.daily} daily, ${written.weekly} weekly`,
    );
  }
} finally {
  await disconnect();
}
