import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { DELETABLE_STATUSES, DELETION_REQUESTERS, type DeletionRequester } from '../../needs/domain/needs-rules';
import type { NeedsResponse } from '../../needs/dto/needs.response';
import { NeedsService } from '../../needs/needs.service';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, type FormErrors } from '../form';
import { HelpDirectory } from '../help-directory.service';
import { formValue, PageCaller, WebPages } from '../web-page';
import { teamTender } from '../team/team-frame';
import { dateWords } from '../team/team-view';
import {
  addRefusal,
  needsBody,
  needsFormModel,
  needsSummary,
  valuesFromForm,
  valuesFromNeeds,
  type NeedsValues,
} from './needs-form';

interface NeedsPage {
  who: 'team' | 'member';
  action: string;
  back: string;
  needs: NeedsResponse;
  values: NeedsValues;
  form: FormErrors;
  done: string | null;
  mayDelete: boolean;
}

/**
 * Communication and support needs (issue 17 part 1): the team records a member's needs
 * with their agreement (/tenders/:id/panel/:memberId/needs), and the member sees and
 * changes their own in their panel session (/panel/:id/needs). Both call NeedsService,
 * as the API does.
 */
@WebPages('pages/tenders')
export class NeedsTeamPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly needs: NeedsService,
  ) {}

  @Get(':tenderId/panel/:memberId/needs')
  async page(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'panel');
    const needs = await this.needs.get(caller, tenderId, memberId);
    render(res, this.model(tender, needs, valuesFromNeeds(needs), noErrors(), done ?? null));
  }

  @Post(':tenderId/panel/:memberId/needs')
  async save(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'panel');
    const values = valuesFromForm(body);
    const { value, form } = needsBody(values);
    if (form.errors.length === 0) {
      try {
        await this.needs.record(caller, tenderId, memberId, value);
        return res.redirect(303, `/tenders/${tenderId}/panel/${memberId}/needs?done=saved`);
      } catch (error) {
        addRefusal(form, error);
      }
    }
    const needs = await this.needs.get(caller, tenderId, memberId);
    render(res.status(400), this.model(tender, needs, values, form, null));
  }

  @Post(':tenderId/panel/:memberId/needs/delete')
  async remove(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'panel');
    const requestedBy = formValue(body, 'requestedBy');
    const form = noErrors();
    if (!(DELETION_REQUESTERS as readonly string[]).includes(requestedBy))
      addError(form, 'requestedBy', 'Say who asked for the needs to be deleted');
    if (formValue(body, 'memberAsked') !== 'yes') addError(form, 'memberAsked', 'Confirm that the member asked for this');
    if (form.errors.length === 0) {
      try {
        await this.needs.remove(caller, tenderId, memberId, { requestedBy: requestedBy as DeletionRequester, memberAsked: true });
        return res.redirect(303, `/tenders/${tenderId}/panel/${memberId}/needs?done=deleted`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
        addError(form, 'requestedBy', error.detail);
      }
    }
    const needs = await this.needs.get(caller, tenderId, memberId);
    render(res.status(400), this.model(tender, needs, valuesFromNeeds(needs), form, null));
  }

  private model(
    tender: { id: string; title: string; status: string },
    needs: NeedsResponse,
    values: NeedsValues,
    form: FormErrors,
    done: string | null,
  ): NeedsPage & { tender: object } {
    return {
      who: 'team',
      tender,
      action: `/tenders/${tender.id}/panel/${needs.memberId}/needs`,
      back: `/tenders/${tender.id}/panel#member-${needs.memberId}`,
      needs,
      values,
      form,
      done,
      mayDelete: needs.state === 'recorded' && (DELETABLE_STATUSES as readonly string[]).includes(tender.status),
    };
  }
}

/** The member's own needs, in their panel session. */
@WebPages('panel')
export class NeedsPanelPagesController {
  constructor(
    private readonly needs: NeedsService,
    private readonly help: HelpDirectory,
  ) {}

  @Get(':tenderId/needs')
  async page(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const needs = await this.needs.get(caller, tenderId, await this.needs.ownMemberId(caller, tenderId));
    render(res, memberModel(tenderId, needs, valuesFromNeeds(needs), noErrors(), done ?? null));
  }

  @Post(':tenderId/needs')
  async save(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const memberId = await this.needs.ownMemberId(caller, tenderId);
    const values = valuesFromForm(body);
    const { value, form } = needsBody(values);
    if (form.errors.length === 0) {
      try {
        await this.needs.record(caller, tenderId, memberId, value);
        return res.redirect(303, `/panel/${tenderId}/needs?done=saved`);
      } catch (error) {
        addRefusal(form, error);
      }
    }
    const needs = await this.needs.get(caller, tenderId, memberId);
    render(res.status(400), memberModel(tenderId, needs, values, form, null));
  }

  private async frame(res: Response, tenderId: string): Promise<void> {
    res.locals.homeUrl = `/panel/${tenderId}`;
    res.locals.organisationName = await this.help.buyerOf(tenderId);
  }
}

function memberModel(
  tenderId: string,
  needs: NeedsResponse,
  values: NeedsValues,
  form: FormErrors,
  done: string | null,
): NeedsPage {
  return {
    who: 'member',
    action: `/panel/${tenderId}/needs`,
    back: `/panel/${tenderId}`,
    needs,
    values,
    form,
    done,
    mayDelete: false,
  };
}

function render(res: Response, page: NeedsPage & { tender?: object }): void {
  const { needs, form } = page;
  res.render('needs/views/needs.njk', {
    pageTitle: page.who === 'team' ? `Communication and support needs – ${needs.memberName}` : 'How we support you',
    ...page,
    ...needsFormModel(page.values),
    summary: needsSummary(needs),
    recordedOn: needs.consent ? dateWords(needs.consent.recordedAt) : null,
    deletedOn: needs.deletion ? dateWords(needs.deletion.deletedAt) : null,
    ...form,
  });
}
