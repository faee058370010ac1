export const ROLES = ['admin', 'commissioner', 'procurement', 'panelist', 'bidder'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as the rest of the code sees it. */
export interface Caller {
  id: string;
  role: Role;
  email: string;
  name: string;
  organisationId: string | null;
  /** Set for a session opened by a panel invitation: it reaches this one panel seat only. */
  seat?: { tenderId: string; panelMemberId: string };
}
