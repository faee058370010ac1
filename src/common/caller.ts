export const ROLES = ['admin', 'commissioner', 'procurement', 'panelist', 'bidder'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One tender's panel seat. A session obtained by redeeming an invitation carries it: it
 * is good for that seat only, and every other tender answers 404 to it (`TenderAccess`).
 */
export interface PanelSeat {
  tenderId: string;
  panelMemberId: string;
}

/** The signed-in user as the rest of the code sees it. */
export interface Caller {
  id: string;
  role: Role;
  email: string;
  name: string;
  organisationId: string | null;
  /** Set for a session obtained by an invitation: the caller acts only in this seat. */
  seat?: { tenderId: string; panelMemberId: string };
}

/** The caller for an account (as read on each request); with `seat`, limited to that panel seat. */
export function callerFor(account: Omit<Caller, 'seat'>, seat?: PanelSeat): Caller {
  return {
    id: account.id,
    role: account.role,
    email: account.email,
    name: account.name,
    organisationId: account.organisationId,
    ...(seat ? { seat: { tenderId: seat.tenderId, panelMemberId: seat.panelMemberId } } : {}),
  };
}
