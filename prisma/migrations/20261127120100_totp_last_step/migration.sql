-- AlterTable (additive: no rebuild of "User")
ALTER TABLE "User" ADD COLUMN "totpLastStep" INTEGER;
