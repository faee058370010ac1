import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AssessmentSummariesService } from '../../assessment-summaries/assessment-summaries.service';
import { summaryBlocks } from '../../assessment-summaries/domain/summary-document';
import { MAX_EXPLANATION_CHARS, WriteSummaryWordsDto } from '../../assessment-summaries/dto/assessment-summary.dto';
import type { AssessmentSummaryResponse } from '../../assessment-summaries/dto/assessment-summary.response';
import type { SummaryFormat } from '../../assessment-summaries/summary-files';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { TenderFrame } from '../evaluation/tender-frame';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { fieldProblems, plainRefusal } from '../team/team-frame';
import { formValue, PageCaller, WebPages } from '../web-page';
import { calendarDayWords } from './after-award-view';
import { contentOfResponse, STATUS_TAGS, typedDay } from './summary-view';

const DONE: Record<string, string> = {
  generated: 'The draft summaries are ready. Check the words of each, then ask a colleague to approve it.',
  edited: 'The words are saved as a new version. Another member of the team must now approve it.',
  approved: 'The summary is approved. Send it to the supplier, then record the day you sent it.',
  sent: 'The day the summary was sent is recorded. The supplier can now read it in their account.',
};

const FILE_TYPES: Record<SummaryFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The team's assessment summaries (issue 16 part 1; docs/AFTER-AWARD.md): the list with its
 * drafts, one summary, its words, approval, the day sent, and the PDF and Word downloads. Every
 * read and write is AssessmentSummariesService's, as the API's routes are.
 */
@WebPages('pages/tenders')
export class SummariesPagesController {
  constructor(
    private readonly frame: TenderFrame,
    private readonly summaries: AssessmentSummariesService,
  ) {}

  @Get(':id/assessment-summaries')
  async list(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderList(res, caller, tenderId, noErrors(), DONE[done ?? ''] ?? null);
  }

  @Post(':id/assessment-summaries')
  async generate(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    const form = noErrors();
    try {
      await this.summaries.generate(caller, tenderId);
      return res.redirect(303, `/tenders/${tenderId}/assessment-summaries?done=generated`);
    } catch (error) {
      addError(form, 'generate', plainRefusal(error));
    }
    await this.renderList(res.status(409), caller, tenderId, form, null);
  }

  @Get(':id/assessment-summaries/:bidId')
  async one(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderOne(res, caller, tenderId, bidId, noErrors(), {}, DONE[done ?? ''] ?? null);
  }

