// Limits of the survey form, shared by the form (maxLength) and its server-side schema.
export const COMMENT_MAX = 1000;
export const VILLAGE_MAX = 100;
