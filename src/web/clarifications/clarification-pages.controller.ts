import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClarificationsService } from '../../clarifications/clarifications.service';
import { AnswerQuestionDto, IssueClarificationDto } from '../../clarifications/dto/clarification.dto';
import type { ClarificationResponse } from '../../clarifications/dto/clarification.response';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { teamTender } from '../team/team-frame';
import { dateWords } from '../team/team-view';
import { formValue, PageCaller, WebPages } from '../web-page';
import { askerWords, audienceWords, entryTitle, teamLogSections } from './clarification-view';

const DONE: Record<string, string> = {
  answered: 'The answer is published to every bidder. The question is shown without the name of who asked.',
  private: 'The answer is sent to the bidder who asked only.',
  published: 'The answer is published to every bidder. The question is shown without the name of who asked.',
  notice: 'Your clarification is published to every bidder.',
};

const PLAIN = {
  answer: 'Write the answer, in 20,000 characters or fewer',
  text: 'Write the clarification, in 20,000 characters or fewer',
  privateReason: 'Say what commercial detail the question reveals, in 2,000 characters or fewer',
};

/**
 * The team's clarification pages (issue 15): the questions bidders asked (with who asked,
 * for the team only), answer one — to every bidder by default, or to the asker alone with a
 * reason — publish a private answer after all, and publish a clarification of the team's own.
 * Every step is ClarificationsService's, as the API's, audited there.
 */
@WebPages('pages/tenders')
export class ClarificationPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly clarifications: ClarificationsService,
  ) {}

  @Get(':tenderId/questions')
  async log(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'questions');
    await this.renderLog(res, caller, tender, { values: {}, form: noErrors(), done: DONE[done ?? ''] ?? null });
  }

  @Post(':tenderId/questions/clarification')
  async issue(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'questions');
    const values = { text: formValue(body, 'text') };
    const { value, form } = validateForm(IssueClarificationDto, values, PLAIN);
    if (form.errors.length === 0) {
      try {
        await this.clarifications.issue(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}/questions?done=notice`);
      } catch (error) {
        addError(form, 'text', refusal(error));
      }
    }
    await this.renderLog(res.status(400), caller, tender, { values, form, done: null });
  }

  @Get(':tenderId/questions/:clarificationId')
  async entry(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('clarificationId') clarificationId: string,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'questions');
    await this.renderEntry(res, caller, tender, clarificationId, { visibility: 'everyone' }, noErrors());
  }

  @Post(':tenderId/questions/:clarificationId/answer')
  async answer(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('clarificationId') clarificationId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'questions');
    const values = {
      answer: formValue(body, 'answer'),
      visibility: formValue(body, 'visibility'),
      privateReason: formValue(body, 'privateReason'),
    };
    const keepPrivate = values.visibility === 'private';
    const { value, form } = validateForm(
      AnswerQuestionDto,
      {
        answer: values.answer,
        ...(keepPrivate ? { private: true, privateReason: values.privateReason } : {}),
      },
      PLAIN,
    );
    if (values.visibility !== 'everyone' && !keepPrivate)
      addError(form, 'visibility', 'Choose who gets the answer', 'visibility');
    if (form.errors.length === 0) {
      try {
        await this.clarifications.answer(caller, tenderId, clarificationId, value);
        return res.redirect(303, `/tenders/${tenderId}/questions?done=${keepPrivate ? 'private' : 'answered'}`);
      } catch (error) {
        addError(form, 'answer', refusal(error));
      }
    }
    await this.renderEntry(res.status(400), caller, tender, clarificationId, values, form);
  }

  @Post(':tenderId/questions/:clarificationId/publish')
  async publish(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('clarificationId') clarificationId: string,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'questions');
    try {
      await this.clarifications.publish(caller, tenderId, clarificationId);
      return res.redirect(303, `/tenders/${tenderId}/questions?done=published`);
    } catch (error) {
      const form = addError(noErrors(), 'publish', refusal(error), 'publish');
      await this.renderEntry(res.status(409), caller, tender, clarificationId, { visibility: 'everyone' }, form);
    }
  }

  private async renderLog(
    res: Response,
    caller: Caller,
    tender: TenderResponse,
    model: { values: Record<string, string>; form: FormErrors; done: string | null },
  ): Promise<void> {
    const log = await this.clarifications.list(caller, tender.id);
    const { waiting, answered } = teamLogSections(log.map(entryView));
    res.render('clarifications/views/questions.njk', {
      pageTitle: 'Questions from bidders',
      tender,
      open: tender.status === 'published',
      questionsClose: dateWords(tender.clarificationDeadline),
      waiting,
      answered,
      values: model.values,
      done: model.done,
      ...model.form,
    });
  }

  private async renderEntry(
    res: Response,
    caller: Caller,
    tender: TenderResponse,
    clarificationId: string,
    values: Record<string, string>,
    form: FormErrors,
  ): Promise<void> {
    const entry = entryView(await this.clarifications.get(caller, tender.id, clarificationId));
    res.render('clarifications/views/question.njk', {
      pageTitle: entry.title,
      backLink: { href: `/tenders/${tender.id}/questions`, text: 'All questions' },
      tender,
      open: tender.status === 'published',
      entry,
      values,
      visibilityItems: [
        {
          value: 'everyone',
          text: 'Every bidder',
          hint: { text: 'The usual choice. Every bidder sees the question and the answer, never who asked.' },
          checked: values.visibility !== 'private',
        },
        {
          value: 'private',
          text: 'Only the bidder who asked',
          hint: { text: 'Only when the question reveals their own commercial detail. Give the reason below.' },
          checked: values.visibility === 'private',
        },
      ],
      ...form,
    });
  }
}

function entryView(entry: ClarificationResponse) {
  return {
    ...entry,
    title: entryTitle(entry),
    asker: askerWords(entry),
    audience: audienceWords(entry),
    asked: entry.askedAt ? dateWords(entry.askedAt) : null,
    published: entry.publishedAt ? dateWords(entry.publishedAt) : null,
  };
}

/** A refusal the team can meet on these forms (answered already by a colleague, the tender no longer published), in its own words. */
function refusal(error: unknown): string {
  if (error instanceof DomainError && (error.code === 'invalid_state' || error.code === 'validation')) return error.detail;
  throw error;
}
