import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AssessmentSummariesService } from '../../assessment-summaries/assessment-summaries.service';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { STANDSTILL_KINDS } from '../../standstill/standstill.entity';
import { UK_NATIONS } from '../../standstill/domain/working-days';
import { LiftChallengeDto, RecordChallengeDto, StandstillSettingsDto } from '../../standstill/dto/standstill.dto';
import type { StandstillResponse } from '../../standstill/dto/standstill.response';
import { StandstillService } from '../../standstill/standstill.service';
import { OcdsService } from '../../ocds/ocds.service';
import { TenderFrame } from '../evaluation/tender-frame';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { fieldProblems } from '../team/team-frame';
import { dateWords, ukDateTimeToIso } from '../team/team-view';
import { formValue, PageCaller, WebPages } from '../web-page';
import { calendarDayWords, KIND_WORDS, NATION_WORDS, standstillEndWords, ukDayWords } from './after-award-view';

/** What each step's banner says once it is done (`?done=`). */
const DONE: Record<string, string> = {
  settings: 'The standstill settings are saved.',
  notice: 'The contract award notice is recorded.',
  challenge: 'The challenge is recorded. The contract cannot be entered into while it is open.',
  lifted: 'The challenge is recorded as lifted.',
  contract: 'The contract is recorded as entered into.',
  termination: 'The procurement termination notice is recorded.',
};

/** A date and time typed in four boxes (UK time): `<prefix>-day`, `-month`, `-year`, `-time`. */
function typedInstant(body: unknown, prefix: string): { values: Record<string, string>; iso: string | null } {
  const part = (name: string) => formValue(body, `${prefix}-${name}`).trim();
  const values = {
    [`${prefix}-day`]: part('day'),
    [`${prefix}-month`]: part('month'),
    [`${prefix}-year`]: part('year'),
    [`${prefix}-time`]: part('time'),
  };
  return { values, iso: ukDateTimeToIso(part('day'), part('month'), part('year'), part('time')) };
}

/**
 * After the award (issue 16, parts 2 and 5; docs/AFTER-AWARD.md "The pages"): the contract award
 * notice and the standstill, challenges, entering into the contract, and the procurement
 * termination notice of a tender not awarded. Every read and write is StandstillService's, the
 * one the API's /api/tenders/:id/standstill routes call.
 */
@WebPages('pages/tenders')
export class AfterAwardPagesController {
  constructor(
    private readonly frame: TenderFrame,
    private readonly standstill: StandstillService,
    private readonly ocds: OcdsService,
    private readonly summaries: AssessmentSummariesService,
  ) {}

