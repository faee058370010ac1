import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain/domain-error';
import { CriteriaService } from '../../criteria/criteria.service';
import { AddPanelMemberDto } from '../../panel/dto/add-panel-member.dto';
import type { PanelMemberDetailResponse } from '../../panel/dto/panel.response';
import { InvitationsService } from '../../panel/invitations.service';
import { NeedsService } from '../../needs/needs.service';
import { PanelService } from '../../panel/panel.service';
import { TendersService } from '../../tenders/tenders.service';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { UsersService } from '../../users/users.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { fieldProblems, teamTender } from './team-frame';
import type { TenderPage } from './tender-navigation';
import {
  anyScoredBy,
  dateWords,
  filterGrid,
  GROUP_WORDS,
  PROGRESS_TAG,
  PROGRESS_TEXT,
  quorumWords,
  ROLE_WORDS,
  scoringDeadlineWords,
  STATUS_TAG,
} from './team-view';
import { gridPage } from './progress-view';

const INVITATION_WORDS: Record<string, string> = {
  pending: 'Link sent, not used yet',
  used: 'Signed in',
  expired: 'Link expired',
  revoked: 'Link cancelled',
};

/**
 * Issue 14, pages 5 and 6: the team and the panel (add members, issue, revoke and re-issue
 * invitations, the quorum in words) and the progress grid. The services are the API's:
 * TendersService (team), PanelService (panel, progress), InvitationsService (links).
 */
