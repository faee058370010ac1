import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain/domain-error';
import type { PanelMember } from '../panel/panel-member.entity';
import { seatContact } from '../panel/domain/panel-rules';
import type { Tender } from '../tenders/tender.entity';
import { userById } from '../users/user-directory';
import type { LetterContact } from './domain/invitation-letter';

/*
 * What letters and packs read about a tender beyond the tender row: who is buying and who to
 * call. The same answers as the panel pages (HelpDirectory): the buying organisation is the
 * tender owner's organisation, and the contact is the tender's own (contactName, contactEmail,
 * contactPhone). A tender without a contact falls back on its owner's name and email, so a
 * printed letter always names someone to call.
 */

export interface TenderPeople {
  organisation: string | null;
  contact: LetterContact;
}

export async function tenderPeople(em: EntityManager, tender: Tender): Promise<TenderPeople> {
  const owner = await userById(em, tender.ownerId, { organisation: true });
  const hasOwn = tender.contactName !== null || tender.contactEmail !== null || tender.contactPhone !== null;
  return {
    organisation: owner?.organisation?.name ?? null,
    contact: hasOwn
      ? { name: tender.contactName, email: tender.contactEmail, phone: tender.contactPhone }
      : { name: owner?.name ?? null, email: owner?.email ?? null, phone: null },
  };
}

/** The member of this tender, with the name the team knows them by (404 otherwise). */
export function memberNamed(members: readonly PanelMember[], memberId: string): { member: PanelMember; name: string } {
  const member = members.find((candidate) => candidate.id === memberId);
  if (!member || !member.user) throw new DomainError('not_found', 'Panel member not found on this tender.');
  return { member, name: seatContact(member, member.user).name };
}

export { dayInWords } from '../common/domain/time-in-words';

/** A tender reference as part of a file name: letters, digits and dashes only. */
export function safeName(reference: string): string {
  return reference.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60) || 'tender';
}