  /** The tender's OCDS release package (the same as GET /api/tenders/:id/ocds), as a download. */
  @Get(':id/after-award/ocds.json')
  async openData(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'after-award');
    const body = await this.ocds.releases(caller, tenderId);
    res.set({
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${body.releases[0].ocid}.json"`,
      'Cache-Control': 'no-store',
    });
    res.send(JSON.stringify(body, null, 2));
  }

  @Get(':id/after-award')
  async page(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, caller, tenderId, noErrors(), {}, DONE[done ?? ''] ?? null);
  }

  @Post(':id/after-award/settings')
  async settings(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Body() body: unknown, @Res() res: Response) {
    const values = { nation: formValue(body, 'nation'), kind: formValue(body, 'kind') };
    const { value, form } = validateForm(StandstillSettingsDto, values, {
      nation: 'Choose whose bank holidays apply',
      kind: 'Choose whether a standstill is kept',
    });
    const refused = form.errors.length
      ? 400
      : await this.attempt(() => this.standstill.settings(caller, tenderId, value), form, 'nation');
    if (!refused) return res.redirect(303, `/tenders/${tenderId}/after-award?done=settings`);
    await this.render(res.status(refused), caller, tenderId, form, values);
  }

  @Post(':id/after-award/award-notice')
  async notice(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Body() body: unknown, @Res() res: Response) {
    const { values, iso } = typedInstant(body, 'notice');
    const form = noErrors();
    if (!iso)
      addError(form, 'publishedAt', 'Enter the date and time the notice was published, like 22 12 2026 and 15:00', 'notice-day');
    const refused = iso
      ? await this.attempt(
          () => this.standstill.publishNotice(caller, tenderId, { publishedAt: iso }),
          form,
          'publishedAt',
          'notice-day',
        )
      : 400;
    if (!refused) return res.redirect(303, `/tenders/${tenderId}/after-award?done=notice`);
    await this.render(res.status(refused), caller, tenderId, form, values);
  }

  @Post(':id/after-award/challenges')
  async challenge(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Body() body: unknown, @Res() res: Response) {
    const typed = typedInstant(body, 'received');
    const values = { ...typed.values, summary: formValue(body, 'summary') };
    const { value, form } = validateForm(
      RecordChallengeDto,
      { receivedAt: typed.iso ?? '', summary: values.summary },
      {
        receivedAt: 'Enter the date and time the challenge was received, like 4 1 2027 and 10:00',
        summary: 'Say in a few words what the challenge is',
      },
      { receivedAt: 'received-day' },
    );
    const refused = form.errors.length
      ? 400
      : await this.attempt(() => this.standstill.recordChallenge(caller, tenderId, value), form, 'receivedAt', 'received-day');
    if (!refused) return res.redirect(303, `/tenders/${tenderId}/after-award?done=challenge`);
    await this.render(res.status(refused), caller, tenderId, form, values);
  }

  @Get(':id/after-award/challenges/:challengeId/lift')
  async liftForm(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('challengeId') challengeId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderLift(res, caller, tenderId, challengeId, noErrors(), '');
  }

  @Post(':id/after-award/challenges/:challengeId/lift')
  async lift(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('challengeId') challengeId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const reason = formValue(body, 'reason');
    const { value, form } = validateForm(
      LiftChallengeDto,
      { reason },
      {
        reason: 'Say why the challenge no longer holds the contract back',
      },
    );
    const refused = form.errors.length
      ? 400
      : await this.attempt(() => this.standstill.liftChallenge(caller, tenderId, challengeId, value), form, 'reason');
    if (!refused) return res.redirect(303, `/tenders/${tenderId}/after-award?done=lifted`);
    await this.renderLift(res.status(refused), caller, tenderId, challengeId, form, reason);
  }

  @Get(':id/after-award/contract')
  async contractForm(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    await this.renderContract(res, caller, tenderId, noErrors());
  }

  @Post(':id/after-award/contract')
  async contract(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    const form = noErrors();
    const refused = await this.attempt(() => this.standstill.enterContract(caller, tenderId, {}), form, 'enter');
    if (!refused) return res.redirect(303, `/tenders/${tenderId}/after-award?done=contract`);
    await this.renderContract(res.status(refused), caller, tenderId, form);
  }

  @Post(':id/after-award/termination-notice')
  async termination(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Body() body: unknown, @Res() res: Response) {
    const { values, iso } = typedInstant(body, 'termination');
    const form = noErrors();
    if (!iso)
      addError(
        form,
        'publishedAt',
        'Enter the date and time the notice was published, like 23 11 2026 and 09:00',
        'termination-day',
      );
    const refused = iso
      ? await this.attempt(
          () => this.standstill.publishTerminationNotice(caller, tenderId, { publishedAt: iso }),
          form,
          'publishedAt',
          'termination-day',
        )
      : 400;
    if (!refused) return res.redirect(303, `/tenders/${tenderId}/after-award?done=termination`);
    await this.render(res.status(refused), caller, tenderId, form, values);
  }

  /**
   * Runs one step; a refusal the person can meet (409, 422) becomes the message of its field
   * (the API's, or `field`), linked to `fieldId`.
   * Returns the refusal's status, or null when the step was done.
   */
  private async attempt(
    step: () => Promise<StandstillResponse>,
    form: FormErrors,
    field: string,
    fieldId = field,
  ): Promise<number | null> {
    try {
      await step();
      return null;
    } catch (error) {
      if (!(error instanceof DomainError) || !['invalid_state', 'rule_violation'].includes(error.code)) throw error;
      const [problem] = fieldProblems(error);
      addError(form, problem?.field ?? field, problem?.message ?? error.detail, fieldId);
      return error.code === 'invalid_state' ? 409 : 422;
    }
  }

  private async render(
    res: Response,
    caller: Caller,
    tenderId: string,
    form: FormErrors,
    values: Record<string, string>,
    done: string | null = null,
  ): Promise<void> {
    const tender = await this.frame.load(res, caller, tenderId, 'after-award');
    const state = await this.standstill.get(caller, tenderId);
    const summariesSentOn = tender.status === 'awarded' ? await this.summaries.sentOn(caller, tenderId) : null;
    res.render('after-award/views/after-award.njk', {
      summariesSent: summariesSentOn ? calendarDayWords(summariesSentOn) : null,
      pageTitle: 'After the award',
      ...form,
      values,
      done,
      awarded: tender.status === 'awarded',
      terminable: tender.status === 'cancelled' && tender.publishedAt !== null,
      awardedOn: tender.awardedAt ? dateWords(tender.awardedAt) : null,
      state,
      words: {
        nation: NATION_WORDS[state.nation],
        kind: KIND_WORDS[state.kind].text,
        noticePublished: state.noticePublishedAt ? dateWords(state.noticePublishedAt) : null,
        ends: state.standstillEndsAt ? standstillEndWords(state.standstillEndsAt) : null,
        firstDay: state.workingDays[0] ? calendarDayWords(state.workingDays[0]) : null,
        lastDay: state.workingDays.length ? calendarDayWords(state.workingDays[state.workingDays.length - 1]) : null,
        skipped: state.skippedDays.map((day) => `${calendarDayWords(day.date)}: ${day.reason}`),
        entered: state.contractEnteredAt ? dateWords(state.contractEnteredAt) : null,
        keptUntil: state.retainUntil ? ukDayWords(state.retainUntil) : null,
        termination: state.terminationNoticePublishedAt ? dateWords(state.terminationNoticePublishedAt) : null,
      },
      challenges: state.challenges.map((challenge) => ({
        ...challenge,
        received: dateWords(challenge.receivedAt),
        lifted: challenge.liftedAt ? dateWords(challenge.liftedAt) : null,
      })),
      nations: UK_NATIONS.map((value) => ({
        value,
        text: NATION_WORDS[value],
        checked: (values.nation || state.nation) === value,
      })),
      kinds: STANDSTILL_KINDS.map((value) => ({
        value,
        text: KIND_WORDS[value].text,
        hint: { text: KIND_WORDS[value].hint },
        checked: (values.kind || state.kind) === value,
      })),
    });
  }

  private async renderLift(
    res: Response,
    caller: Caller,
    tenderId: string,
    challengeId: string,
    form: FormErrors,
    reason: string,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'after-award');
    const state = await this.standstill.get(caller, tenderId);
    const challenge = state.challenges.find((candidate) => candidate.id === challengeId);
    if (!challenge) throw new DomainError('not_found', 'The challenge was not found.');
    res.render('after-award/views/lift.njk', {
      pageTitle: 'Lift a challenge',
      ...form,
      challenge: {
        ...challenge,
        received: dateWords(challenge.receivedAt),
        lifted: challenge.liftedAt ? dateWords(challenge.liftedAt) : null,
      },
      reason,
    });
  }

  private async renderContract(res: Response, caller: Caller, tenderId: string, form: FormErrors): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'after-award');
    const state = await this.standstill.get(caller, tenderId);
    res.render('after-award/views/contract.njk', {
      pageTitle: 'Enter into the contract',
      ...form,
      state,
      ends: state.standstillEndsAt ? standstillEndWords(state.standstillEndsAt) : null,
    });
  }
}
