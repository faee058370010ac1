import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
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
