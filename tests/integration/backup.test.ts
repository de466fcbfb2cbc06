// A backup taken while another process keeps writing answers is consistent, and restores.
import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, summarise } from "~/services/backup.server";
import { prisma } from "~/utils/db.server";

describe("online backup", () => {
  it("is a consistent snapshot under write load, and restores with matching counts", async () => {
    await prisma.commune.count(); // make sure the app's connection exists (WAL mode on)
    const live = process.env.DATABASE_URL!.replace(/^file:/, "");
    // A writer process: an answer with 5 ratings per transaction, as fast as it can, until told to stop.
    const writer = spawn(process.execPath, [
      "-e",
      `const D=require("better-sqlite3");const d=new D(${JSON.stringify(live)});d.pragma("busy_timeout=5000");
       const r=d.prepare("INSERT INTO Response (communeId, createdAt, period, channel, isDemo, submissionId) VALUES (1, ?, '2026-Q4', 'online', 0, ?)");
       const q=d.prepare("INSERT INTO Rating (responseId, criterionId, score) VALUES (?, ?, ?)");
       const one=d.transaction((i)=>{const {lastInsertRowid}=r.run(new Date().toISOString(),"w"+i);for(let c=1;c<=5;c++)q.run(lastInsertRowid,c,(i+c)%5+1);});
       let i=0,stop=false;process.stdin.on("end",()=>{stop=true});process.stdin.resume();
       console.log("writing");(function loop(){for(let k=0;k<50&&!stop;k++)one(i++);if(stop){console.log("wrote "+i);d.close();process.exit(0)}setImmediate(loop)})();`,
    ]);
    let out = "";
    writer.stdout!.on("data", (d) => (out += d));
    await once(writer.stdout!, "data");
    await new Promise((r) => setTimeout(r, 300));
    const before = summarise(live).responses;
    const dest = `${live}.backup`;
    const backup = backupDatabase(live, dest);
    const after = summarise(live).responses;
    await new Promise((r) => setTimeout(r, 200));
    writer.stdin!.end();
    await once(writer, "exit");
    const written = Number(/wrote (\d+)/.exec(out)?.[1]);

    expect(written).toBeGreaterThan(0);
    expect(backup.integrity).toBe("ok");
    expect(backup.responses).toBeGreaterThanOrEqual(before);
    expect(backup.responses).toBeLessThanOrEqual(after);
    expect(backup.ratings).toBe(backup.responses * 5); // no answer cut in half
    expect(backup.rollupMatches).toBe(true);

    const target = `${live}.restored`;
    fs.copyFileSync(live, target);
    const restored = restoreDatabase(dest, target);
    expect(restored).toEqual(backup);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
  });
});
