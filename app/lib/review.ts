/** What a council member may say about a commune before a recognition decision (enum ReviewVerdict in prisma/schema.prisma). */
import { ReviewVerdict } from "~/generated/prisma/enums";

export { ReviewVerdict };
export const REVIEW_VERDICTS: readonly ReviewVerdict[] = Object.values(ReviewVerdict);
