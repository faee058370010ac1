import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { Db } from '../database/db.service';
import { EngineInputLoader } from './evaluation/evaluation-reader';
import type { Tender } from '../tenders/tender.entity';
import { ResultsResponse } from './dto/results.response';
import { computeResults, presentResults, type EngineInput, type EngineResult } from './engine';
import { assertResultsVisible, nameGaps } from './results-rules';

/**
 * A tender's results: the evaluation read by the moderation feature's loader, the pure
 * engine (docs/SCORING.md), and nothing else. The award calls `evaluate` too; the exports
 * (EvaluationRecordLoader) run the same `computeResults` over the same
 * `EngineInputLoader.loadInput`, so every renderer shows the very same numbers.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly clock: Clock,
    private readonly loader: EngineInputLoader,
  ) {}

  /**
   * The exact engine result for a tender, inside the caller's unit of work. No access or
   * status check: the caller has made those.
   */
  async evaluate(em: EntityManager, tender: Tender): Promise<EngineResult> {
    return (await this.evaluateWithInput(em, tender)).result;
  }

  /** The engine result with the input it was computed from (for `panelStatistics(input)`). */
  async evaluateWithInput(em: EntityManager, tender: Tender): Promise<{ input: EngineInput; result: EngineResult }> {
    const input = await this.loader.loadInput(em, tender);
    return { input, result: computeResults(input) };
  }

  /** GET /results: the team, from moderation on. */
  results(caller: Caller, tenderId: string): Promise<ResultsResponse> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertResultsVisible(tender.status);
      const result = await this.evaluate(em, tender);
      return ResultsResponse.from(tender, presentResults(result), nameGaps(result), this.clock.now());
    });
  }
}
