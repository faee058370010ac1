import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { deadlineInWords } from '../../common/domain/time-in-words';
import { ConflictsService } from '../../conflicts/conflicts.service';
import { statementWords } from '../../conflicts/conflicts-pdf';
import { ACT_WORDS, REGISTER_SUBJECTS, type DecisionAct, type RegisterSubject } from '../../conflicts/domain/conflict-register';
import { DeclareTeamInterestDto, RecordMitigationDto, RecordReviewDto } from '../../conflicts/dto/conflicts.dto';
import type { ConflictsAssessmentResponse } from '../../conflicts/dto/conflicts.response';
import { DomainError } from '../../common/domain/domain-error';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { fieldProblems, plainRefusal, teamTender } from '../team/team-frame';
import { formValue, PageCaller, WebPages } from '../web-page';

const STATE_WORDS = {
  not_declared: { text: 'Not declared yet', classes: 'govuk-tag--grey' },
  no_conflict: { text: 'No conflict', classes: 'govuk-tag--green' },
  conflict: { text: 'Conflict declared', classes: 'govuk-tag--orange' },
} as const;

function refusalOnForm(form: FormErrors, error: unknown, fallback: string): FormErrors {
  const problems = error instanceof DomainError ? fieldProblems(error) : [];
  if (problems.length) for (const problem of problems) addError(form, problem.field, problem.message);
  else addError(form, fallback, plainRefusal(error));
  return form;
}

/** What the page shows of the assessment: the API's response in words (dates in UK time). */
function assessmentView(result: ConflictsAssessmentResponse) {
  return {
    ...result,
    lastReviewWords: result.lastReview
      ? `Revision ${result.lastReview.revision}, reviewed by ${result.lastReview.reviewedBy} at ${deadlineInWords(new Date(result.lastReview.reviewedAt))}.`
      : 'Not reviewed yet.',
    warnings: result.actedBeforeDeclaring.map(
      (entry) =>
        `${entry.name} ${ACT_WORDS[entry.act as DecisionAct]} at ${deadlineInWords(new Date(entry.at))} before declaring their interests.`,
    ),
    persons: result.persons.map((person) => ({
      ...person,
      tag: STATE_WORDS[person.state as keyof typeof STATE_WORDS],
      actWords: person.acts.map((act) => `Has ${ACT_WORDS[act.act as DecisionAct]}`),
      statements: person.declarations.map(
        (entry) =>
          `Version ${entry.version}, ${deadlineInWords(new Date(entry.declaredAt))}: ${entry.bidderName ? `about ${entry.bidderName}, ` : ''}${entry.conflict ? `conflict of interest: ${entry.details ?? ''}` : 'no conflict of interest'}`,
      ),
    })),
    conflicts: result.conflicts.map((entry) => ({
      ...entry,
      declaredWords: deadlineInWords(new Date(entry.declaredAt)),
      mitigationWords: entry.mitigations.map(
        (mitigation) =>
          `Version ${mitigation.version}, ${mitigation.recordedBy}, ${deadlineInWords(new Date(mitigation.recordedAt))}: ${mitigation.text}`,
      ),
    })),
  };
}

/**
 * The team's conflicts assessment pages (docs/AFTER-AWARD.md, ss.81–83): the assessment with
 * its download, your own declaration, a mitigation per conflict and a review. Every step goes
 * through ConflictsService, as the API does.
 */
