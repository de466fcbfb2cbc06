// npm run seed [-- --reset | --no-demo]
// Loads reference data (idempotent), then demo data when the database has no answers and no
// recognitions yet. --reset replaces the demo data (real rows stay); --no-demo never loads it.
// ADMIN_EMAIL and ADMIN_PASSWORD (both set) create the administrator or reset its password.
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { seedDemoBallots } from "./seed/ballots";
import { seedDemoRegister } from "./seed/register";
import { seedDemoIntegrity } from "./seed/integrity";
import { removeDemoData, seedDemoComplaints, seedDemoData } from "./seed/demo";
import { seedReferenceData } from "./seed/reference";
import { ensureAdmin, seedDemoStaff } from "./seed/staff";
import { removeDemoTriage, seedDemoTriage } from "./seed/triage";
import { removeDemoWorks, seedDemoWorks } from "./seed/works";
import { removeDemoNotices, seedDemoNotice } from "./seed/notices";

const args = new Set(process.argv.slice(2));

async function main() {
  const { communes } = await seedReferenceData();
  console.log(`Reference data: ${communes} communes, criteria, recognition levels.`);
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    console.log(`Administrator ${env.ADMIN_EMAIL}: ${await ensureAdmin(env.ADMIN_EMAIL, env.ADMIN_PASSWORD)}.`);
  }
  if (args.has("--no-demo")) return;
  const reset = args.has("--reset");
  if (reset) {
    await removeDemoNotices();
    await removeDemoData();
    await removeDemoWorks();
    await removeDemoTriage();
    console.log("Demo data removed.");
  }
  const [responses, recognitions] = await Promise.all([prisma.response.count(), prisma.recognition.count()]);
  // An explicit --reset always reloads the demo; otherwise only an empty database gets it.
  if (reset || (responses === 0 && recognitions === 0)) {
    const started = Date.now();
    const result = await seedDemoData();
    await seedDemoStaff();
    const { complaints } = await seedDemoComplaints();
    await seedDemoTriage();
    await seedDemoRegister();
    const ballots = await seedDemoBallots();
    await seedDemoIntegrity();
    const works = await seedDemoWorks();
    await seedDemoNotice();
    console.log(`Demo works: ${works.works} model-NTM works in ${works.communes} communes.`);
    console.log(`Demo household ballots: an open round with codes required, ${ballots.codes} sealed demo codes.`);
    console.log(
      `Demo data: ${result.recognitions} recognition decisions, ${result.responses} answers, ${complaints} complaints, demo staff accounts (${Date.now() - started} ms).`,
    );
  } else {
    console.log(`Database already has data (${responses} answers, ${recognitions} recognitions): demo data not loaded.`);
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
