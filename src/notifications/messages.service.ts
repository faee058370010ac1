import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { DEFAULT_REMINDER_DAYS, maskedBody } from './domain/outbox-rules';
import type { MessageResponse, MessagesResponse, NotificationSettingsResponse } from './dto/message.response';
import type { NotificationSettingsDto } from './dto/notification-settings.dto';
import { assertScoringOpen } from '../scoring/domain/scoring-rules';
import { MailSender } from './mail-sender.service';
import { Notices } from './notices.service';
import { Message, NotificationSettings } from './message.entity';

/** What the team sees of a tender's messages, trying a failed one again, and the reminder schedule. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: PanelDirectory,
    private readonly sender: MailSender,
    private readonly notices: Notices,
  ) {}

  /**
   * "You have bids to score", now: one email to each panel member with bids neither submitted
   * nor declared a conflict on, while scoring is open. Members whose needs say no email get
   * theirs kept as suppressed, as every message. Audited with the number queued.
   */
  async remindUnscored(caller: Caller, tenderId: string): Promise<{ queued: number }> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      if (tender.status !== 'evaluation') {
        throw new DomainError('invalid_state', 'Reminders to score go while the panel is scoring, in evaluation.');
      }
      assertScoringOpen(tender, this.clock.now());
      const queued = await this.notices.unscoredBids(em, tender);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'message.unscored_reminders_queued',
        entityType: 'tender',
        entityId: tenderId,
        tenderId,
        after: { queued },
      });
      return { queued };
    });
  }

  /** Newest first. */
  async list(caller: Caller, tenderId: string): Promise<MessagesResponse> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      const messages = await em.getRepository(Message).find({ where: { tenderId }, order: { createdAt: 'DESC', id: 'DESC' } });
      const names = await this.directory.recordNames(em, tenderId);
      return {
        transport: this.sender.transportName,
        failed: messages.filter((m) => m.status === 'failed').length,
        messages: messages.map((m) => toResponse(m, m.recipientId ? (names.get(m.recipientId) ?? null) : null)),
      };
    });
  }

  /** How many messages of the tender were given up on (the overview's warning). */
  async failedCount(caller: Caller, tenderId: string): Promise<number> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      return em.getRepository(Message).count({ where: { tenderId, status: 'failed' } });
    });
  }

  /** A failed message goes back in the queue with its attempts counted afresh. */
  async retry(caller: Caller, tenderId: string, messageId: string): Promise<MessageResponse> {
    return this.db.transaction(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      const message = await em.getRepository(Message).findOne({ where: { id: messageId, tenderId } });
      if (!message) throw new DomainError('not_found', 'Message not found on this tender.');
      if (message.status !== 'failed') {
        throw new DomainError('invalid_state', 'Only a message that failed can be tried again; this one has not failed.');
      }
      const now = this.clock.now();
      const result = await em
        .getRepository(Message)
        .update({ id: message.id, status: 'failed' }, { status: 'queued', attempts: 0, nextAttemptAt: now });
      if (result.affected !== 1)
        throw new DomainError('invalid_state', 'This message was tried again by another request meanwhile.');
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'message.retried',
        entityType: 'message',
        entityId: message.id,
        tenderId,
        before: { status: 'failed', attempts: message.attempts, lastError: message.lastError },
        after: { status: 'queued' },
      });
      const names = await this.directory.recordNames(em, tenderId);
      const queued = { ...message, status: 'queued' as const, attempts: 0, nextAttemptAt: now };
      return toResponse(queued, message.recipientId ? (names.get(message.recipientId) ?? null) : null);
    });
  }

  async settings(caller: Caller, tenderId: string): Promise<NotificationSettingsResponse> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      const row = await em.getRepository(NotificationSettings).findOne({ where: { tenderId } });
      return { reminderDaysBefore: row?.reminderDaysBefore ?? [...DEFAULT_REMINDER_DAYS] };
    });
  }

  async updateSettings(caller: Caller, tenderId: string, dto: NotificationSettingsDto): Promise<NotificationSettingsResponse> {
    return this.db.transaction(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      const repo = em.getRepository(NotificationSettings);
      const before = (await repo.findOne({ where: { tenderId } }))?.reminderDaysBefore ?? [...DEFAULT_REMINDER_DAYS];
      const reminderDaysBefore = [...dto.reminderDaysBefore].sort((a, b) => b - a);
      await repo.save({ tenderId, reminderDaysBefore });
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'notification_settings.updated',
        entityType: 'tender',
        entityId: tenderId,
        tenderId,
        before: { reminderDaysBefore: before },
        after: { reminderDaysBefore },
      });
      return { reminderDaysBefore };
    });
  }
}

function toResponse(message: Message, recipientName: string | null): MessageResponse {
  return {
    id: message.id,
    kind: message.kind,
    recipient: message.recipient,
    recipientName,
    subject: message.subject,
    body: message.secret ? maskedBody(message.body) : message.body,
    masked: message.secret,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    nextAttemptAt: message.nextAttemptAt?.toISOString() ?? null,
    sentAt: message.sentAt?.toISOString() ?? null,
    createdAt: message.createdAt.toISOString(),
  };
}
