-- Residents' comments on a dossier, newest first: a partial index over answers that have one
-- (about one answer in ten), so the page does not scan all of a commune's answers.
-- Partial indexes cannot be written in schema.prisma; this one lives here only.
CREATE INDEX "Response_comment_communeId_createdAt_idx" ON "Response"("communeId", "createdAt") WHERE "comment" IS NOT NULL;
