import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import { TenderStateCache } from '../audit/tender-state-cache';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { leaves } from '../criteria/domain';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { scoreCounts, scoreKeys } from '../scoring/score-queries';
import { criteriaForGroup } from '../scoring/domain/scoring-rules';
import { userByEmail, userById } from '../users/user-directory';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { AddPanelMemberDto } from './dto/add-panel-member.dto';
import {
  CreatedPanelMemberResponse,
  InvitationStatusResponse,
  MemberDeclarationResponse,
  PanelMemberDetailResponse,
  PanelMemberResponse,
} from './dto/panel.response';
import { PanelDirectory } from './panel-directory.service';
import { PanelInvitation } from './panel-invitation.entity';
import { PanelMember } from './panel-member.entity';
import {
  assertMayJoinPanel,
  assertMayLeavePanel,
  bidProgressOfCounts,
  memberProgress,
  type BidProgress,
} from './domain/panel-rules';

export interface ProgressGrid {
  /** The bids the panel scores (submitted, not disqualified), oldest submission first. */
  bids: { id: string; name: string }[];
  members: {
    id: string;
    /** The pseudonym of a lived-experience member, the name of a professional. */
    name: string;
    group: PanelMember['group'];
    declaredOnAllBids: boolean;
    cells: { bidId: string; progress: BidProgress }[];
  }[];
}

