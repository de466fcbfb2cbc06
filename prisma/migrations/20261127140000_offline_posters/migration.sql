-- AlterTable
ALTER TABLE "Commune" ADD COLUMN "phone" TEXT;

-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN "submissionId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_submissionId_key" ON "Complaint"("submissionId");

