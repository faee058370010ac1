import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, type FindOptionsWhere, IsNull, MoreThan } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../sign-in/auth.service';
import type { SessionResponse } from '../sign-in/dto/session.response';
import { ThrottleService } from '../sign-in/throttle.service';
import type { Caller, PanelSeat } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import { assertNotFrozen } from '../tenders/domain/tender-lifecycle';
import { tenderOrFail } from '../tenders/tender-directory';
import { userById, userOrFail } from '../users/user-directory';
import type { User } from '../users/user.entity';
import type { InvitationResponse } from './dto/panel.response';
import {
  hashInvitationCode,
  hashInvitationToken,
  newInvitationCode,
  newInvitationToken,
  normaliseInvitationCode,
} from './domain/invitation-token';
import { InvitationHooks } from './invitation-hooks';
import { PanelInvitation } from './panel-invitation.entity';
import { PanelMember } from './panel-member.entity';
import { assertMayInvite, invitationExpiry } from './domain/panel-rules';
import { memberById } from './panel-directory.service';
import { acceptSeat } from './seat-acceptance';

/** What a person redeeming an invitation holds: the link's token, or the short code typed in. */
export interface InvitationCredential {
  token?: string;
  code?: string;
}

/** The account signed in and the one seat its session is good for. */
export interface RedeemedSeat {
  user: User;
  seat: PanelSeat;
}

/** The one answer to every failed redemption: it must not say whether a token (or code) ever existed. */
const INVALID_INVITATION = 'This invitation link is not valid. Ask the tender team for a new one.';
const INVALID_CODE = 'This invitation code is not valid. Check it and try again, or ask the tender team for a new one.';

