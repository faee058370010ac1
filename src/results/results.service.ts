import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { Db } from '../database/db.service';
import { ResultsResponse } from './dto/results.response';
import { presentResults } from './engine';
import { Evaluation } from './evaluation/evaluation.service';
import { assertResultsVisible, nameGaps } from './domain/results-rules';

/**
 * GET /results: the tender evaluated by `Evaluation` (the one reader and the pure engine,
 * docs/SCORING.md), presented. The award, the moderation view and the exports evaluate
 * through `Evaluation` too, so every renderer shows the very same numbers.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly clock: Clock,
    private readonly evaluation: Evaluation,
  ) {}

  /** GET /results: the team, from moderation on. */
  results(caller: Caller, tenderId: string): Promise<ResultsResponse> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertResultsVisible(tender.status);
      const { result, memberNames } = await this.evaluation.evaluate(em, tender);
      return ResultsResponse.from(tender, presentResults(result), nameGaps(result), this.clock.now(), memberNames);
    });
  }
}
