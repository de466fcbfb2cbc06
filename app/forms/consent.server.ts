// The consent box next to a resident's contact fields (report form, "me too"): an unticked
// checkbox of its own; ticked it sends "on". Absent means no consent (decision 037).
import { z } from "~/forms/validation.server";

export function consentField() {
  return {
    consent: z
      .literal("on")
      .optional()
      .transform((v) => v === "on"),
  };
}
