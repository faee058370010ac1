import { MessagesService } from '../../notifications/messages.service';
import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain/domain-error';
import { TenderWorkService } from '../../panel/tender-work.service';
import { TemplatesService } from '../../templates/templates.service';
import type { TemplateCriterion } from '../../templates/domain/template-parser';
import { CreateTenderDto } from '../../tenders/dto/create-tender.dto';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { deadlineValues, NEW_TENDER_WORDS } from './tender-form';
import { fieldProblems, requireRole, teamFrame, teamTender } from './team-frame';
import type { TenderPage } from './tender-navigation';
import { dateWords, nextStep, PRICE_FORMULAS, STATUS_TAG, TIE_BREAKS, timeLeft, ukDateTimeToIso } from './team-view';

/**
 * Issue 14, pages 2 and 3: "Your tenders", a new tender from a template or blank, the
 * tender's overview, its settings, details and scale. Every read and write is
 * TendersService's (the API's /api/tenders), and TemplatesService's for the templates.
 */
@WebPages('pages/tenders')
export class TenderPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly templates: TemplatesService,
    private readonly work: TenderWorkService,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
  ) {}

  @Get()
  async list(@PageCaller() caller: Caller, @Res() res: Response): Promise<void> {
    requireRole(caller, 'commissioner', 'procurement');
    teamFrame(res, caller, '/tenders');
    const tenders = (await this.tenders.list(caller)).filter((tender) => tender.teamRole !== null);
    const work = await this.work.workOf(tenders.map((tender) => tender.id));
    const now = this.clock.now();
    res.render('team/views/tenders.njk', {
      pageTitle: 'Your tenders',
      canCreate: caller.role === 'commissioner',
      tenders: tenders.map((tender) => ({
        id: tender.id,
        title: tender.title,
        reference: tender.reference,
        tag: STATUS_TAG[tender.status],
        deadline: dateWords(tender.bidDeadline),
        timeLeft: tender.status === 'draft' || tender.status === 'published' ? timeLeft(tender.bidDeadline, now) : null,
        next: nextStep(tender, work.get(tender.id)!, now),
      })),
    });
  }

  /* ---------------------------------------------------------------- new tender ---------- */

  @Get('new')
  choose(@PageCaller() caller: Caller, @Res() res: Response): void {
    requireRole(caller, 'commissioner');
    teamFrame(res, caller, '/tenders');
    res.render('team/views/tender-new.njk', {
      pageTitle: 'Start a new tender',
      backLink: { href: '/tenders' },
      templates: this.templates
        .list()
        .map((template) => ({ key: template.key, title: template.title, summary: template.summary ?? '' })),
    });
  }

  @Get('new/:template')
  templatePage(@PageCaller() caller: Caller, @Param('template') key: string, @Res() res: Response): void {
    requireRole(caller, 'commissioner');
    this.renderCreate(res, caller, key, {}, noErrors());
  }

  @Post('new/:template')
  async create(
    @PageCaller() caller: Caller,
    @Param('template') key: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    requireRole(caller, 'commissioner');
    const values = {
      reference: formValue(body, 'reference').trim(),
      title: formValue(body, 'title').trim(),
      ...deadlineValues(body),
    };
    const bidDeadline = ukDateTimeToIso(
      values['deadline-day'],
      values['deadline-month'],
      values['deadline-year'],
      values['deadline-time'],
    );
    const { value, form } = validateForm(
      CreateTenderDto,
      {
        reference: values.reference,
        title: values.title,
        bidDeadline: bidDeadline ?? undefined,
        ...(key === 'blank' ? {} : { template: key }),
      },
      NEW_TENDER_WORDS,
      { bidDeadline: 'deadline-day' },
    );
    if (form.errors.length === 0) {
      try {
        const tender = await this.tenders.create(caller, value);
        return res.redirect(303, `/tenders/${tender.id}?created=1`);
      } catch (error) {
        if (!(error instanceof DomainError) || !['invalid_state', 'rule_violation'].includes(error.code)) throw error;
        const [problem] = fieldProblems(error);
        if (problem?.field === 'reference' || /reference/i.test(error.detail))
          addError(form, 'reference', 'Another tender already has this reference. Choose a different one.');
        else
          addError(
            form,
            problem?.field === 'bidDeadline' ? 'bidDeadline' : 'title',
            error.detail,
            problem?.field === 'bidDeadline' ? 'deadline-day' : 'title',
          );
      }
    }
    this.renderCreate(res.status(400), caller, key, values, form);
  }

  /* ------------------------------------------------------------------ overview ---------- */

  @Get(':tenderId')
  async overview(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query() query: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'overview');
    res.locals.messagesFailed = await this.messages.failedCount(caller, tenderId);
    await this.renderOverview(res, tender, noErrors(), query);
  }

  @Post(':tenderId/publish')
  async publish(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'overview');
    try {
      await this.tenders.publish(caller, tenderId);
      return res.redirect(303, `/tenders/${tenderId}?published=1`);
    } catch (error) {
      if (!(error instanceof DomainError) || !['invalid_state', 'rule_violation'].includes(error.code)) throw error;
      const form = noErrors();
      const violations = (error.extensions.violations as { code: string | null; message: string }[] | undefined) ?? [];
      if (violations.length === 0) {
        const [problem] = fieldProblems(error);
        addError(
          form,
          'publish',
          problem?.field === 'bidDeadline'
            ? 'The bid deadline has passed. Set a later deadline before you publish.'
            : error.detail,
          problem?.field === 'bidDeadline' ? 'deadline' : 'publish',
        );
      }
      violations.forEach((violation, index) => {
        const text = violation.message;
        form.errors.push({
          text,
          href: violation.code ? `/tenders/${tenderId}/criteria#criterion-${violation.code}` : `/tenders/${tenderId}/criteria`,
        });
        form.fieldErrors[`violation-${index}`] = { text };
      });
      await this.renderOverview(res.status(422), tender, form, {});
    }
  }

  /* ------------------------------------------------------------------ settings ---------- */

  /* ------------------------------------------------------------------ helpers ---------- */

  private teamTender(caller: Caller, tenderId: string, res: Response, current: TenderPage): Promise<TenderResponse> {
    return teamTender(this.tenders, caller, tenderId, res, current);
  }

  private renderCreate(res: Response, caller: Caller, key: string, values: Record<string, string>, form: FormErrors): void {
    const template = key === 'blank' ? null : this.templates.get(key);
    if (key !== 'blank' && !template) throw new DomainError('not_found', 'Template not found.');
    teamFrame(res, caller, '/tenders');
    res.render('team/views/tender-create.njk', {
      pageTitle: template ? template.title : 'A blank tender',
      backLink: { href: '/tenders/new' },
      key,
      template: template
        ? {
            title: template.title,
            description: template.description,
            summary: template.summary ?? '',
            weights: template.criteria.map(weightRow),
            sources: template.sources,
            scale: Object.entries(template.scale.labels)
              .sort(([a], [b]) => Number(b) - Number(a))
              .map(([point, label]) => ({ point, ...label })),
          }
        : null,
      values,
      ...form,
    });
  }

  private async renderOverview(
    res: Response,
    tender: TenderResponse,
    form: FormErrors,
    query: Record<string, string | undefined>,
  ): Promise<void> {
    const now = this.clock.now();
    const work = (await this.work.workOf([tender.id])).get(tender.id)!;
    res.render('team/views/tender.njk', {
      pageTitle: tender.title,
      tender,
      tag: STATUS_TAG[tender.status],
      deadline: dateWords(tender.bidDeadline),
      timeLeft: tender.status === 'draft' || tender.status === 'published' ? timeLeft(tender.bidDeadline, now) : null,
      next: nextStep(tender, work, now),
      work,
      priceFormula: PRICE_FORMULAS.find((f) => f.value === tender.priceFormula)?.text,
      tieBreak: TIE_BREAKS.find((f) => f.value === tender.tieBreak)?.text,
      notice:
        query.created === '1'
          ? 'The tender is created as a draft.'
          : query.published === '1'
            ? 'The tender is published. Bidders can see it and bid.'
            : query.saved
              ? 'Your changes are saved.'
              : null,
      ...form,
    });
  }
}

function weightRow(criterion: TemplateCriterion): {
  code: string;
  title: string;
  weight: number;
  children: { code: string; title: string; weight: number }[];
} {
  return {
    code: criterion.code,
    title: criterion.title,
    weight: criterion.weight,
    children: (criterion.children ?? []).map((child) => ({ code: child.code, title: child.title, weight: child.weight })),
  };
}