@WebPages('pages/tenders')
export class PanelTeamPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly panel: PanelService,
    private readonly invitations: InvitationsService,
    private readonly users: UsersService,
    private readonly criteria: CriteriaService,
    private readonly needs: NeedsService,
    private readonly clock: Clock,
  ) {}

  @Get(':tenderId/panel')
  async panelPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query() query: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'panel');
    await this.renderPanel(res, caller, tender, {}, noErrors(), query.done ?? null);
  }

  @Post(':tenderId/team')
  async addTeamMember(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'panel');
    const email = formValue(body, 'teamEmail').trim();
    const form = noErrors();
    const notFound = 'No active commissioner or procurement officer has an account with this email address';
    if (!email) addError(form, 'teamEmail', 'Enter the email address of the person to add');
    else {
      const user = await this.users.findByEmail(email.toLowerCase());
      if (!user || !user.active || (user.role !== 'commissioner' && user.role !== 'procurement'))
        addError(form, 'teamEmail', notFound);
      else {
        try {
          await this.tenders.addTeamMember(caller, tenderId, { userId: user.id, role: user.role });
          return res.redirect(303, `/tenders/${tenderId}/panel?done=team`);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          if (error.code === 'forbidden')
            addError(form, 'teamEmail', 'Only the person who created the tender can add team members');
          else if (error.code === 'invalid_state') addError(form, 'teamEmail', error.detail);
          else if (error.code === 'rule_violation') addError(form, 'teamEmail', notFound);
          else throw error;
        }
      }
    }
    await this.renderPanel(res.status(400), caller, tender, { teamEmail: email }, form, null);
  }

  @Post(':tenderId/panel')
  async addPanelMember(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'panel');
    const values = {
      name: formValue(body, 'name').trim(),
      email: formValue(body, 'email').trim(),
      group: formValue(body, 'group'),
      role: formValue(body, 'role').trim(),
    };
    const { value, form } = validateForm(
      AddPanelMemberDto,
      {
        name: values.name || undefined,
        email: values.email || undefined,
        group: values.group || undefined,
        role: values.role || undefined,
      },
      {
        name: 'Enter the person’s name',
        email: 'Enter an email address in the right form, like name@example.org',
        group: 'Choose lived experience or professional',
        role: 'The seat’s label must be 100 characters or fewer',
      },
      { group: 'group' },
    );
    if (!values.name) addError(form, 'name', 'Enter the person’s name');
    if (!values.email) addError(form, 'email', 'Enter the person’s email address');
    if (form.errors.length === 0) {
      try {
        await this.panel.add(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}/panel?done=panel`);
      } catch (error) {
        if (!(error instanceof DomainError) || !['invalid_state', 'rule_violation', 'validation'].includes(error.code))
          throw error;
        const [problem] = fieldProblems(error);
        if (problem?.field === 'email') addError(form, 'email', 'This person is already on the panel');
        else addError(form, 'name', error.detail);
      }
    }
    await this.renderPanel(res.status(400), caller, tender, values, form, null);
  }

  @Post(':tenderId/panel/:memberId/invitation')
  async issue(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'panel');
    const members = await this.panel.list(caller, tenderId);
    const member = members.find((m) => m.id === memberId);
    if (!member) throw new DomainError('not_found', 'Panel member not found.');
    try {
      const invitation = await this.invitations.issue(caller, tenderId, memberId);
      res.locals.pageScripts = ['copy-link.js'];
      res.render('team/views/invitation.njk', {
        pageTitle: `Invitation for ${member.name}`,
        tender,
        member,
        invitation,
        expires: dateWords(invitation.expiresAt),
        contact: { name: tender.contactName, email: tender.contactEmail, phone: tender.contactPhone },
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      await this.renderPanel(
        res.status(409),
        caller,
        tender,
        {},
        addError(noErrors(), `member-${memberId}`, error.detail, `member-${memberId}`),
        null,
      );
    }
  }

  @Post(':tenderId/panel/:memberId/revoke')
  async revoke(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'panel');
    try {
      await this.invitations.revoke(caller, tenderId, memberId);
      res.redirect(303, `/tenders/${tenderId}/panel?done=revoked`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      await this.renderPanel(
        res.status(409),
        caller,
        tender,
        {},
        addError(noErrors(), `member-${memberId}`, error.detail, `member-${memberId}`),
        null,
      );
    }
  }

  @Get(':tenderId/progress')
  async progress(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('group') group: string | undefined,
    @Query('progress') progress: string | undefined,
    @Query('page') page: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res, 'progress');
    const grid = await this.panel.progressGrid(caller, tenderId);
    const filter = {
      group: group && group in GROUP_WORDS ? group : undefined,
      progress: progress && progress in PROGRESS_TEXT ? progress : undefined,
    };
    const kept = Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined);
    const query = (n: number) =>
      `/tenders/${tenderId}/progress?${new URLSearchParams([...kept, ['page', String(n)]]).toString()}`;
    const shown = gridPage(grid.bids, filterGrid(grid.members, filter), page, query);
    const needs = await this.needs.markers(caller, tenderId);
    res.render('team/views/progress.njk', {
      pageTitle: 'Progress',
      tender,
      open: tender.status !== 'draft' && tender.status !== 'published',
      scoringDeadline: scoringDeadlineWords(tender.scoringDeadline, this.clock.now()),
      bids: shown.bids,
      shown: shown.shown,
      pagination: shown.pagination,
      declared: grid.members.filter((m) => m.declaredOnAllBids).length,
      total: grid.members.length,
      members: shown.members.map((member) => ({
        ...member,
        group: GROUP_WORDS[member.group],
        needs: needs.get(member.id) ?? null,
        cells: member.cells.map((cell) => ({ text: PROGRESS_TEXT[cell.progress], classes: PROGRESS_TAG[cell.progress] })),
      })),
      filter,
      groups: [
        { value: '', text: 'Both groups' },
        ...Object.entries(GROUP_WORDS).map(([value, text]) => ({ value, text, selected: filter.group === value })),
      ],
      states: [
        { value: '', text: 'Any' },
        ...Object.entries(PROGRESS_TEXT).map(([value, text]) => ({ value, text, selected: filter.progress === value })),
      ],
    });
  }

  /* ------------------------------------------------------------------ helpers ---------- */

  private teamTender(caller: Caller, tenderId: string, res: Response, current: TenderPage): Promise<TenderResponse> {
    return teamTender(this.tenders, caller, tenderId, res, current);
  }

  private async renderPanel(
    res: Response,
    caller: Caller,
    tender: TenderResponse,
    values: Record<string, string>,
    form: FormErrors,
    done: string | null,
  ): Promise<void> {
    const team = await this.tenders.listTeam(caller, tender.id);
    const members = await this.panel.list(caller, tender.id);
    const tree = await this.criteria.tree(caller, tender.id);
    const livedExperienceScores = anyScoredBy(tree, 'lived_experience');
    const quorum = quorumWords(
      tender,
      {
        livedExperience: members.filter((m) => m.group === 'lived_experience').length,
        professional: members.filter((m) => m.group === 'professional').length,
      },
      livedExperienceScores,
    );
    res.render('team/views/panel.njk', {
      pageTitle: 'Team and panel',
      tender,
      tag: STATUS_TAG[tender.status],
      isOwner: tender.teamRole === 'owner',
      team: team.map((member) => ({
        ...member,
        role: member.role === 'owner' ? 'Owner' : (ROLE_WORDS[member.role] ?? member.role),
      })),
      members: members.map((member) => panelRow(member)),
      quorum,
      values,
      done,
      groups: Object.entries(GROUP_WORDS).map(([value, text]) => ({
        value,
        text,
        hint: {
          text:
            value === 'lived_experience'
              ? 'Uses the service or cares for someone who does. Shown by a pseudonym on every record.'
              : 'Scores as a named professional evaluator.',
        },
        checked: values.group === value,
      })),
      ...form,
    });
  }
}

function panelRow(member: PanelMemberDetailResponse) {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    pseudonym: member.pseudonym,
    group: GROUP_WORDS[member.group],
    role: member.role,
    hasPassword: member.hasPassword,
    invitation: member.invitation
      ? INVITATION_WORDS[member.invitation.status]
      : member.hasPassword
        ? 'Signs in with a password'
        : 'No link sent yet',
    canRevoke: member.invitation?.status === 'pending',
  };
}
