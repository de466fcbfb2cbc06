// How a refused staff-account save is answered, for the create and edit forms alike.
import type { SaveStaffUserResult } from "~/models/user.server";
import { fieldErrors, formError } from "~/forms/form.server";

const MESSAGES = {
  emailTaken: "errors.emailTaken",
  unknownCommune: "errors.invalid",
  communesRequired: "errors.communesRequired",
} as const;

export function staffUserFailure(failure: Extract<SaveStaffUserResult, { ok: false }>, values: Record<string, string>) {
  if (failure.reason === "selfLockout" || failure.field === null) return formError(failure.reason, values, 400);
  return fieldErrors({ [failure.field]: MESSAGES[failure.reason] }, values);
}
