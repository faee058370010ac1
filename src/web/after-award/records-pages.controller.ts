import { Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { Clock } from '../../common/clock';
import { retentionRefusal } from '../../standstill/domain/retention';
import { StandstillService } from '../../standstill/standstill.service';
import { requireRole, teamFrame } from '../team/team-frame';
import { dateWords } from '../team/team-view';
import { PageCaller, WebPages } from '../web-page';
import { ukDayWords } from './after-award-view';

/**
 * Records kept after the contract (s.98): the team's tenders whose contract was entered into,
 * the date each one's records may be deleted, and what falls due. The API's GET /api/retention
 * (StandstillService.retention); the sentence a delete would be refused with is the rule's own
 * (`retentionRefusal`).
 */
@WebPages('records')
export class RecordsPagesController {
  constructor(
    private readonly standstill: StandstillService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async report(@PageCaller() caller: Caller, @Res() res: Response): Promise<void> {
    requireRole(caller, 'commissioner', 'procurement');
    teamFrame(res, caller, '/records');
    const now = this.clock.now();
    const entries = (await this.standstill.retention(caller)).map((entry) => ({
      ...entry,
      href: `/tenders/${entry.tenderId}/after-award`,
      entered: dateWords(entry.contractEnteredAt),
      keptUntil: ukDayWords(entry.retainUntil),
      refusal: retentionRefusal(new Date(entry.contractEnteredAt), now),
    }));
    res.render('after-award/views/records.njk', {
      pageTitle: 'Records to keep',
      due: entries.filter((entry) => entry.due),
      kept: entries.filter((entry) => !entry.due),
      today: ukDayWords(now.toISOString()),
    });
  }
}
