import type { WebTestApp } from './browser';
import { type TenderWorld, panelTenderInEvaluation, type PanelGroup, type PanelWorld } from '../steps';

export interface Invited {
  memberId: string;
  userId: string;
  token: string;
  link: string;
}

/** The buying organisation of the scoring worlds: the commissioner's organisation, shown in every panel page's header. */
export const BUYER = 'London Borough of Camden';

/**
 * A panel tender in evaluation (bids from Mind in Camden and Certitude) bought by BUYER, with the team's contact;
 * `beforeClose` runs while it still takes bids (questions, say).
 */
export async function scoringWorld(
  t: WebTestApp,
  options: { tender?: Record<string, unknown>; beforeClose?: (world: TenderWorld) => Promise<void> } = {},
): Promise<PanelWorld> {
  const world = await panelTenderInEvaluation(t, { ...options, buyer: BUYER });
  const contact = await t
    .http()
    .patch(`/api/tenders/${world.tenderId}`)
    .set(world.commissioner.auth)
    .send({ contactName: 'Sam Okoye', contactEmail: 'commissioning@camden.example', contactPhone: '020 7974 4444' });
  if (contact.status !== 200) throw new Error(`contact failed: ${contact.status} ${JSON.stringify(contact.body)}`);
  return world;
}

let counter = 0;

/** Adds a person by name and email (no password) and issues their link, unused. */
export async function invite(t: WebTestApp, world: TenderWorld, group: PanelGroup = 'lived_experience'): Promise<Invited> {
  counter += 1;
  const added = await t
    .http()
    .post(`/api/tenders/${world.tenderId}/panel`)
    .set(world.commissioner.auth)
    .send({ name: `Panel member ${counter}`, email: `web-member-${counter}-${Date.now()}@example.org`, group });
  if (added.status !== 201) throw new Error(`add failed: ${added.status} ${JSON.stringify(added.body)}`);
  return reissue(t, world, added.body.id as string, added.body.userId as string);
}

/** The team issues (or re-issues) the member's link. */
export async function reissue(t: WebTestApp, world: TenderWorld, memberId: string, userId: string): Promise<Invited> {
  const issued = await t.http().post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`).set(world.commissioner.auth);
  if (issued.status !== 201) throw new Error(`invitation failed: ${issued.status} ${JSON.stringify(issued.body)}`);
  const token = issued.body.token as string;
  return { memberId, userId, token, link: `${t.baseUrl}/invitation/${token}` };
}
