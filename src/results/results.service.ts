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

  /** Pure functions of the engine's result, kept while `Evaluation` reuses that very result. */
  private readonly presentations = new WeakMap<
    object,
    { presented: ReturnType<typeof presentResults>; gaps: ReturnType<typeof nameGaps> }
  >();

  private presentationOf(result: Parameters<typeof presentResults>[0]) {
    let found = this.presentations.get(result);
    if (!found) this.presentations.set(result, (found = { presented: presentResults(result), gaps: nameGaps(result) }));
    return found;
  }

  /** GET /results: the team, from moderation on. */
  results(caller: Caller, tenderId: string): Promise<ResultsResponse> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertResultsVisible(tender.status);
      const { result, memberNames } = await this.evaluation.evaluate(em, tender);
      const { presented, gaps } = this.presentationOf(result);
      return ResultsResponse.from(tender, presented, gaps, this.clock.now(), memberNames);
    });
  }
}