/**
 * One-time sign-in links for panel members (people who use services rarely have, or
 * want, another password). The token is shown once and stored as a hash; issuing a new
 * link revokes the member's previous one; a link signs in once, within 14 days.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly throttle: ThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hooks: InvitationHooks,
  ) {}

  async issue(caller: Caller, tenderId: string, memberId: string): Promise<InvitationResponse> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const member = await this.memberOf(em, tenderId, memberId);
      assertMayInvite(tender.status);
      const user = await userOrFail(em, member.userId);
      if (!user.active)
        throw new DomainError('invalid_state', 'This panelist account is deactivated; reactivate it before inviting.');
      // A link signs in as the account: never hand one out for an account with a password
      // (a professional panelist, or anyone matched by email), or it becomes a key to it.
      if (user.passwordHash !== null) {
        throw new DomainError('invalid_state', 'This person signs in with their password; they do not need a link.');
      }
      const now = this.clock.now();
      const revoked = await this.revokeOpen(em, member.id, now);
      const { token, tokenHash } = newInvitationToken();
      const { code, codeHash } = newInvitationCode(this.config.jwtSecret);
      const invitation = em.getRepository(PanelInvitation).create({
        id: newId(),
        tenderId,
        panelMemberId: member.id,
        tokenHash,
        codeHash,
        issuedAt: now,
        issuedById: caller.id,
        expiresAt: invitationExpiry(now),
        usedAt: null,
        revokedAt: null,
      });
      await em.getRepository(PanelInvitation).insert(invitation);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'panel_invitation.issued',
        entityType: 'panel_invitation',
        entityId: invitation.id,
        tenderId,
        // Never the token or code (nor their hashes): the trail must not be a way in.
        after: { panelMemberId: member.id, expiresAt: invitation.expiresAt.toISOString(), revokedPrevious: revoked },
      });
      const url = `${this.config.publicUrl}/invitation/${token}`;
      await this.hooks.run(em, { tender, member, user, url, code, expiresAt: invitation.expiresAt });
      return {
        id: invitation.id,
        panelMemberId: member.id,
        token,
        url,
        code,
        expiresAt: invitation.expiresAt.toISOString(),
      };
    });
  }

  /** Revokes the member's open invitation; nothing to revoke is not an error (204 either way). */
  async revoke(caller: Caller, tenderId: string, memberId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const member = await this.memberOf(em, tenderId, memberId);
      assertMayInvite(tender.status);
      const revoked = await this.revokeOpen(em, member.id, this.clock.now());
      if (revoked === 0) return;
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'panel_invitation.revoked',
        entityType: 'panel_member',
        entityId: member.id,
        tenderId,
        after: { panelMemberId: member.id, revoked },
      });
    });
  }

  /**
   * Signs a panel member in with a one-time token (from the link) or its short code (typed:
   * case and separators ignored): the session is good for that seat only. Used, expired,
   * revoked and unknown tokens all get the same 401 (codes likewise); failures count against
   * the client address (429 after too many), successes never do. The conditional UPDATE …
   * WHERE usedAt IS NULL makes a token sign in at most once, even when two requests race
   * (PostgreSQL re-checks the condition after the first commit; SQLite runs them one after
   * the other). The web pages call this too.
   */
  async redeemSeat(credential: InvitationCredential, clientAddress: string): Promise<RedeemedSeat> {
    const byToken = typeof credential.token === 'string' && credential.token.trim() !== '';
    const byCode = typeof credential.code === 'string' && credential.code.trim() !== '';
    if (byToken === byCode) {
      const detail = byToken
        ? 'Give the token from the invitation link or the invitation code, not both.'
        : 'Give the token from the invitation link, or the invitation code.';
      throw new DomainError('validation', detail, { errors: [{ field: byToken ? 'code' : 'token', message: detail }] });
    }
    const key = `invitation:${clientAddress}`;
    await this.throttle.assertNotLocked(key);
    const plainCode = byCode ? normaliseInvitationCode(credential.code!) : null;
    const where: FindOptionsWhere<PanelInvitation> | null = byToken
      ? { tokenHash: hashInvitationToken(credential.token!) }
      : plainCode
        ? { codeHash: hashInvitationCode(plainCode, this.config.jwtSecret) }
        : null;
    const redeemed = where ? await this.db.transaction((em) => this.consume(em, where)) : null;
    if (!redeemed) {
      await this.throttle.recordFailure(key);
      throw new DomainError('unauthorized', byToken ? INVALID_INVITATION : INVALID_CODE);
    }
    await this.throttle.reset(key);
    return redeemed;
  }

  /** `POST /api/auth/invitation`: a session scoped to the invitation's seat. */
  async redeem(credential: InvitationCredential, clientAddress: string): Promise<SessionResponse> {
    const { user, seat } = await this.redeemSeat(credential, clientAddress);
    return this.auth.sessionFor(user, seat);
  }

  private async consume(em: EntityManager, where: FindOptionsWhere<PanelInvitation>): Promise<RedeemedSeat | null> {
    const now = this.clock.now();
    const invitation = await em.getRepository(PanelInvitation).findOne({ where });
    if (!invitation || invitation.usedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= now.getTime()) return null;
    const member = await memberById(em, invitation.panelMemberId);
    const user = member ? await userById(em, member.userId, { organisation: true }) : null;
    // Only lay panelists (no password) sign in by link: a link issued before the account got a
    // password, or to an account that is no longer a panelist, is simply not valid.
    if (!member || !user || !user.active || user.role !== 'panelist' || user.passwordHash !== null) return null;
    // The panel's work ends with the award or a cancellation: like every other change to a
    // frozen tender, redeeming an unused link is refused (409), and nothing is recorded.
    const tender = await tenderOrFail(em, invitation.tenderId);
    assertNotFrozen(tender.status);
    const result = await em
      .getRepository(PanelInvitation)
      .update({ id: invitation.id, usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    if (result.affected !== 1) return null;
    await this.audit.record(em, {
      actorId: user.id,
      action: 'panel_invitation.redeemed',
      entityType: 'panel_invitation',
      entityId: invitation.id,
      tenderId: invitation.tenderId,
      after: { panelMemberId: member.id },
    });
    // The person has taken up the seat: from now on the team sees the account's name.
    if (member.acceptedAt === null) await acceptSeat(em, this.audit, member, 'invitation', now);
    return { user, seat: { tenderId: member.tenderId, panelMemberId: member.id } };
  }

  private async memberOf(em: EntityManager, tenderId: string, memberId: string): Promise<PanelMember> {
    const member = await em.getRepository(PanelMember).findOne({ where: { id: memberId, tenderId } });
    if (!member) throw new DomainError('not_found', 'Panel member not found on this tender.');
    return member;
  }

  /** Marks every unused, unrevoked invitation of the member revoked; returns how many. */
  private async revokeOpen(em: EntityManager, panelMemberId: string, now: Date): Promise<number> {
    const result = await em
      .getRepository(PanelInvitation)
      .update({ panelMemberId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
    return result.affected ?? 0;
  }
}
