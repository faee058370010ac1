import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { UpdateTenderDto } from '../../tenders/dto/update-tender.dto';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { deadlineValues, NEW_TENDER_WORDS, SCORING_DEADLINE_WORDS } from './tender-form';
import { fieldProblems, plainRefusal, teamTender } from './team-frame';
import type { TenderPage } from './tender-navigation';
import { dateWords, isoToUkParts, PRICE_FORMULAS, SETTING_HINTS, TIE_BREAKS, ukDateTimeToIso } from './team-view';

/**
 * Issue 14, page 3 (continued): a tender's scoring settings, its details and contact, and its
 * scale, each a form calling TendersService (the API's PATCH /api/tenders/:id and settings).
 */
@WebPages('pages/tenders')
export class TenderSettingsPagesController {
  constructor(private readonly tenders: TendersService) {}

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
    const scoring = tender.scoringDeadline ? isoToUkParts(tender.scoringDeadline) : null;
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
        'scoring-day': scoring?.day ?? '',
        'scoring-month': scoring?.month ?? '',
        'scoring-year': scoring?.year ?? '',
        'scoring-time': scoring?.time ?? '',
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
      ...deadlineValues(body, 'scoring'),
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
    // All four boxes empty: no scoring deadline (null removes one already set).
    const scoringBlank = [values['scoring-day'], values['scoring-month'], values['scoring-year'], values['scoring-time']].every(
      (box) => box === '',
    );
    const scoringDeadline = scoringBlank
      ? null
      : ukDateTimeToIso(values['scoring-day'], values['scoring-month'], values['scoring-year'], values['scoring-time']);
    const changes: Record<string, unknown> = {
      ...(values.contactName ? { contactName: values.contactName } : {}),
      ...(values.contactEmail ? { contactEmail: values.contactEmail } : {}),
      ...(values.contactPhone ? { contactPhone: values.contactPhone } : {}),
    };
    if ((scoringBlank || scoringDeadline !== null) && scoringDeadline !== tender.scoringDeadline)
      changes.scoringDeadline = scoringDeadline;
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
        scoringDeadline: SCORING_DEADLINE_WORDS,
      },
      { bidDeadline: 'deadline-day', scoringDeadline: 'scoring-day' },
    );
    if (editable && bidDeadline === null) addError(form, 'bidDeadline', NEW_TENDER_WORDS.bidDeadline, 'deadline-day');
    if (!scoringBlank && scoringDeadline === null) addError(form, 'scoringDeadline', SCORING_DEADLINE_WORDS, 'scoring-day');
    if (form.errors.length === 0) {
      try {
        await this.tenders.update(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}?saved=details`);
      } catch (error) {
        const sentence = plainRefusal(error);
        const [problem] = error instanceof DomainError ? fieldProblems(error) : [];
        const bidsClose = dateWords(value.bidDeadline ?? tender.bidDeadline);
        if (problem?.field === 'scoringDeadline')
          addError(form, 'scoringDeadline', `The scoring deadline must be after the bid deadline, ${bidsClose}`, 'scoring-day');
        else if (problem?.field === 'bidDeadline' && problem.message.includes('scoring deadline'))
          addError(
            form,
            'bidDeadline',
            'The bid deadline must be before the scoring deadline. Move the scoring deadline too',
            'deadline-day',
          );
        else if (problem?.field === 'bidDeadline')
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

  private teamTender(caller: Caller, tenderId: string, res: Response, current: TenderPage): Promise<TenderResponse> {
    return teamTender(this.tenders, caller, tenderId, res, current);
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
