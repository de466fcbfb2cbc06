// The insider attempts of issue 26 (decision 036), each made through HTTP against a running server
// with the demo data, as the demo Fatherland Front account (and, for settings, the demo
// administrator): what one account alone can still do to a commune's figures. Every field counts
// what got through; 0 is the goal.
import Database from "better-sqlite3";

const DEMO_PASSWORD = "demo-password-2026";
const KEYS = ["roads", "environment", "water", "security", "overall"] as const;

export async function insiderAttempts(base: string, databaseFile: string) {
  const { deriveCodes, demoBatchSeed } = await import("../../app/utils/ballot-crypto.server");
  const { formatCode } = await import("../../app/lib/ballot-code");
  const db = new Database(databaseFile, { readonly: true });
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const commune = (slug: string) => one<{ id: number }>("SELECT id FROM Commune WHERE slug = ?", slug).id;
  const round = (name: string) => one<{ id: number }>("SELECT id FROM SurveyRound WHERE name LIKE ?", name).id;
  const count = (sql: string, ...args: unknown[]) => one<{ n: number }>(sql, ...args).n;

  async function signIn(email: string) {
    const res = await fetch(`${base}/staff/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    if (res.status !== 303 || !cookie) throw new Error(`sign-in of ${email} failed: ${res.status}`);
    return cookie;
  }
  const post = async (cookie: string, url: string, body: Record<string, string | string[]>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) for (const x of ([] as string[]).concat(v)) params.append(k, x);
    const res = await fetch(`${base}${url}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie },
      body: params,
    });
    await res.arrayBuffer();
    return res.status;
  };
  const page = async (cookie: string, url: string) => (await fetch(`${base}${url}`, { headers: { cookie } })).text();
  const grid = (codes: (string | null)[], score: string) =>
    Object.assign(
      {},
      ...codes.map((code, row) => ({
        ...(code ? { [`b${row}_code`]: formatCode(code) } : {}),
        ...Object.fromEntries(KEYS.map((k) => [`b${row}_${k}`, score])),
      })),
    ) as Record<string, string>;
  const vnToday = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const inDays = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

  const front = await signIn("mttq-vinhbao@demo.ntm.local");
  const frontCamGiang = await signIn("mttq-camgiang@demo.ntm.local");
  const admin = await signIn("admin@demo.ntm.local");
  const vinhBao = commune("vinh-bao");
  const tienLang = commune("tien-lang");
  const camGiang = commune("cam-giang");
  const openRound = round("%nâng cao 2026 (demo)");
  const closedRound = round("%Cẩm Giàng (demo, đã kết thúc)");
  const out: Record<string, number> = {};

  // 1. A round for Tiên Lãng that started in 2024 (the 2024-Q1), and one typed with a million households.
  const rounds0 = count("SELECT COUNT(*) AS n FROM SurveyRound");
  await post(front, "/staff/rounds", {
    name: "Lùi ngày",
    purpose: "routine",
    startsOn: "2024-01-01",
    endsOn: "2024-03-31",
    communes: String(tienLang),
  });
  out.backdatedRoundAccepted = count(
    "SELECT COUNT(*) AS n FROM SurveyRound WHERE startsAt < ?",
    new Date(`${vnToday}T00:00:00+07:00`).getTime(),
  );
  const typed = await post(front, "/staff/rounds", {
    name: "Một triệu hộ",
    purpose: "routine",
    startsOn: inDays(100),
    endsOn: inDays(110),
    communes: String(vinhBao),
    [`households_${vinhBao}`]: "1000000",
  });
  // 2. More codes than the register's households: a village over its households, a village not in the register.
  const over = await post(front, `/staff/rounds/${openRound}`, {
    intent: "batch",
    communeId: String(vinhBao),
    village: "Thôn Bắc",
    count: "561",
  });
  const ghost = await post(front, `/staff/rounds/${openRound}`, {
    intent: "batch",
    communeId: String(vinhBao),
    village: "Thôn Ma",
    count: "20",
  });
  out.householdsOverRegisterAccepted =
    count("SELECT COUNT(*) AS n FROM RoundCommune WHERE households > 100000") + [over, ghost].filter((s) => s === 303).length;
  void typed;
  void rounds0;

  // 3. Five grids of 20 uncoded paper ballots, all rated 1, into the open demo round for Vĩnh Bảo.
  const paper0 = count("SELECT COUNT(*) AS n FROM Response WHERE channel = 'paper'");
  for (let g = 0; g < 5; g++)
    await post(front, `/staff/rounds/${openRound}`, { communeId: String(vinhBao), ...grid(Array(20).fill(null), "1") });
  out.uncodedPaperBallotsCounted = count("SELECT COUNT(*) AS n FROM Response WHERE channel = 'paper'") - paper0;

  // 4. The closed Cẩm Giàng round: a re-check drawn, outcomes all "denied", then rewritten all
  // "confirmed" without a reason. Counted: outcomes changed by a request with no reason.
  await post(frontCamGiang, `/staff/rounds/${closedRound}/integrity/${camGiang}`, { intent: "draw" });
  const recheck = one<{ id: number } | undefined>(
    "SELECT id FROM Recheck WHERE roundId = ? AND communeId = ?",
    closedRound,
    camGiang,
  );
  let rewritten = 0;
  if (recheck) {
    const items = db.prepare("SELECT id FROM RecheckItem WHERE recheckId = ?").all(recheck.id) as { id: number }[];
    const all = (o: string) => Object.fromEntries(items.map((i) => [`o_${i.id}`, o]));
    await post(frontCamGiang, `/staff/rounds/${closedRound}/integrity/${camGiang}`, {
      intent: "record",
      recheckId: String(recheck.id),
      ...all("denied"),
    });
    await post(frontCamGiang, `/staff/rounds/${closedRound}/integrity/${camGiang}`, {
      intent: "record",
      recheckId: String(recheck.id),
      ...all("confirmed"),
    });
    rewritten = count("SELECT COUNT(*) AS n FROM RecheckItem WHERE recheckId = ? AND outcome = 'confirmed'", recheck.id);
  }
  out.recheckChangedWithoutTrail = rewritten;

  // 5. Once the closed round's results show: a batch made and sealed after the close, and three
  // paper ballots with the batch's unused demo codes. Counted: what got in while results showed.
  const shown = !(await page(frontCamGiang, `/staff/rounds/${closedRound}`)).includes('data-testid="results-hidden"');
  const answers0 = count("SELECT COUNT(*) AS n FROM Response WHERE roundId = ?", closedRound);
  const batches0 = count("SELECT COUNT(*) AS n FROM BallotBatch WHERE roundId = ?", closedRound);
  await post(frontCamGiang, `/staff/rounds/${closedRound}`, {
    intent: "batch",
    communeId: String(camGiang),
    village: "Thôn Nam",
    count: "3",
  });
  const unused = deriveCodes(demoBatchSeed("cam-giang", "Thôn Bắc (đợt đã kết thúc)"), 60).slice(50, 53);
  await post(frontCamGiang, `/staff/rounds/${closedRound}`, { communeId: String(camGiang), ...grid(unused, "5") });
  const added =
    count("SELECT COUNT(*) AS n FROM Response WHERE roundId = ?", closedRound) -
    answers0 +
    count("SELECT COUNT(*) AS n FROM BallotBatch WHERE roundId = ?", closedRound) -
    batches0;
  out.ballotsAfterResultsShown = shown ? added : 0;

  // 6. Integrity thresholds all set to 100 and a password reset by the administrator: changes with no audit event.
  const audit0 = count("SELECT COUNT(*) AS n FROM AuditEvent WHERE action IN ('settings_changed', 'user_changed')");
  const settings = Object.fromEntries(
    [
      "topAddressShare",
      "identicalShare",
      "straightShare",
      "fastShare",
      "openVerifiedGap",
      "villageUseShare",
      "recheckMargin",
      "deniedShare",
    ].map((k) => [k, "100"]),
  );
  const s1 = await post(admin, "/staff/settings/integrity", { intent: "integrity", ...settings });
  const official = one<{ id: number }>("SELECT id FROM User WHERE email = 'camgiang@demo.ntm.local'").id;
  const s2 = await post(admin, `/staff/users/${official}`, { intent: "password", password: "a temporary password 2026" });
  const changes = [s1, s2].filter((s) => s === 303).length;
  const audited = count("SELECT COUNT(*) AS n FROM AuditEvent WHERE action IN ('settings_changed', 'user_changed')") - audit0;
  out.settingsChangedWithoutAudit = Math.max(0, changes - audited);
  db.close();
  return out;
}
