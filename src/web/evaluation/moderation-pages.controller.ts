import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { ModerateScoreDto } from '../../moderation/dto/moderation.dto';
import type { ModerationItemResponse } from '../../moderation/dto/moderation.response';
import { ModeratedScoresService } from '../../moderation/moderated-scores.service';
import { StartModerationService } from '../../moderation/start-moderation.service';
import { NeedsService } from '../../needs/needs.service';
import { ModerationViewService, type ModerationCell, type ModerationCells } from '../../results/moderation-view.service';
import { ResultsService } from '../../results/results.service';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { pageError } from '../web-error.filter';
import { formValue, PageCaller, WebPages } from '../web-page';
import { agendaOrder, flagText, GROUP_TEXT, groupsDiverge, onAgenda, points, when } from './evaluation-view';
import { TenderFrame } from './tender-frame';

const AGENDA_PAGE = 50;

const NOT_YET = pageError(409, {
  pageTitle: 'Moderation has not started',
  lines: [
    'The panel’s scores stay private until the team starts moderation.',
    'You can see the panel’s progress in the meantime.',
  ],
});

/**
 * Moderation (issue 14, page 8): the agenda from the engine's flags, each cell's scores and
 * reasons side by side (ModerationViewService, as GET /api/tenders/:id/moderation), and the
 * agreed score (ModeratedScoresService.record with the version the page was drawn from as
 * If-Match, so a colleague's change in between is shown, never overwritten unseen).
 */
@WebPages('pages/tenders')
export class ModerationPagesController {
  constructor(
    private readonly frame: TenderFrame,
    private readonly viewer: ModerationViewService,
    private readonly moderated: ModeratedScoresService,
    private readonly needs: NeedsService,
    private readonly results: ResultsService,
    private readonly starter: StartModerationService,
  ) {}

  /**
   * How each panel member marks (issue 18, SCORING.md §11.4): GET /results' calibration, lay
   * members by the API's pseudonym. A page of its own, linked from the agenda, so the agenda
   * does not evaluate the tender twice. For reflection only: it never changes a score.
   */
  @Get(':id/moderation/calibration')
  async calibration(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'moderation');
    let results;
    try {
      results = await this.results.results(caller, tenderId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_state') throw NOT_YET;
      throw error;
    }
    const bidder = new Map(results.bids.map((bid) => [bid.bidId, bid.bidderName]));
    res.render('evaluation/views/calibration.njk', {
      pageTitle: 'How each panel member marks',
      tenderId,
      members: results.calibration.map((member) => ({
        name: member.name,
        group: GROUP_TEXT[member.group] ?? member.group,
        scores: String(member.scores),
        leniency: points(member.leniency),
        spread: points(member.spread),
        agreement: member.consensusCells ? `${member.consensusAgreements} of ${member.consensusCells}` : '–',
        difference: points(member.consensusDifference),
        outliers: member.outliers.map((cell) => ({
          href: `/tenders/${tenderId}/moderation/${cell.bidId}/${encodeURIComponent(cell.code)}`,
          text: `${bidder.get(cell.bidId) ?? ''}, ${cell.code}: scored ${cell.score}, the others ${points(cell.othersMean)} on average`,
        })),
      })),
    });
  }

  /**
   * The agenda (flagged cells, largest spread first, AGENDA_PAGE at a time), and every bid with
   * how many of its cells are agreed; `?bid=` lists one bid's cells, flagged or not.
   */
  @Get(':id/moderation')
  async agenda(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Query('bid') bidQuery: string | undefined,
    @Query('page') pageQuery: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.frame.load(res, caller, tenderId, 'moderation');
    if (tender.status === 'evaluation' && !bidQuery) return this.renderStart(res, tenderId, noErrors());
    const agenda = await this.cells(caller, tenderId);
    const { cells } = agenda;
    const bid = bidQuery ? cells.filter((cell) => cell.bidId === bidQuery) : null;
    if (bid && bid.length === 0) throw new DomainError('not_found', 'No such bid.');
    const flagged = agendaOrder(cells.filter(onAgenda));
    const pages = Math.max(1, Math.ceil(flagged.length / AGENDA_PAGE));
    const page = Math.min(pages, Math.max(1, Number.parseInt(pageQuery ?? '1', 10) || 1));
    const link = (n: number) => `/tenders/${tenderId}/moderation?page=${n}`;
    const bids = new Map<string, { bidId: string; bidderName: string; cells: number; agreed: number; flagged: number }>();
    for (const cell of cells) {
      const row = bids.get(cell.bidId) ?? { bidId: cell.bidId, bidderName: cell.bidderName, cells: 0, agreed: 0, flagged: 0 };
      row.cells += 1;
      if (cell.agreed !== null) row.agreed += 1;
      if (onAgenda(cell)) row.flagged += 1;
      bids.set(cell.bidId, row);
    }
    res.render('evaluation/views/moderation.njk', {
      pageTitle: bid ? `Moderation – ${bid[0].bidderName}` : 'Moderation',
      tenderId,
      bid: bid && { bidderName: bid[0].bidderName, cells: bid.map((item) => this.summary(tenderId, item)) },
      agenda: flagged.slice((page - 1) * AGENDA_PAGE, page * AGENDA_PAGE).map((item) => this.summary(tenderId, item)),
      flaggedCount: flagged.length,
      cells: cells.length,
      agreed: cells.filter((cell) => cell.agreed !== null).length,
      divergenceThreshold: agenda.divergenceThreshold,
      bids: [...bids.values()],
      meetingNeeds: bid ? [] : await this.meetingNeeds(caller, tenderId),
      pagination:
        pages > 1
          ? {
              previous: page > 1 ? { href: link(page - 1) } : undefined,
              next: page < pages ? { href: link(page + 1) } : undefined,
              items: Array.from({ length: pages }, (_, index) => ({
                number: index + 1,
                href: link(index + 1),
                current: index + 1 === page,
              })),
            }
          : null,
    });
  }

