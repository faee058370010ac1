import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PanelSeat } from '../../common/caller';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { Db } from '../../database/db.service';
import { invitationsIssuedSince, memberById } from '../../panel/panel-directory.service';
import { tenderById } from '../../tenders/tender-directory';
import { userById } from '../../users/user-directory';
import type { User } from '../../users/user.entity';
import { PanelDevice } from './panel-device.entity';

/** A device cookie lasts at most this long (the scoring window usually closes well before). */
export const DEVICE_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Devices that may return to a panel seat without a new link (see PanelDevice). A device
 * is good while: the tender takes declarations or scores (evaluation, moderation), the
 * account is active, and no invitation was issued to the seat after the device was made.
 */
@Injectable()
export class PanelDevicesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Remembers this browser for the seat just redeemed; the token goes in the cookie. */
  async remember(seat: PanelSeat): Promise<{ token: string; expires: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db.transaction((em) =>
      em.getRepository(PanelDevice).insert({
        id: newId(),
        tokenHash: hashToken(token),
        tenderId: seat.tenderId,
        panelMemberId: seat.panelMemberId,
        createdAt: now,
        lastUsedAt: now,
      }),
    );
    return { token, expires: new Date(now.getTime() + DEVICE_LIFETIME_MS) };
  }

  /** The account and seat a device cookie returns to, or null when it no longer may. */
  async returnTo(token: string | undefined): Promise<{ user: User; seat: PanelSeat } | null> {
    if (!token) return null;
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const device = await em.getRepository(PanelDevice).findOne({ where: { tokenHash: hashToken(token) } });
      if (!device || now.getTime() - device.createdAt.getTime() >= DEVICE_LIFETIME_MS) return null;
      const member = await memberById(em, device.panelMemberId);
      const tender = await tenderById(em, device.tenderId);
      const user = member ? await userById(em, member.userId) : null;
      // As for the link itself (InvitationsService): only an active lay panelist account (no password).
      if (!member || !tender || !user || !user.active || user.role !== 'panelist' || user.passwordHash !== null) return null;
      if (tender.status !== 'evaluation' && tender.status !== 'moderation') return null;
      // Re-issuing a link (a lost phone, a shared one) retires every device of the seat.
      if ((await invitationsIssuedSince(em, member.id, device.createdAt)) > 0) return null;
      await em.getRepository(PanelDevice).update({ id: device.id }, { lastUsedAt: now });
      return { user, seat: { tenderId: tender.id, panelMemberId: member.id } };
    });
  }
}