/** The tender team forms the panel: adds, lists (with declarations and progress) and removes members. */
@Injectable()
export class PanelService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
    private readonly stateCache: TenderStateCache,
  ) {}

  async add(caller: Caller, tenderId: string, dto: AddPanelMemberDto): Promise<CreatedPanelMemberResponse> {
    assertAddBody(dto);
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team', {
        // concurrent additions take turns on the tender row, so join orders (and with them
        // pseudonyms) are handed out one by one (SQLite's Db queue already serialises them)
        forUpdate: true,
      });
      assertMayJoinPanel(tender.status);
      const contact = dto.userId ? null : { name: dto.name!.trim(), email: dto.email!.trim().toLowerCase() };
      const { user, created } = contact
        ? await this.accountForEmail(em, caller, tenderId, contact)
        : await this.accountForId(em, dto.userId!);
      if (await em.getRepository(PanelMember).exist({ where: { tenderId, userId: user.id } }))
        throw alreadySeated(dto.userId ? 'userId' : 'email');
      const last = await em.getRepository(PanelMember).findOne({ where: { tenderId }, order: { joinOrder: 'DESC' } });
      const member = em.getRepository(PanelMember).create({
        id: newId(),
        tenderId,
        userId: user.id,
        group: dto.group,
        roleLabel: dto.role?.trim() ?? null,
        joinOrder: (last?.joinOrder ?? 0) + 1,
        joinedAt: this.clock.now(),
        addedById: caller.id,
        contactName: contact?.name ?? null,
        contactEmail: contact?.email ?? null,
        acceptedAt: null,
      });
      await em.getRepository(PanelMember).insert(member);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'panel_member.added',
        entityType: 'panel_member',
        entityId: member.id,
        tenderId,
        // Ids, group and seat only: lived-experience members are named by pseudonym on the record.
        after: {
          userId: user.id,
          group: member.group,
          role: member.roleLabel,
          joinOrder: member.joinOrder,
          accountCreated: created,
        },
      });
      const names = await this.directory.recordNames(em, tenderId);
      return { ...PanelMemberResponse.from(member, user, pseudonymOf(member, names)), accountCreated: created };
    });
  }

  async list(caller: Caller, tenderId: string): Promise<PanelMemberDetailResponse[]> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const members = await this.directory.members(em, tenderId);
      const names = await this.directory.recordNames(em, tenderId);
      const panelBids = await this.access.panelBids(em, tender);
      const counted = await this.directory.countedBids(em, tenderId);
      const bidderNames = new Map(counted.map((bid) => [bid.id, bid.bidderName]));
      const bidOrder = new Map(counted.map((bid, index) => [bid.id, index]));
      const declarations = await this.directory.declarations(em, tenderId);
      const scores = await scoreKeys(em, tenderId);
      const invitations = await em
        .getRepository(PanelInvitation)
        .find({ where: { tenderId }, order: { issuedAt: 'DESC', id: 'DESC' } });
      const scoredLeaves = leaves((await this.criteria.all(em, tenderId)).map(toFlat));
      const now = this.clock.now();
      return members.map((member) => {
        const own = declarations
          .filter((d) => d.panelMemberId === member.id)
          .sort((a, b) => (bidOrder.get(a.bidId) ?? 0) - (bidOrder.get(b.bidId) ?? 0));
        const latestInvitation = invitations.find((i) => i.panelMemberId === member.id) ?? null;
        return {
          ...PanelMemberResponse.from(member, member.user!, pseudonymOf(member, names)),
          invitation: latestInvitation ? InvitationStatusResponse.from(latestInvitation, now) : null,
          declarations: own.map((d) => MemberDeclarationResponse.from(d, bidderNames.get(d.bidId) ?? '')),
          progress: memberProgress({
            panelBidIds: panelBids.map((bid) => bid.id),
            declarations: own,
            criterionIds: criteriaForGroup(scoredLeaves, member.group).map((c) => c.id),
            scores: scores.filter((s) => s.panelMemberId === member.id),
          }),
        };
      });
    });
  }

  /**
   * The team's progress grid: every member × every panel bid, with what is done (never a
   * score value), and whether the member has declared on every bid. Lived-experience
   * members go by their pseudonym, as on every record. The same reads as `list`: a
   * constant number of statements whatever the number of bids and members.
   */
  async progressGrid(caller: Caller, tenderId: string): Promise<ProgressGrid> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const members = await this.directory.members(em, tenderId);
      const names = this.directory.namesOnRecord(members);
      const panelBids = await this.access.panelBids(em, tender);
      const declarations = await this.directory.declarations(em, tenderId);
      const scoredLeaves = leaves((await this.criteria.all(em, tenderId)).map(toFlat));
      const declared = new Map(declarations.map((d) => [`${d.panelMemberId}|${d.bidId}`, d]));
      const criteriaOf = new Map(members.map((member) => [member.group, criteriaForGroup(scoredLeaves, member.group)]));
      const groups = [...criteriaOf].map(([group, criteria]) => ({
        memberIds: members.filter((member) => member.group === group).map((member) => member.id),
        criterionIds: criteria.map((c) => c.id),
      }));
      // Counting every score of a large tender takes longer than the page may: the counts are
      // reused while the tender's audit chain head is unchanged (every score saved, submitted or
      // entered for a member writes its audit row in the same transaction).
      const counts = await this.stateCache.read(em, tenderId, JSON.stringify(['progress', groups]), () =>
        scoreCounts(em, groups),
      );
      const countOf = new Map<string, { saved: number; submitted: number }>();
      for (const row of counts) {
        const key = `${row.panelMemberId}|${row.bidId}`;
        const entry = countOf.get(key) ?? { saved: 0, submitted: 0 };
        entry.saved += row.count;
        if (row.status === 'submitted') entry.submitted += row.count;
        countOf.set(key, entry);
      }
      return {
        bids: panelBids.map((bid) => ({ id: bid.id, name: bid.bidderName })),
        members: members.map((member) => {
          const criteria = criteriaOf.get(member.group)!.length;
          return {
            id: member.id,
            name: names.get(member.id) ?? '',
            group: member.group,
            declaredOnAllBids: panelBids.every((bid) => declared.has(`${member.id}|${bid.id}`)),
            cells: panelBids.map((bid) => ({
              bidId: bid.id,
              progress: bidProgressOfCounts({
                conflict: declared.get(`${member.id}|${bid.id}`)?.conflict ?? false,
                criteria,
                ...(countOf.get(`${member.id}|${bid.id}`) ?? { saved: 0, submitted: 0 }),
              }),
            })),
          };
        }),
      };
    });
  }

  async remove(caller: Caller, tenderId: string, memberId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const member = await em.getRepository(PanelMember).findOne({ where: { id: memberId, tenderId } });
      if (!member) throw new DomainError('not_found', 'Panel member not found on this tender.');
      assertMayLeavePanel(tender.status);
      await em.getRepository(PanelMember).delete({ id: member.id });
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'panel_member.removed',
        entityType: 'panel_member',
        entityId: member.id,
        tenderId,
        before: { userId: member.userId, group: member.group, role: member.roleLabel, joinOrder: member.joinOrder },
      });
    });
  }

  /** Named by id: an active panelist account, else one answer whatever the id is (unknown, another role, deactivated). */
  private async accountForId(em: EntityManager, userId: string): Promise<{ user: User; created: boolean }> {
    const user = await userById(em, userId);
    if (!user || user.role !== 'panelist' || !user.active) {
      throw new DomainError(
        'rule_violation',
        'There is no active panelist account with this userId. Check the id, or add the person by name and email.',
        {
          errors: [{ field: 'userId', message: 'Give the id of an active panelist account.' }],
        },
      );
    }
    return { user, created: false };
  }

  /**
   * Added by email, the answer must not say whether an account has that address or what
   * role it has. An active panelist account with a password takes the seat (the person signs
   * in with that password, and is shown as the team typed them until they do). Every other
   * case — no account, a lay panelist's account, an account of another role, a deactivated
   * one — gets the same thing: a new panelist account without a password for this seat only,
   * reached by its invitation. That account's address is a placeholder (`seatAccountEmail`):
   * the typed address stays on the seat, so no account is ever linked or revealed, not even
   * to someone who redeems the seat's link and reads the session's user.
   */
  private async accountForEmail(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    contact: { name: string; email: string },
  ): Promise<{ user: User; created: boolean }> {
    const onThisPanel = await em
      .getRepository(PanelMember)
      .createQueryBuilder('member')
      .innerJoin('member.user', 'user')
      .where('member.tenderId = :tenderId', { tenderId })
      .andWhere('(member.contactEmail = :email OR user.email = :email)', { email: contact.email })
      .getExists();
    if (onThisPanel) throw alreadySeated('email');
    const existing = await userByEmail(em, contact.email);
    if (existing && existing.role === 'panelist' && existing.active && existing.passwordHash !== null)
      return { user: existing, created: false };
    const user = await this.users.createInTransaction(em, caller.id, {
      email: seatAccountEmail(newId()),
      name: contact.name,
      role: 'panelist',
    });
    return { user, created: true };
  }
}

