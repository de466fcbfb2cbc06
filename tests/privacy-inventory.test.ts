// The personal data inventory (docs/privacy/inventory.md) names every column of the schema: a new
// column that the inventory does not list fails here, so nobody adds personal data unnoticed
// (issue 21, decision 037). Read from prisma/schema.prisma, like the authorisation matrix.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

/** "Model.column" for every stored column (relation fields, which are not columns, left out). */
export function schemaColumns(schema: string): string[] {
  const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map((m) => ({ name: m[1], body: m[2] }));
  const modelNames = new Set(models.map((m) => m.name));
  return models.flatMap(({ name, body }) =>
    body
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("//") && !line.startsWith("///") && !line.startsWith("@@"))
      .map((line) => line.split(/\s+/))
      .filter((parts) => parts.length >= 2 && !modelNames.has(parts[1].replace(/[?[\]]/g, "")))
      .map((parts) => `${name}.${parts[0]}`),
  );
}

export function unlisted(schema: string, inventory: string): string[] {
  return schemaColumns(schema).filter((c) => !inventory.includes(`\`${c}\``));
}

describe("personal data inventory", () => {
  const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
  const inventory = fs.readFileSync("docs/privacy/inventory.md", "utf8");

  it("lists every column of the schema", () => {
    expect(schemaColumns(schema).length).toBeGreaterThan(200);
    expect(unlisted(schema, inventory), "columns missing from docs/privacy/inventory.md").toEqual([]);
  });

  it("fails for a column the inventory does not list", () => {
    const grown = schema.replace("model Complaint {", "model Complaint {\n  residentName String?");
    expect(unlisted(grown, inventory)).toEqual(["Complaint.residentName"]);
  });

  it("describes the contact columns as personal, with a legal basis and a retention", () => {
    for (const c of [
      "Complaint.contact",
      "Subscription.email",
      "Subscription.phone",
      "Complaint.ipHash",
      "ComplaintPhoto.fileName",
    ]) {
      const row = inventory.split("\n").find((l) => l.startsWith(`| \`${c}\``));
      expect(row, c).toBeDefined();
      expect(row!.split("|").length).toBe(9);
    }
  });
});
