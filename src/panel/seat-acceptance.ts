import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SignInHooks } from '../sign-in/sign-in-hooks';
import { PanelMember } from './panel-member.entity';

/**
 * The person takes up their seat (first redemption of its invitation, or first sign-in
 * with their password after being added): from now on the team sees the account's name
 * instead of the one it typed. Audited in the caller's transaction.
 */
export async function acceptSeat(
  em: EntityManager,
  audit: AuditService,
  seat: Pick<PanelMember, 'id' | 'tenderId' | 'userId'>,
  by: 'invitation' | 'password',
  now: Date,
): Promise<void> {
  await em.getRepository(PanelMember).update({ id: seat.id }, { acceptedAt: now });
  await audit.record(em, {
    actorId: seat.userId,
    action: 'panel_member.accepted',
    entityType: 'panel_member',
    entityId: seat.id,
    tenderId: seat.tenderId,
    after: { panelMemberId: seat.id, by },
  });
}

/**
 * A panelist who signs in with their password takes up every seat they were given and have
 * not yet taken up (registered on the sign-in's hooks: sign-in knows nothing of panels).
 */
@Injectable()
export class SeatAcceptance implements OnModuleInit {
  constructor(
    private readonly signIn: SignInHooks,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.signIn.on(async (em, { user, now }) => {
      const seats = await em.getRepository(PanelMember).find({ where: { userId: user.id, acceptedAt: IsNull() } });
      for (const seat of seats) await acceptSeat(em, this.audit, seat, 'password', now);
    });
  }
}
