import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import type { PanelMember } from '../panel/panel-member.entity';
import type { Tender } from '../tenders/tender.entity';
import { assertMayDelete, changedFields, mayEmail, needsMarker, needsToStore } from './domain/needs-rules';
import type { DeleteNeedsDto, RecordNeedsDto } from './dto/record-needs.dto';
import type { NeedsResponse } from './dto/needs.response';
import { MemberNeeds } from './member-needs.entity';
import { contentOf } from './needs-directory';

/** How the caller stands to one member's needs: the tender team, or the member themselves. */
type NeedsActor = 'team' | 'member';

/**
 * Communication and support needs (issue 17 part 1): the tender team and the member
 * themselves read and record them (with the member's consent), and delete them on the
 * member's request once the tender is decided, keeping a tombstone. Every change is audited
 * by field name only: the content never goes into the audit trail.
 */
@Injectable()
export class NeedsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly panel: PanelDirectory,
  ) {}

  get(caller: Caller, tenderId: string, memberId: string): Promise<NeedsResponse> {
    return this.db.read(async (em) => {
      const { member, names } = await this.reach(em, caller, tenderId, memberId);
      return toResponse(member, names, await rowOf(em, member.id));
    });
  }

  /** Every member's needs, for the team (the panel, the progress grid, the moderation meeting). */
  list(caller: Caller, tenderId: string): Promise<NeedsResponse[]> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      const members = await this.panel.members(em, tenderId);
      const names = this.panel.namesOnRecord(members);
      const rows = new Map((await em.getRepository(MemberNeeds).find({ where: { tenderId } })).map((r) => [r.panelMemberId, r]));
      return members.map((member) => toResponse(member, names, rows.get(member.id) ?? null));
    });
  }

  record(caller: Caller, tenderId: string, memberId: string, dto: RecordNeedsDto): Promise<NeedsResponse> {
    return this.db.transaction(async (em) => {
      const { member, names, actor } = await this.reach(em, caller, tenderId, memberId);
      const content = needsToStore(dto);
      const existing = await rowOf(em, member.id);
      if (existing?.deletedAt)
        throw new DomainError(
          'invalid_state',
          'These needs were deleted at the member’s request, so they cannot be recorded again.',
        );
      const before = contentOf(existing);
      const now = this.clock.now();
      const row = em.getRepository(MemberNeeds).create({
        ...(existing ?? { id: newId(), tenderId, panelMemberId: member.id }),
        formats: content.formats,
        language: content.language,
        contactMethods: content.contactMethods,
        supportName: content.supportPerson?.name ?? null,
        supportRelationship: content.supportPerson ? content.supportPerson.relationship || null : null,
        supportContact: content.supportPerson?.contact ?? null,
        meetingNeeds: content.meetingNeeds,
        consentGiven: true,
        consentRecordedById: caller.id,
        consentRecordedAt: now,
        updatedById: caller.id,
        updatedAt: now,
        deletedAt: null,
        deletedById: null,
        deletionRequestedBy: null,
      });
      await em.getRepository(MemberNeeds).save(row);
      await this.audit.record(em, {
        actorId: caller.id,
        action: existing ? 'member_needs.changed' : 'member_needs.recorded',
        entityType: 'member_needs',
        entityId: row.id,
        tenderId,
        // Field names only: the needs themselves are sensitive and never enter the trail.
        after: { panelMemberId: member.id, fields: changedFields(before, content), consent: true, recordedBy: actor },
      });
      return toResponse(member, names, row);
    });
  }

  remove(caller: Caller, tenderId: string, memberId: string, dto: DeleteNeedsDto): Promise<NeedsResponse> {
    return this.db.transaction(async (em) => {
      const { tender, member, names, actor } = await this.reach(em, caller, tenderId, memberId);
      const existing = await rowOf(em, member.id);
      if (!existing) throw new DomainError('not_found', 'No needs are recorded for this member.');
      if (existing.deletedAt) throw new DomainError('invalid_state', 'These needs were already deleted.');
      assertMayDelete(tender.status);
      const now = this.clock.now();
      const tombstone = em.getRepository(MemberNeeds).merge(existing, {
        formats: null,
        language: null,
        contactMethods: null,
        supportName: null,
        supportRelationship: null,
        supportContact: null,
        meetingNeeds: null,
        deletedAt: now,
        deletedById: caller.id,
        deletionRequestedBy: dto.requestedBy,
        updatedById: caller.id,
        updatedAt: now,
      });
      await em.getRepository(MemberNeeds).save(tombstone);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'member_needs.deleted',
        entityType: 'member_needs',
        entityId: existing.id,
        tenderId,
        after: { panelMemberId: member.id, requestedBy: dto.requestedBy, deletedBy: actor },
      });
      return toResponse(member, names, tombstone);
    });
  }

  /** The caller's own seat on the tender's panel (for their panel pages): 404/403 as for any panel action. */
  ownMemberId(caller: Caller, tenderId: string): Promise<string> {
    return this.db.read(async (em) => (await this.access.requirePanelMember(em, caller, tenderId)).member.id);
  }

  /** Member id → the short marker for the progress grid ("needs: large print, via support worker"). */
  async markers(caller: Caller, tenderId: string): Promise<Map<string, string>> {
    const all = await this.list(caller, tenderId);
    const markers = new Map<string, string>();
    for (const needs of all) {
      const marker = needsMarker(needs.state === 'recorded' ? needs : null);
      if (marker) markers.set(needs.memberId, marker);
    }
    return markers;
  }

  /** For the moderation meeting: members with access needs or a marker, by their name on the record. */
  async forMeeting(
    caller: Caller,
    tenderId: string,
  ): Promise<{ memberName: string; meetingNeeds: string | null; marker: string | null }[]> {
    return (await this.list(caller, tenderId))
      .filter((needs) => needs.state === 'recorded')
      .map((needs) => ({ memberName: needs.memberName, meetingNeeds: needs.meetingNeeds, marker: needsMarker(needs) }))
      .filter((needs) => needs.meetingNeeds !== null || needs.marker !== null);
  }

  /**
   * The caller's standing to one member's needs: the team (any member of its tender), the
   * member themselves; another panel member gets 404 (the seat does not exist for them),
   * a bidder who sees the tender 403, anyone else 404.
   */
  private async reach(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    memberId: string,
  ): Promise<{ tender: Tender; member: PanelMember; names: Map<string, string>; actor: NeedsActor }> {
    const { tender, relation } = await this.access.require(em, caller, tenderId, 'view');
    let actor: NeedsActor;
    if (relation.teamRole !== null) actor = 'team';
    else if (relation.panelMemberId !== null) {
      if (relation.panelMemberId !== memberId) throw memberNotFound();
      actor = 'member';
    } else throw new DomainError('forbidden', 'Only the tender team, or the member themselves, can see or change these needs.');
    const members = await this.panel.members(em, tenderId);
    const member = members.find((m) => m.id === memberId);
    if (!member) throw memberNotFound();
    return { tender, member, names: this.panel.namesOnRecord(members), actor };
  }
}

