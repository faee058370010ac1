import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { MAX_REMINDER_DAYS, STATUS_WORDS } from '../../notifications/domain/outbox-rules';
import type { MessageResponse } from '../../notifications/dto/message.response';
import { NotificationSettingsDto } from '../../notifications/dto/notification-settings.dto';
import { MessagesService } from '../../notifications/messages.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { TendersService } from '../../tenders/tenders.service';
import { formValue, PageCaller, WebPages } from '../web-page';
import { teamTender } from '../team/team-frame';
import { dateWords } from '../team/team-view';

const STATUS_TAG: Record<MessageResponse['status'], string> = {
  queued: 'govuk-tag--blue',
  sent: 'govuk-tag--green',
  failed: 'govuk-tag--red',
  suppressed: 'govuk-tag--yellow',
  logged: 'govuk-tag--grey',
};

const TRANSPORT_WORDS = {
  smtp: 'Emails are sent through your mail server.',
  notify: 'Emails are sent through GOV.UK Notify.',
  log: 'No mail server is set up, so no emails are sent. This list shows what would have been sent.',
} as const;

/** The tender's Messages page: what was sent, what would have been, what failed, and "Try again". */
@WebPages('pages/tenders')
export class MessagesPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly messages: MessagesService,
  ) {}

  @Get(':tenderId/messages')
  async page(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query() query: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    const { reminderDaysBefore } = await this.messages.settings(caller, tenderId);
    await this.render(res, caller, tenderId, query, reminderDaysBefore.join(', '), noErrors());
  }

  /** The reminder schedule, typed as days before the scoring deadline ("7, 1"); the API's own rules. */
  @Post(':tenderId/messages/reminders')
  async schedule(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'messages');
    const typed = formValue(body, 'reminderDaysBefore').trim();
    const words = typed === '' ? [] : typed.split(/[\s,]+/).filter(Boolean);
    const plain = `Write whole numbers of days before the deadline, 1 to ${MAX_REMINDER_DAYS}, up to 5 of them, each once: for example 7, 1`;
    const days = words.map((word) => (/^\d+$/.test(word) ? Number(word) : Number.NaN));
    const { value, form } = validateForm(NotificationSettingsDto, { reminderDaysBefore: days }, { reminderDaysBefore: plain });
    if (days.some(Number.isNaN)) addError(form, 'reminderDaysBefore', plain);
    if (form.errors.length > 0) return this.render(res.status(400), caller, tenderId, {}, typed, form);
    await this.messages.updateSettings(caller, tenderId, value);
    res.redirect(303, `/tenders/${tenderId}/messages?schedule=1`);
  }

  private async render(
    res: Response,
    caller: Caller,
    tenderId: string,
    query: Record<string, string | undefined>,
    reminderDays: string,
    form: FormErrors,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'messages');
    const list = await this.messages.list(caller, tenderId);
    res.render('notifications/views/messages.njk', {
      ...form,
      reminderDays,
      pageTitle: `Messages – ${tender.title}`,
      tender,
      transport: TRANSPORT_WORDS[list.transport],
      failed: list.failed,
      notice: noticeOf(query),
      canRemind: tender.status === 'evaluation',
      messages: list.messages.map((message) => ({
        ...message,
        to: message.recipientName ? `${message.recipientName} (${message.recipient || 'no email address'})` : message.recipient,
        statusText: STATUS_WORDS[message.status],
        statusClass: STATUS_TAG[message.status],
        when: dateWords(message.sentAt ?? message.createdAt),
      })),
    });
  }

  @Post(':tenderId/messages/unscored-reminders')
  async remindUnscored(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'messages');
    try {
      const { queued } = await this.messages.remindUnscored(caller, tenderId);
      res.redirect(303, `/tenders/${tenderId}/messages?reminded=${queued}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      res.redirect(303, `/tenders/${tenderId}/messages?reminded=closed`);
    }
  }

  @Post(':tenderId/messages/:messageId/retry')
  async retry(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('messageId') messageId: string,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'messages');
    try {
      await this.messages.retry(caller, tenderId, messageId);
    } catch (error) {
      // Tried again from another page meanwhile: the list shows where it is now.
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
    }
    res.redirect(303, `/tenders/${tenderId}/messages?retried=1`);
  }
}

/** The banner after an action on the page, in plain words. */
function noticeOf(query: Record<string, string | undefined>): string | null {
  if (query.retried) return 'The message will be sent again in the next few minutes.';
  if (query.schedule) return 'The reminder schedule is saved.';
  if (query.reminded === 'closed') return 'Scoring has closed, so no reminders were sent.';
  if (query.reminded === '0') return 'Nobody has bids left to score, so no reminders were sent.';
  if (query.reminded)
    return `${query.reminded} ${query.reminded === '1' ? 'member' : 'members'} will get a reminder in the next few minutes.`;
  return null;
}
