// Columns that every read model of a report shares. Each read model (staff, unit, public API,
// similar reports) still names what else it may show: the contact, internal events and photos not
// yet approved differ on purpose between them and stay with each.
import type { Prisma } from "~/generated/prisma/client";

/** What the resident reported and where: the text (and its redacted public version) and the place. */
export const reportedSelect = {
  text: true,
  publicText: true,
  village: true,
  latitude: true,
  longitude: true,
} satisfies Prisma.ComplaintSelect;

/** What the timeline (components/complaint-timeline.tsx) shows of every event; staff reads add the author. */
export const timelineEventSelect = {
  id: true,
  kind: true,
  fromStatus: true,
  toStatus: true,
  body: true,
  createdAt: true,
} satisfies Prisma.ComplaintEventSelect;

/** A report as a line of a list (the commune inbox, a unit's inbox): what it is, where it stands, when it is due. */
export const listedSelect = {
  id: true,
  code: true,
  category: true,
  text: true,
  status: true,
  urgency: true,
  dueAt: true,
} satisfies Prisma.ComplaintSelect;
