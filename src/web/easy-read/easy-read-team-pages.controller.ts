import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DEFAULT_WORKING_DAYS, MAX_WORKING_DAYS, MIN_WORKING_DAYS } from '../../easy-read/domain/fact-check';
import { EASY_READ_MAX_GRADE } from '../../easy-read/domain/readability';
import { MAX_HEADINGS, MAX_WORD_LIMIT, MIN_WORD_LIMIT } from '../../easy-read/domain/template-rules';
import { EasyReadTemplateDto, SendForFactCheckDto, WriteSummaryDto } from '../../easy-read/dto/easy-read.dto';
import type { EasyReadSummaryResponse } from '../../easy-read/dto/easy-read.response';
import { EasyReadService } from '../../easy-read/easy-read.service';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { TendersService } from '../../tenders/tenders.service';
import { noErrors, refusalOnForm, validateForm, type FormErrors } from '../form';
import { teamTender } from '../team/team-frame';
import { formValue, PageCaller, WebPages } from '../web-page';
import { factCheckWords, versionRows } from './easy-read-view';

/** Where a field the API names is on the page: `headings[2]` → the headings box, `sections[1].text` → part 2. */
function fieldOnPage(field: string): string {
  const section = /^sections\[(\d+)\]/.exec(field);
  if (section) return `section-${section[1]}`;
  return field.replace(/\[\d+\].*$/, '');
}

/** A refusal from the service onto the form: its field problems where they are on the page, or its sentence on `fallback`. */
const refusalOn = (form: FormErrors, error: unknown, fallback: string): FormErrors =>
  refusalOnForm(form, error, {
    codes: ['validation', 'rule_violation', 'invalid_state', 'forbidden'],
    field: fieldOnPage,
    fallback,
  });

/**
 * The team's easy-read pages (issue 17, part 5): the tender's template and the list of bids,
 * then one bid's summary — write a new version, see its readability, send it to the bidder.
 * Every step goes through EasyReadService, as the API does.
 */
