import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { newId } from '../common/ids';
import { leaves } from '../criteria/criteria-tree';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { IndividualScore } from '../scoring/individual-score.entity';
import { criteriaForGroup } from '../scoring/scoring-rules';
import { User } from '../users/user.entity';
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
import { assertMayJoinPanel, assertMayLeavePanel, memberProgress } from './panel-rules';

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
  ) {}

  async add(caller: Caller, tenderId: string, dto: AddPanelMemberDto): Promise<CreatedPanelMemberResponse> {
    if (dto.userId ? dto.email !== undefined || dto.name !== undefined : dto.email === undefined) {
      throw new DomainError(
        'validation',
        'Give either userId (an existing panelist account) or email (and name, for a new account).',
        {
          errors: [
            {
              field: dto.userId ? 'userId' : 'email',
              message: dto.userId ? 'Give userId alone, without name or email.' : 'Give the userId of an account, or an email address.',
            },
          ],
        },
      );
    }
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team', {
        // concurrent additions take turns on the tender row, so join orders (and with them
        // pseudonyms) are handed out one by one (SQLite's Db queue already serialises them)
        forUpdate: true,
      });
      assertMayJoinPanel(tender.status);
      const { user, created } = await this.accountFor(em, caller, dto);
      if (await em.getRepository(PanelMember).exist({ where: { tenderId, userId: user.id } })) {
        throw new DomainError('invalid_state', `${user.name} is already on this tender's panel.`, {
          errors: [{ field: dto.userId ? 'userId' : 'email', message: 'This person is already on the panel.' }],
        });
      }
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
      const scores = await em.getRepository(IndividualScore).find({
        where: { tenderId },
        select: { panelMemberId: true, bidId: true, criterionId: true, status: true },
      });
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

  /** The existing panelist account, or a new one without a password (signs in by invitation). */
  private async accountFor(em: EntityManager, caller: Caller, dto: AddPanelMemberDto): Promise<{ user: User; created: boolean }> {
    const field = dto.userId ? 'userId' : 'email';
    const existing = dto.userId
      ? await em.getRepository(User).findOne({ where: { id: dto.userId } })
      : await em.getRepository(User).findOne({ where: { email: dto.email!.trim().toLowerCase() } });
    if (!existing) {
      if (dto.userId) {
        throw new DomainError('rule_violation', 'There is no account with this userId.', {
          errors: [{ field, message: 'There is no account with this id: check it.' }],
        });
      }
      if (!dto.name) {
        throw new DomainError(
          'rule_violation',
          'No account has this email address yet: give a name too, and a panelist account will be created.',
          {
            errors: [{ field: 'name', message: 'Give the person\'s name, so that a panelist account can be created.' }],
          },
        );
      }
      const user = await this.users.createInTransaction(em, caller.id, { email: dto.email!, name: dto.name, role: 'panelist' });
      return { user, created: true };
    }
    if (existing.role !== 'panelist') {
      throw new DomainError(
        'rule_violation',
        `This is a ${existing.role} account; only panelist accounts sit on an evaluation panel.`,
        {
          errors: [{ field, message: `This is a ${existing.role} account: only panelist accounts sit on a panel.` }],
        },
      );
    }
    if (!existing.active) {
      throw new DomainError('rule_violation', 'This panelist account is deactivated.', {
        errors: [{ field, message: 'This panelist account is deactivated: reactivate it first.' }],
      });
    }
    return { user: existing, created: false };
  }
}

function pseudonymOf(member: PanelMember, names: Map<string, string>): string | null {
  return member.group === 'lived_experience' ? (names.get(member.id) ?? null) : null;
}