  /**
   * evaluation → moderation: StartModerationService.start, as POST /api/tenders/:id/start-moderation;
   * a panel that is not quorate yet is refused with the service's own sentence naming what is missing.
   */
  @Post(':id/moderation/start')
  async start(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'moderation');
    try {
      await this.starter.start(caller, tenderId);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      const reason = error.extensions.shortfalls ? error.detail : 'Moderation can start only while the panel is scoring.';
      return this.renderStart(res.status(409), tenderId, addError(noErrors(), 'start', reason, 'start-moderation'));
    }
    res.redirect(303, `/tenders/${tenderId}/moderation`);
  }

  @Get(':id/moderation/:bidId/:code')
  async cell(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('code') code: string,
    @Query('saved') saved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.frame.load(res, caller, tenderId, 'moderation');
    const item = await this.item(caller, tenderId, bidId, code);
    this.renderCell(res, tender, item, {
      form: noErrors(),
      values: { score: '', rationale: '' },
      version: item.moderated?.version ?? 0,
      saved: saved === '1',
    });
  }

  @Post(':id/moderation/:bidId/:code')
  async record(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.frame.load(res, caller, tenderId, 'moderation');
    const values = { score: formValue(body, 'score'), rationale: formValue(body, 'rationale') };
    const seen = Number(formValue(body, 'version'));
    const version = Number.isInteger(seen) && seen >= 0 ? seen : 0;
    const { value, form } = validateForm(
      ModerateScoreDto,
      { score: values.score === '' ? undefined : Number(values.score), rationale: values.rationale },
      { score: 'Choose the agreed score', rationale: 'Write why the panel agreed this score' },
      { score: 'score', rationale: 'rationale' },
    );
    let stale = false;
    if (form.errors.length === 0) {
      try {
        await this.moderated.record(caller, tenderId, bidId, code, value, { any: false, versions: [version] });
        return res.redirect(303, `/tenders/${tenderId}/moderation/${bidId}/${encodeURIComponent(code)}?saved=1`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'precondition_failed') {
          stale = true;
          addError(
            form,
            'score',
            'Someone else changed the agreed score while you were on this page. Check their score below, then save yours again if it should replace it.',
          );
        } else if (error.code === 'invalid_state') {
          addError(
            form,
            'score',
            'You cannot record an agreed score now. Moderation may have ended, or the bid is disqualified.',
          );
        } else if (error.code === 'validation') {
          addError(form, 'score', 'Choose one of the scores on this page');
        } else {
          throw error;
        }
      }
    }
    const item = await this.item(caller, tenderId, bidId, code);
    // After a stale save the form carries the colleague's version: saving again replaces theirs knowingly.
    this.renderCell(res.status(stale ? 409 : 400), tender, item, { form, values, version: item.moderated?.version ?? 0, stale });
  }

  /* ------------------------------------------------------------------ helpers ------------- */

  private renderStart(res: Response, tenderId: string, form: FormErrors): void {
    res.render('evaluation/views/moderation-start.njk', { pageTitle: 'Start moderation', tenderId, ...form });
  }

  /** Access needs for the moderation meeting (members by their name on the record). */
  private meetingNeeds(caller: Caller, tenderId: string) {
    return this.needs.forMeeting(caller, tenderId);
  }

  /** The page's reads, with "not yet" worded for a person. */
  private async notYet<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_state') throw NOT_YET;
      throw error;
    }
  }

  private cells(caller: Caller, tenderId: string): Promise<ModerationCells> {
    return this.notYet(() => this.viewer.cells(caller, tenderId));
  }

  private item(caller: Caller, tenderId: string, bidId: string, code: string): Promise<ModerationItemResponse> {
    return this.notYet(() => this.viewer.cell(caller, tenderId, bidId, code));
  }

  private summary(tenderId: string, item: ModerationCell) {
    return {
      href: `/tenders/${tenderId}/moderation/${item.bidId}/${encodeURIComponent(item.code)}`,
      bidderName: item.bidderName,
      criterion: `${item.code}: ${item.title}`,
      spread: item.spread === null ? '–' : String(item.spread),
      flags: item.flags.map((flag) => flagText(flag.type)),
      groupsDiverge: groupsDiverge(item),
      agreed: item.agreed === null ? null : String(item.agreed),
    };
  }

  private renderCell(
    res: Response,
    tender: TenderResponse,
    item: ModerationItemResponse,
    model: { form: FormErrors; values: { score: string; rationale: string }; version: number; saved?: boolean; stale?: boolean },
  ): void {
    const labels = tender.scale.labels;
    const scale = [];
    for (let score = tender.scale.max; score >= tender.scale.min; score--) {
      const label = labels[String(score)]?.label;
      scale.push({ value: String(score), text: label ? `${score} – ${label}` : String(score) });
    }
    res.render('evaluation/views/moderation-cell.njk', {
      pageTitle: `${item.code}: ${item.title} – ${item.bidderName}`,
      tenderId: tender.id,
      item,
      scores: item.scores.map((score) => ({ ...score, group: GROUP_TEXT[score.group] ?? score.group })),
      groupMeans: { lived: points(item.groupMeans.lived_experience), professional: points(item.groupMeans.professional) },
      panelScore: points(item.panelScore),
      flags: item.flags.map((flag) => flagText(flag.type)),
      history: [...item.history].reverse().map((version) => ({ ...version, at: when(version.moderatedAt) })),
      open: tender.status === 'moderation' && item.bidStatus !== 'disqualified',
      scale,
      ...model,
      ...model.form,
    });
  }
}
