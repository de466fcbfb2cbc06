-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN "voterHash" TEXT;