@WebPages('pages/tenders')
export class EasyReadTeamPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly easyRead: EasyReadService,
  ) {}

  @Get(':tenderId/easy-read')
  async overview(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('saved') saved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'easy-read');
    await this.renderOverview(res, caller, tender, null, noErrors(), saved === '1');
  }

  @Post(':tenderId/easy-read/template')
  async saveTemplate(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'easy-read');
    const values = { headings: formValue(body, 'headings'), wordLimit: formValue(body, 'wordLimit').trim() };
    const headings = values.headings
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const { value, form } = validateForm(
      EasyReadTemplateDto,
      { headings, wordLimit: /^\d+$/.test(values.wordLimit) ? Number(values.wordLimit) : values.wordLimit },
      {
        headings: `Write between 1 and ${MAX_HEADINGS} headings, one on each line, each shorter than 80 letters`,
        wordLimit: `Enter a whole number of words from ${MIN_WORD_LIMIT} to ${MAX_WORD_LIMIT}`,
      },
    );
    if (form.errors.length === 0) {
      try {
        await this.easyRead.setTemplate(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}/easy-read?saved=1`);
      } catch (error) {
        refusalOn(form, error, 'headings');
      }
    }
    await this.renderOverview(res.status(400), caller, tender, values, form, false);
  }

  @Get(':tenderId/easy-read/:bidId')
  async summaryPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Query('sent') sent: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'easy-read');
    const summary = await this.easyRead.summary(caller, tenderId, bidId);
    const newest = summary.versions[0];
    const values: Record<string, string> = {};
    summary.template.headings.forEach((heading, index) => {
      values[`section-${index}`] = newest?.sections[index]?.heading === heading ? newest.sections[index].text : '';
    });
    values.workingDays = String(DEFAULT_WORKING_DAYS);
    await this.renderSummary(res, caller, tender, summary, values, noErrors(), { sent: sent === '1' });
  }

  @Post(':tenderId/easy-read/:bidId')
  async writeVersion(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'easy-read');
    const summary = await this.easyRead.summary(caller, tenderId, bidId);
    const values: Record<string, string> = { workingDays: String(DEFAULT_WORKING_DAYS) };
    const sections = summary.template.headings.map((heading, index) => {
      values[`section-${index}`] = formValue(body, `section-${index}`);
      return { heading, text: values[`section-${index}`] };
    });
    const { value, form } = validateForm(WriteSummaryDto, { sections }, { sections: 'Check each part: it is too long' });
    if (form.errors.length === 0) {
      try {
        await this.easyRead.write(caller, tenderId, bidId, value);
        return res.redirect(303, `/tenders/${tenderId}/easy-read/${bidId}#versions`);
      } catch (error) {
        refusalOn(form, error, 'section-0');
      }
    }
    await this.renderSummary(res.status(400), caller, tender, summary, values, form, {});
  }

  @Post(':tenderId/easy-read/:bidId/send')
  async send(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'easy-read');
    const typed = formValue(body, 'workingDays').trim();
    const { value, form } = validateForm(
      SendForFactCheckDto,
      { workingDays: /^\d+$/.test(typed) ? Number(typed) : typed || undefined },
      { workingDays: `Enter a whole number of working days from ${MIN_WORKING_DAYS} to ${MAX_WORKING_DAYS}` },
    );
    if (form.errors.length === 0) {
      try {
        await this.easyRead.send(caller, tenderId, bidId, formValue(body, 'versionId'), value);
        return res.redirect(303, `/tenders/${tenderId}/easy-read/${bidId}?sent=1`);
      } catch (error) {
        refusalOn(form, error, 'workingDays');
      }
    }
    const summary = await this.easyRead.summary(caller, tenderId, bidId);
    const values: Record<string, string> = { workingDays: typed };
    summary.template.headings.forEach((_heading, index) => {
      values[`section-${index}`] = summary.versions[0]?.sections[index]?.text ?? '';
    });
    await this.renderSummary(res.status(400), caller, tender, summary, values, form, {});
  }

  private async renderOverview(
    res: Response,
    caller: Caller,
    tender: TenderResponse,
    typed: Record<string, string> | null,
    form: FormErrors,
    saved: boolean,
  ): Promise<void> {
    const overview = await this.easyRead.overview(caller, tender.id);
    const values = typed ?? { headings: overview.template.headings.join('\n'), wordLimit: String(overview.template.wordLimit) };
    res.render('easy-read/views/team-overview.njk', {
      pageTitle: 'Easy-read summaries',
      tender,
      template: overview.template,
      bids: overview.bids?.map((row) => ({
        ...row,
        status: row.newest ? factCheckWords(row.newest.factCheck) : { text: 'Not written yet', classes: 'govuk-tag--grey' },
      })),
      values,
      saved,
      ...form,
    });
  }

  private async renderSummary(
    res: Response,
    caller: Caller,
    tender: TenderResponse,
    summary: EasyReadSummaryResponse,
    values: Record<string, string>,
    form: FormErrors,
    flags: { sent?: boolean },
  ): Promise<void> {
    const overview = await this.easyRead.overview(caller, tender.id);
    const bidderName = overview.bids?.find((row) => row.bidId === summary.bidId)?.bidderName ?? 'Bid';
    const versions = versionRows(summary.versions);
    const newest = versions[0];
    res.render('easy-read/views/team-summary.njk', {
      pageTitle: `Easy-read summary – ${bidderName}`,
      backLink: { href: `/tenders/${tender.id}/easy-read`, text: 'All easy-read summaries' },
      tender,
      bidderName,
      summary,
      versions,
      sendable: newest && !newest.factCheck && newest.followsTemplate ? newest : null,
      maxGrade: EASY_READ_MAX_GRADE,
      values,
      sent: flags.sent ?? false,
      ...form,
    });
  }
}
