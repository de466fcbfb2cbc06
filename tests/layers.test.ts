// The layer rule (docs/architecture.md, decision 033): ESLint refuses an import that runs upward,
// and lets the downward one through. Linted as text under a path in each folder, with the
// project's own eslint.config.js.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports");
}

describe("layer rule", () => {
  it.each([
    ["app/utils/probe.server.ts", 'import { getUser } from "~/models/user.server";\nexport const x = getUser;\n'],
    ["app/utils/probe.server.ts", 'import { requireUser } from "../guards/auth.server";\nexport const x = requireUser;\n'],
    ["app/lib/probe.ts", 'import { env } from "~/utils/env.server";\nexport const x = env;\n'],
    ["app/models/probe.server.ts", 'import { requireUser } from "~/guards/auth.server";\nexport const x = requireUser;\n'],
    [
      "app/models/probe.server.ts",
      'import { startBackground } from "~/services/background.server";\nexport const x = startBackground;\n',
    ],
    ["app/routes/probe.tsx", 'import { prisma } from "~/utils/db.server";\nexport const x = prisma;\n'],
    ["app/services/probe.server.ts", 'import { prisma } from "~/utils/db.server";\nexport const x = prisma;\n'],
    ["app/components/probe.tsx", 'import { getUser } from "~/models/user.server";\nexport const x = getUser;\n'],
  ])("refuses an upward import in %s", async (file, code) => {
    const messages = await restricted(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain("docs/architecture.md");
  });

  it.each([
    ["app/models/probe.server.ts", 'import { prisma } from "~/utils/db.server";\nexport const x = prisma;\n'],
    ["app/routes/probe.tsx", 'import { requireUser } from "~/guards/auth.server";\nexport const x = requireUser;\n'],
    ["app/components/probe.tsx", 'import type { getUser } from "~/models/user.server";\nexport type X = typeof getUser;\n'],
    ["app/services/probe.server.ts", 'import { getUser } from "~/models/user.server";\nexport const x = getUser;\n'],
  ])("lets a downward import through in %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
