-- The supervision board's photos on an inspection (issue 22 point 5): JSON list of stored file names.
-- Written by hand: added in place (Prisma's diff rebuilds the table; decision: additive migrations only).
ALTER TABLE "WorkInspection" ADD COLUMN "photos" TEXT NOT NULL DEFAULT '[]';