@WebPages('pages/tenders')
export class ConflictsPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly conflicts: ConflictsService,
  ) {}

  @Get(':tenderId/conflicts')
  async overview(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('saved') saved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderOverview(res, caller, tenderId, noErrors(), {}, saved ?? null);
  }

  @Get(':tenderId/conflicts/download')
  async download(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'conflicts');
    const file = await this.conflicts.document(caller, tenderId);
    res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    res.send(file.pdf);
  }

  @Post(':tenderId/conflicts/review')
  async review(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'conflicts');
    const note = formValue(body, 'note').trim();
    const { value, form } = validateForm(RecordReviewDto, note ? { note } : {}, {
      note: 'The note must be 2000 letters or fewer',
    });
    if (form.errors.length === 0) {
      try {
        await this.conflicts.review(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}/conflicts?saved=review`);
      } catch (error) {
        refusalOnForm(form, error, 'note');
      }
    }
    await this.renderOverview(res.status(400), caller, tenderId, form, { note }, null);
  }

  @Get(':tenderId/conflicts/declare')
  async declarePage(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'conflicts');
    const mine = (await this.conflicts.get(caller, tenderId)).myDeclaration;
    const values = mine ? { conflict: mine.conflict ? 'yes' : 'no', details: mine.details ?? '' } : {};
    res.render('conflicts/views/declare.njk', {
      pageTitle: 'Do you have an interest in any supplier for this contract?',
      tender,
      mine,
      values,
      ...noErrors(),
    });
  }

  @Post(':tenderId/conflicts/declare')
  async declare(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'conflicts');
    const values = { conflict: formValue(body, 'conflict'), details: formValue(body, 'details') };
    const conflict = values.conflict === 'yes' ? true : values.conflict === 'no' ? false : undefined;
    const details = values.details.trim();
    const { value, form } = validateForm(
      DeclareTeamInterestDto,
      { conflict, ...(details || conflict ? { details } : {}) },
      { conflict: 'Select yes if you have an interest in a supplier', details: 'Say how you know the supplier' },
    );
    if (form.errors.length === 0) {
      try {
        await this.conflicts.declareTeam(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}/conflicts?saved=declaration`);
      } catch (error) {
        refusalOnForm(form, error, 'conflict');
      }
    }
    res.status(400).render('conflicts/views/declare.njk', {
      pageTitle: 'Do you have an interest in any supplier for this contract?',
      tender,
      mine: null,
      values,
      ...form,
    });
  }

  @Get(':tenderId/conflicts/mitigation/:subject/:subjectId')
  async mitigationPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('subject') subject: string,
    @Param('subjectId') subjectId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderMitigation(res, caller, tenderId, subject, subjectId, noErrors(), null);
  }

  @Post(':tenderId/conflicts/mitigation/:subject/:subjectId')
  async mitigate(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('subject') subject: string,
    @Param('subjectId') subjectId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const text = formValue(body, 'text');
    const { value, form } = validateForm(
      RecordMitigationDto,
      { subject, subjectId, text: text.trim() },
      { text: 'Say what the team does about this conflict, in 2000 letters or fewer' },
    );
    if (form.errors.length === 0) {
      try {
        await this.conflicts.mitigate(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}/conflicts?saved=mitigation`);
      } catch (error) {
        refusalOnForm(form, error, 'text');
      }
    }
    await this.renderMitigation(res.status(400), caller, tenderId, subject, subjectId, form, text);
  }

  private async renderOverview(
    res: Response,
    caller: Caller,
    tenderId: string,
    form: FormErrors,
    values: Record<string, string>,
    saved: string | null,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'conflicts');
    const result = await this.conflicts.get(caller, tenderId);
    res.render('conflicts/views/overview.njk', {
      pageTitle: 'Conflicts assessment',
      tender,
      assessment: assessmentView(result),
      mine: result.myDeclaration ? statementWords(result.myDeclaration) : null,
      saved,
      values,
      ...form,
    });
  }

  private async renderMitigation(
    res: Response,
    caller: Caller,
    tenderId: string,
    subject: string,
    subjectId: string,
    form: FormErrors,
    typed: string | null,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'conflicts');
    const result = await this.conflicts.get(caller, tenderId);
    const conflict = REGISTER_SUBJECTS.includes(subject as RegisterSubject)
      ? result.conflicts.find((entry) => entry.subject === subject && entry.subjectId === subjectId)
      : undefined;
    if (!conflict) throw new DomainError('not_found', 'Conflict not found.');
    res.render('conflicts/views/mitigation.njk', {
      pageTitle: 'Record what the team does about this conflict',
      tender,
      conflict: assessmentView({ ...result, conflicts: [conflict] }).conflicts[0],
      values: { text: typed ?? conflict.mitigation?.text ?? '' },
      ...form,
    });
  }
}