  @Get(':id/assessment-summaries/:bidId/edit')
  async editForm(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'summaries');
    const summary = await this.summaries.get(caller, tenderId, bidId);
    this.renderEdit(res, summary, noErrors());
  }

  @Post(':id/assessment-summaries/:bidId/edit')
  async edit(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'summaries');
    const summary = await this.summaries.get(caller, tenderId, bidId);
    const explained = summary.criteria.filter((line) => line.kind !== 'section');
    const explanations = explained.map((line) => ({ criterion: line.code, text: formValue(body, `explanation-${line.code}`) }));
    const overall = formValue(body, 'overall');
    const tooLong = `Each text must be ${MAX_EXPLANATION_CHARS.toLocaleString('en-GB')} characters or fewer`;
    const { value, form } = validateForm(
      WriteSummaryWordsDto,
      { explanations, overall },
      { explanations: `${tooLong}: shorten the longest explanation`, overall: `${tooLong}: shorten the opening words` },
      { explanations: explained[0] ? `explanation-${explained[0].code}` : 'overall' },
    );
    if (form.errors.length === 0) {
      try {
        await this.summaries.write(caller, tenderId, bidId, value);
        return res.redirect(303, `/tenders/${tenderId}/assessment-summaries/${bidId}?done=edited`);
      } catch (error) {
        const problems = error instanceof DomainError ? fieldProblems(error) : [];
        if (problems.length) for (const problem of problems) addError(form, 'overall', problem.message);
        else addError(form, 'overall', plainRefusal(error));
      }
    }
    const typed = {
      ...summary,
      overall,
      criteria: summary.criteria.map((line) => ({ ...line, explanation: formValue(body, `explanation-${line.code}`) })),
    };
    this.renderEdit(res.status(form.errors.some((error) => error.text.startsWith('Each text')) ? 400 : 409), typed, form);
  }

  @Post(':id/assessment-summaries/:bidId/approve')
  async approve(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Res() res: Response,
  ): Promise<void> {
    const form = noErrors();
    try {
      await this.summaries.approve(caller, tenderId, bidId);
      return res.redirect(303, `/tenders/${tenderId}/assessment-summaries/${bidId}?done=approved`);
    } catch (error) {
      addError(form, 'approve', plainRefusal(error));
      const status = error instanceof DomainError && error.code === 'forbidden' ? 403 : 409;
      await this.renderOne(res.status(status), caller, tenderId, bidId, form, {}, null);
    }
  }

  @Post(':id/assessment-summaries/:bidId/sent')
  async sent(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const { values, day } = typedDay(body, 'sent');
    const form = noErrors();
    if (!day) {
      addError(form, 'sentOn', 'Enter the day you sent the summary, like 4 12 2026', 'sent');
    } else {
      try {
        await this.summaries.recordSent(caller, tenderId, bidId, { sentOn: day });
        return res.redirect(303, `/tenders/${tenderId}/assessment-summaries/${bidId}?done=sent`);
      } catch (error) {
        const [problem] = error instanceof DomainError ? fieldProblems(error) : [];
        addError(form, 'sentOn', problem?.message ?? plainRefusal(error), 'sent');
      }
    }
    await this.renderOne(res.status(day ? 422 : 400), caller, tenderId, bidId, form, values, null);
  }

  @Get(':id/assessment-summaries/:bidId/download/:format')
  async download(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('format') format: string,
    @Res() res: Response,
  ): Promise<void> {
    if (format !== 'pdf' && format !== 'docx') throw new DomainError('not_found', 'There is no such download.');
    await this.frame.load(res, caller, tenderId, 'summaries');
    const file = await this.summaries.file(caller, tenderId, bidId, format);
    res.set({ 'Content-Type': FILE_TYPES[format], 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    res.send(file.bytes);
  }

  private async renderList(res: Response, caller: Caller, tenderId: string, form: FormErrors, done: string | null) {
    const tender = await this.frame.load(res, caller, tenderId, 'summaries');
    const awarded = tender.status === 'awarded';
    const list = awarded ? await this.summaries.list(caller, tenderId) : null;
    res.render('after-award/views/summaries.njk', {
      pageTitle: 'Assessment summaries',
      ...form,
      done,
      awarded,
      list,
      toGenerate: list ? list.assessed - list.summaries.length : 0,
      allSentWords: list?.allSentOn ? calendarDayWords(list.allSentOn) : null,
      rows: (list?.summaries ?? []).map((entry) => ({
        ...entry,
        tag: STATUS_TAGS[entry.status],
        sentWords: entry.sentOn ? calendarDayWords(entry.sentOn) : 'Not sent',
      })),
    });
  }

  private async renderOne(
    res: Response,
    caller: Caller,
    tenderId: string,
    bidId: string,
    form: FormErrors,
    values: Record<string, string>,
    done: string | null,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'summaries');
    const summary = await this.summaries.get(caller, tenderId, bidId);
    res.render('after-award/views/summary.njk', {
      pageTitle: `Assessment summary: ${summary.bidderName}`,
      ...form,
      done,
      values,
      summary,
      tag: STATUS_TAGS[summary.status],
      blocks: summaryBlocks(contentOfResponse(summary)),
      sentWords: summary.sentOn ? calendarDayWords(summary.sentOn) : null,
      base: `/tenders/${tenderId}/assessment-summaries/${bidId}`,
    });
  }

  private renderEdit(res: Response, summary: AssessmentSummaryResponse, form: FormErrors): void {
    res.render('after-award/views/summary-edit.njk', {
      pageTitle: `Edit the words: ${summary.bidderName}`,
      ...form,
      summary,
      explained: summary.criteria.filter((line) => line.kind !== 'section'),
      base: `/tenders/${summary.tenderId}/assessment-summaries/${summary.bidId}`,
    });
  }
}
