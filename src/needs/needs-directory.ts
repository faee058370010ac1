import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { mayEmail, needsMarker, type NeedsContent } from './domain/needs-rules';
import { MemberNeeds } from './member-needs.entity';

/** What other features may know of a member's needs (letters: large print; notifications: no email). */
export interface MemberNeedsSummary extends NeedsContent {
  mayEmail: boolean;
  /** "needs: large print, via support worker", for the team's lists; null when nothing shows. */
  marker: string | null;
}

/** The stored content of a row not deleted (null for a tombstone). */
export function contentOf(row: MemberNeeds | null): NeedsContent | null {
  if (!row || row.deletedAt !== null) return null;
  return {
    formats: row.formats ?? [],
    language: row.language,
    contactMethods: row.contactMethods ?? [],
    supportPerson: row.supportName
      ? { name: row.supportName, relationship: row.supportRelationship ?? '', contact: row.supportContact ?? '' }
      : null,
    meetingNeeds: row.meetingNeeds,
  };
}

/**
 * Reads recorded needs for the features that act on them: `needsOf` for a set of members,
 * one statement. A member without a record (or whose record was deleted) is absent from
 * the map: no restriction is known, so they may be emailed. Who may see the content is
 * the caller's concern (NeedsService for the API and pages): never export it with scores.
 */
@Injectable()
export class NeedsDirectory {
  async needsOf(em: EntityManager, tenderId: string, memberIds?: readonly string[]): Promise<Map<string, MemberNeedsSummary>> {
    if (memberIds?.length === 0) return new Map();
    const rows = await em.getRepository(MemberNeeds).find({
      where: { tenderId, deletedAt: IsNull(), ...(memberIds ? { panelMemberId: In([...memberIds]) } : {}) },
    });
    const needs = new Map<string, MemberNeedsSummary>();
    for (const row of rows) {
      const content = contentOf(row)!;
      needs.set(row.panelMemberId, { ...content, mayEmail: mayEmail(content), marker: needsMarker(content) });
    }
    return needs;
  }

  /** May this member be emailed? (For notifications: false only when their needs say "do not email".) */
  async mayEmail(em: EntityManager, tenderId: string, memberId: string): Promise<boolean> {
    return (await this.needsOf(em, tenderId, [memberId])).get(memberId)?.mayEmail ?? true;
  }
}
