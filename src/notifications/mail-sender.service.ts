import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import type { Tender } from '../tenders/tender.entity';
import {
  afterFailure,
  CLAIM_LEASE_MS,
  DEFAULT_REMINDER_DAYS,
  dueReminders,
  errorInWords,
  NOT_SENT_NO_SERVER,
} from './domain/outbox-rules';
import { Message, NotificationSettings } from './message.entity';
import { Notices } from './notices.service';
import { type MailTransport, transportFor } from './transports';

/** At most this many messages a tick: a long queue drains over several ticks, never in one hold. */
const BATCH = 20;

/**
 * The sender loop: every MAIL_POLL_MS it plans the reminders that are due, then claims
 * queued messages whose time has come and hands each to the transport. Several
 * instances can run it on one PostgreSQL database: a message is claimed by a conditional
 * UPDATE (still queued, same attempt count), so exactly one instance sends each attempt;
 * the claim is a lease, so a message whose sender died is tried again after it. Off in
 * tests (MAIL_POLL_MS=0): a test calls `runOnce()`.
 */
@Injectable()
export class MailSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MailSender');
  private transport: MailTransport;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notices: Notices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = transportFor(config.mail.transport);
  }

  get transportName(): MailTransport['name'] {
    return this.transport.name;
  }

  onApplicationBootstrap(): void {
    if (this.config.mail.pollMs > 0) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  /** One tick: plan due reminders, then send what is due. Returns how many messages it tried. */
  async runOnce(): Promise<number> {
    if (this.running) await this.running;
    const run = this.tick();
    this.running = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.logger.error(`Sending failed: ${errorInWords(error)}`))
        .finally(() => this.schedule());
    }, this.config.mail.pollMs);
    this.timer.unref();
  }

  private async tick(): Promise<number> {
    await this.planReminders();
    const now = this.clock.now();
    const due = await this.db.read((em) =>
      em.getRepository(Message).find({
        where: { status: 'queued', nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: 'ASC', id: 'ASC' },
        take: BATCH,
      }),
    );
    let tried = 0;
    for (const message of due) {
      if (this.stopped) break;
      if (!(await this.claim(message, now))) continue;
      tried += 1;
      await this.deliver(message, message.attempts + 1);
    }
    return tried;
  }

  /** Takes the message for this attempt, unless another instance took it first. */
  private async claim(message: Message, now: Date): Promise<boolean> {
    const result = await this.db.transaction((em) =>
      em
        .getRepository(Message)
        .update(
          { id: message.id, status: 'queued', attempts: message.attempts, nextAttemptAt: LessThanOrEqual(now) },
          { attempts: message.attempts + 1, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
        ),
    );
    return result.affected === 1;
  }

  /** Sends outside any unit of work (no lock is held while a mail server thinks), then records the outcome. */
  private async deliver(message: Message, attempt: number): Promise<void> {
    let outcome: 'delivered' | 'logged' | { error: string };
    try {
      outcome = await this.transport.send({
        id: message.id,
        to: message.recipient,
        subject: message.subject,
        body: message.body,
      });
    } catch (error) {
      outcome = { error: errorInWords(error) };
    }
    const now = this.clock.now();
    const changes: Partial<Message> =
      outcome === 'delivered'
        ? { status: 'sent', sentAt: now, lastError: null, nextAttemptAt: null }
        : outcome === 'logged'
          ? { status: 'logged', lastError: NOT_SENT_NO_SERVER, nextAttemptAt: null }
          : { ...afterFailure(attempt, now), lastError: outcome.error };
    if (typeof outcome === 'object') this.logger.warn(`${message.kind} ${message.id}, attempt ${attempt}: ${outcome.error}`);
    await this.db.transaction((em) => em.getRepository(Message).update({ id: message.id, attempts: attempt }, changes));
  }

  /** Tenders in evaluation with a scoring deadline: the reminder each schedule says is due now. */
  private async planReminders(): Promise<void> {
    const now = this.clock.now();
    const tenders = await this.db.read((em) =>
      em.getRepository<Tender>('Tender').find({ where: { status: 'evaluation', scoringDeadline: Not(IsNull()) } }),
    );
    if (tenders.length === 0) return;
    const settings = await this.db.read((em) =>
      em.getRepository(NotificationSettings).find({ where: { tenderId: In(tenders.map((t) => t.id)) } }),
    );
    const schedules = new Map(settings.map((s) => [s.tenderId, s.reminderDaysBefore]));
    for (const tender of tenders) {
      const [days] = dueReminders(schedules.get(tender.id) ?? DEFAULT_REMINDER_DAYS, tender.scoringDeadline!, now);
      if (days === undefined) continue;
      // Two instances may plan the same reminder: the second insert meets the unique key and is dropped.
      await this.db
        .transaction((em) => this.notices.remind(em, tender, days))
        .catch((error: unknown) => {
          this.logger.warn(`Reminders for tender ${tender.id}: ${errorInWords(error)}`);
        });
    }
  }
}
