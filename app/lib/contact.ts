// A resident's contact for news about a report: what counts as an e-mail address and as a phone
// number, and their stored form. One home for the rule: the report form, the "me too" form and
// Open311 validate with it, the outbox stores what it returns.

export const EMAIL_MAX = 100;
export const PHONE_MAX = 30;

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function isEmail(email: string): boolean {
  return email.length <= EMAIL_MAX && EMAIL.test(email);
}

/** Lower-cased, trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits with a leading 0 (Vietnamese numbers; +84 is folded), or null when it is not one. */
export function normalisePhone(phone: string): string | null {
  const digits = phone.replace(/[\s.()-]/g, "");
  const local = digits.replace(/^\+?84/, "0");
  return /^0\d{9}$/.test(local) ? local : null;
}
