import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { TenderWorkService } from '../../panel/tender-work.service';
import { TemplatesService } from '../../templates/templates.service';
import type { TemplateCriterion } from '../../templates/template-format';
import { CreateTenderDto } from '../../tenders/dto/create-tender.dto';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { UpdateTenderDto } from '../../tenders/dto/update-tender.dto';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { fieldProblems, plainRefusal, requireRole, teamFrame, teamTender } from './team-frame';
import type { TenderPage } from './tender-navigation';
import {
  dateWords,
  isoToUkParts,
  nextStep,
  PRICE_FORMULAS,
  SETTING_HINTS,
  STATUS_TAG,
  TIE_BREAKS,
  timeLeft,
  ukDateTimeToIso,
} from './team-view';

const NEW_TENDER_WORDS = {
  reference: 'Enter a reference, like LBC-2027-MHDC-01',
  title: 'Enter the tender’s title',
  bidDeadline: 'Enter a real date and time for the bid deadline, like 31 1 2027 and 12:00',
  description: 'The description is too long',
};

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

  @Get(':tenderId/settings')
  async settingsPage(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'settings');
    this.renderSettings(res, tender, settingsValues(tender), noErrors());
  }

  @Post(':tenderId/settings')
  async saveSettings(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'settings');
    const values: Record<string, string> = {};
    for (const key of Object.keys(settingsValues(tender))) values[key] = formValue(body, key).trim();
    const yesNo = (key: string) => (values[key] === 'yes' ? true : values[key] === 'no' ? false : undefined);
    const number = (key: string) =>
      values[key] === '' || !/^-?\d+(\.\d+)?$/.test(values[key]) ? values[key] || undefined : Number(values[key]);
    const { value, form } = validateForm(
      UpdateTenderDto,
      {
        priceFormula: values.priceFormula || undefined,
        tieBreak: values.tieBreak || undefined,
        aggregation: values.aggregation || undefined,
        minScorers: number('minScorers'),
        equalRepresentation: yesNo('equalRepresentation'),
        divergenceThreshold: number('divergenceThreshold'),
        abnormallyLowRatio: number('abnormallyLowRatio'),
        blindMarking: yesNo('blindMarking'),
        priceVisibleToPanel: yesNo('priceVisibleToPanel'),
        moderationRequired: yesNo('moderationRequired'),
        openingApprovals: values.openingApprovals === '' ? undefined : Number(values.openingApprovals),
      },
      {
        priceFormula: 'Choose how price becomes points',
        tieBreak: 'Choose a tie-break',
        aggregation: 'Choose how scores are combined',
        minScorers: 'Enter a whole number from 1 to 100',
        divergenceThreshold: 'Enter a number of points from 0 to 100, with at most 2 decimal places',
        abnormallyLowRatio: 'Enter a share from 0 to 1, like 0.8, with at most 2 decimal places',
        openingApprovals: 'Choose 1 or 2 people',
        equalRepresentation: 'Choose yes or no',
        blindMarking: 'Choose yes or no',
        priceVisibleToPanel: 'Choose yes or no',
        moderationRequired: 'Choose yes or no',
      },
    );
    if (form.errors.length === 0) {
      try {
        await this.tenders.update(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}?saved=settings`);
      } catch (error) {
        addError(form, 'priceFormula', plainRefusal(error));
      }
    }
    this.renderSettings(res.status(400), tender, values, form);
  }

  /* ------------------------------------------------------------- details, scale ---------- */

  @Get(':tenderId/details')
  async detailsPage(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'details');
    const deadline = isoToUkParts(tender.bidDeadline);
    this.renderDetails(
      res,
      tender,
      {
        title: tender.title,
        description: tender.description,
        'deadline-day': deadline.day,
        'deadline-month': deadline.month,
        'deadline-year': deadline.year,
        'deadline-time': deadline.time,
        contactName: tender.contactName ?? '',
        contactEmail: tender.contactEmail ?? '',
        contactPhone: tender.contactPhone ?? '',
      },
      noErrors(),
    );
  }

  @Post(':tenderId/details')
  async saveDetails(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'details');
    const values = {
      title: formValue(body, 'title').trim(),
      description: formValue(body, 'description'),
      ...deadlineValues(body),
      contactName: formValue(body, 'contactName').trim(),
      contactEmail: formValue(body, 'contactEmail').trim(),
      contactPhone: formValue(body, 'contactPhone').trim(),
    };
    const editable = tender.status === 'draft' || tender.status === 'published';
    const bidDeadline = ukDateTimeToIso(
      values['deadline-day'],
      values['deadline-month'],
      values['deadline-year'],
      values['deadline-time'],
    );
    const changes: Record<string, unknown> = {
      ...(values.contactName ? { contactName: values.contactName } : {}),
      ...(values.contactEmail ? { contactEmail: values.contactEmail } : {}),
      ...(values.contactPhone ? { contactPhone: values.contactPhone } : {}),
    };
    if (editable) {
      if (values.title !== tender.title) changes.title = values.title;
      if (values.description !== tender.description) changes.description = values.description;
      if (bidDeadline !== tender.bidDeadline) changes.bidDeadline = bidDeadline ?? undefined;
    }
    const { value, form } = validateForm(
      UpdateTenderDto,
      changes,
      {
        ...NEW_TENDER_WORDS,
        contactName: 'The contact name must be 200 characters or fewer',
        contactEmail: 'Enter an email address in the right form, like name@example.org',
        contactPhone: 'Enter a phone number, like 020 7974 4444',
      },
      { bidDeadline: 'deadline-day' },
    );
    if (editable && bidDeadline === null) addError(form, 'bidDeadline', NEW_TENDER_WORDS.bidDeadline, 'deadline-day');
    if (form.errors.length === 0) {
      try {
        await this.tenders.update(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}?saved=details`);
      } catch (error) {
        const sentence = plainRefusal(error);
        const [problem] = error instanceof DomainError ? fieldProblems(error) : [];
        if (problem?.field === 'bidDeadline')
          addError(form, 'bidDeadline', 'A published tender’s deadline can only move later, never earlier.', 'deadline-day');
        else addError(form, 'title', sentence);
      }
    }
    this.renderDetails(res.status(400), tender, values, form);
  }

  @Get(':tenderId/scale')
  async scalePage(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'settings');
    const values: Record<string, string> = {};
    for (let point = tender.scale.min; point <= tender.scale.max; point++) {
      values[`label-${point}`] = tender.scale.labels[String(point)]?.label ?? '';
      values[`plain-${point}`] = tender.scale.labels[String(point)]?.plainLabel ?? '';
    }
    this.renderScale(res, tender, values, noErrors());
  }

  @Post(':tenderId/scale')
  async saveScale(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'settings');
    const values: Record<string, string> = {};
    const labels: Record<string, { label: string; plainLabel: string }> = {};
    const form = noErrors();
    for (let point = tender.scale.max; point >= tender.scale.min; point--) {
      values[`label-${point}`] = formValue(body, `label-${point}`).trim();
      values[`plain-${point}`] = formValue(body, `plain-${point}`).trim();
      labels[String(point)] = { label: values[`label-${point}`], plainLabel: values[`plain-${point}`] };
      if (!values[`label-${point}`]) addError(form, `label-${point}`, `Enter the label for ${point} points`);
      else if (values[`label-${point}`].length > 100)
        addError(form, `label-${point}`, `The label for ${point} points must be 100 characters or fewer`);
      if (!values[`plain-${point}`]) addError(form, `plain-${point}`, `Enter the plain wording for ${point} points`);
      else if (values[`plain-${point}`].length > 200)
        addError(form, `plain-${point}`, `The plain wording for ${point} points must be 200 characters or fewer`);
    }
    if (form.errors.length === 0) {
      const checked = validateForm(
        UpdateTenderDto,
        { scale: { min: tender.scale.min, max: tender.scale.max, labels } },
        { scale: 'Check the wording of each point' },
      );
      if (checked.form.errors.length > 0) addError(form, `label-${tender.scale.max}`, 'Check the wording of each point');
      else {
        try {
          await this.tenders.update(caller, tenderId, checked.value);
          return res.redirect(303, `/tenders/${tenderId}?saved=scale`);
        } catch (error) {
          addError(form, `label-${tender.scale.max}`, plainRefusal(error));
        }
      }
    }
    this.renderScale(res.status(400), tender, values, form);
  }

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

  private renderSettings(res: Response, tender: TenderResponse, values: Record<string, string>, form: FormErrors): void {
    const radios = (key: string, options: { value: string; text: string; hint?: string }[]) =>
      options.map((option) => ({
        value: option.value,
        text: option.text,
        hint: option.hint ? { text: option.hint } : undefined,
        checked: values[key] === option.value,
      }));
    const yesNo = (key: string) =>
      radios(key, [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ]);
    res.render('team/views/tender-settings.njk', {
      pageTitle: 'Scoring settings',
      tender,
      draft: tender.status === 'draft',
      values,
      hints: SETTING_HINTS,
      priceFormulas: radios('priceFormula', PRICE_FORMULAS),
      tieBreaks: radios('tieBreak', TIE_BREAKS),
      aggregations: radios('aggregation', [
        { value: 'mean', text: 'Average (mean)', hint: 'Every score counts equally.' },
        { value: 'median', text: 'Middle score (median)', hint: 'One very high or very low score moves the result less.' },
      ]),
      openingApprovals: radios('openingApprovals', [
        { value: '1', text: 'One team member' },
        { value: '2', text: 'Two different team members' },
      ]),
      equalRepresentation: yesNo('equalRepresentation'),
      blindMarking: yesNo('blindMarking'),
      priceVisibleToPanel: yesNo('priceVisibleToPanel'),
      moderationRequired: yesNo('moderationRequired'),
      ...form,
    });
  }

  private renderDetails(res: Response, tender: TenderResponse, values: Record<string, string>, form: FormErrors): void {
    res.render('team/views/tender-details.njk', {
      pageTitle: 'Tender details and contact',
      tender,
      editable: tender.status === 'draft' || tender.status === 'published',
      values,
      ...form,
    });
  }

  private renderScale(res: Response, tender: TenderResponse, values: Record<string, string>, form: FormErrors): void {
    const points: number[] = [];
    for (let point = tender.scale.max; point >= tender.scale.min; point--) points.push(point);
    res.render('team/views/tender-scale.njk', {
      pageTitle: 'Scoring scale',
      tender,
      draft: tender.status === 'draft',
      points,
      values,
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

function deadlineValues(body: unknown): Record<'deadline-day' | 'deadline-month' | 'deadline-year' | 'deadline-time', string> {
  return {
    'deadline-day': formValue(body, 'deadline-day').trim(),
    'deadline-month': formValue(body, 'deadline-month').trim(),
    'deadline-year': formValue(body, 'deadline-year').trim(),
    'deadline-time': formValue(body, 'deadline-time').trim(),
  };
}

function settingsValues(tender: TenderResponse): Record<string, string> {
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  return {
    priceFormula: tender.priceFormula,
    tieBreak: tender.tieBreak,
    aggregation: tender.aggregation,
    minScorers: String(tender.minScorers),
    equalRepresentation: yesNo(tender.equalRepresentation),
    divergenceThreshold: String(tender.divergenceThreshold),
    abnormallyLowRatio: String(tender.abnormallyLowRatio),
    blindMarking: yesNo(tender.blindMarking),
    priceVisibleToPanel: yesNo(tender.priceVisibleToPanel),
    moderationRequired: yesNo(tender.moderationRequired),
    openingApprovals: String(tender.openingApprovals),
  };
}