function memberNotFound(): DomainError {
  return new DomainError('not_found', 'Panel member not found on this tender.');
}

function rowOf(em: EntityManager, panelMemberId: string): Promise<MemberNeeds | null> {
  return em.getRepository(MemberNeeds).findOne({ where: { panelMemberId } });
}

function toResponse(member: PanelMember, names: Map<string, string>, row: MemberNeeds | null): NeedsResponse {
  const content = contentOf(row);
  return {
    memberId: member.id,
    memberName: names.get(member.id) ?? '',
    state: !row ? 'not_recorded' : row.deletedAt ? 'deleted' : 'recorded',
    formats: content?.formats ?? [],
    language: content?.language ?? null,
    contactMethods: content?.contactMethods ?? [],
    mayEmail: mayEmail(content),
    supportPerson: content?.supportPerson ?? null,
    meetingNeeds: content?.meetingNeeds ?? null,
    consent:
      row && !row.deletedAt
        ? { agreed: true, recordedById: row.consentRecordedById, recordedAt: row.consentRecordedAt.toISOString() }
        : null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    deletion:
      row?.deletedAt && row.deletedById && row.deletionRequestedBy
        ? { deletedAt: row.deletedAt.toISOString(), deletedById: row.deletedById, requestedBy: row.deletionRequestedBy }
        : null,
  };
}
