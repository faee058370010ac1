import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { ContactPreferences } from './contact-preferences';
import { type MessageKind, NOT_SENT_NO_ADDRESS, NOT_SENT_NO_EMAIL } from './domain/outbox-rules';
import type { Email } from './domain/templates';
import { Message } from './message.entity';

export interface OutgoingMessage {
  tenderId: string;
  kind: MessageKind;
  /** The address; null or empty when there is none (kept as suppressed, so the team sees it). */
  to: string | null;
  /** The account or panel member it is for. */
  recipientId: string | null;
  /** A panel member: their needs decide whether they may be emailed (ContactPreferences). */
  panelMemberId?: string;
  email: Email;
  /** The body holds a one-time link or code (masked on the team's pages). */
  secret?: boolean;
  /** Sent at most once for this key (a reminder per member and day count). */
  dedupeKey?: string;
}

/**
 * Puts messages in the outbox, inside the caller's unit of work: the message exists only
 * if the change it tells of commits. Sending is the sender loop's (MailSender); nothing
 * here talks to a mail server, so no request waits on one.
 */
@Injectable()
export class Outbox {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly clock: Clock,
    private readonly preferences: ContactPreferences,
  ) {}

  async enqueue(em: EntityManager, outgoing: OutgoingMessage): Promise<Message> {
    const now = this.clock.now();
    const to = outgoing.to?.trim() ?? '';
    const blocked = !to
      ? NOT_SENT_NO_ADDRESS
      : outgoing.panelMemberId && !(await this.preferences.mayEmail(outgoing.tenderId, outgoing.panelMemberId))
        ? NOT_SENT_NO_EMAIL
        : null;
    const message = em.getRepository(Message).create({
      id: newId(),
      tenderId: outgoing.tenderId,
      kind: outgoing.kind,
      recipientId: outgoing.recipientId,
      recipient: to,
      subject: outgoing.email.subject.slice(0, 300),
      body: outgoing.email.body,
      secret: outgoing.secret ?? false,
      status: blocked ? 'suppressed' : 'queued',
      attempts: 0,
      lastError: blocked,
      nextAttemptAt: blocked ? null : now,
      sentAt: null,
      createdAt: now,
      dedupeKey: outgoing.dedupeKey ?? null,
    });
    await em.getRepository(Message).insert(message);
    if (blocked) this.logger.log(`${outgoing.kind} for ${outgoing.recipientId ?? 'nobody'}: ${blocked}`);
    return message;
  }

  /** Enqueues one message per recipient; a key already used (a reminder sent before) is skipped. */
  async enqueueOnce(em: EntityManager, outgoing: OutgoingMessage & { dedupeKey: string }): Promise<boolean> {
    const existing = await em.getRepository(Message).count({ where: { dedupeKey: outgoing.dedupeKey } });
    if (existing > 0) return false;
    await this.enqueue(em, outgoing);
    return true;
  }
}