/**
 * The address of a lay account made for one seat: unique, never deliverable (`.invalid`,
 * RFC 2606), never used to sign in (the account has no password). The person's real
 * address is the seat's `contactEmail`.
 */
export const seatAccountEmail = (id: string): string => `seat-${id}@panel.invalid`;

/** Either `userId`, or `email` with `name`: checked before anything is looked up, so the answer says nothing about accounts. */
function assertAddBody(dto: AddPanelMemberDto): void {
  const problem = dto.userId
    ? dto.email !== undefined || dto.name !== undefined
      ? { field: 'userId', message: 'Give userId alone, without name or email.' }
      : null
    : dto.email === undefined
      ? { field: 'email', message: 'Give the email address of the person to add (or the userId of a panelist account).' }
      : dto.name === undefined
        ? { field: 'name', message: "Give the person's name as well as their email address." }
        : null;
  if (problem) {
    throw new DomainError(
      'validation',
      'Give either userId (a panelist account), or the name and email address of the person to add.',
      {
        errors: [problem],
      },
    );
  }
}

const alreadySeated = (field: string): DomainError =>
  new DomainError('invalid_state', "This person is already on this tender's panel.", {
    errors: [{ field, message: 'Already a member of this panel.' }],
  });

function pseudonymOf(member: PanelMember, names: Map<string, string>): string | null {
  return member.group === 'lived_experience' ? (names.get(member.id) ?? null) : null;
}
