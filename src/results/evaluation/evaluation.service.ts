import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/caller';
import type { Tender } from '../../tenders/tender.entity';
import { PanelDirectory } from '../../panel/panel-directory.service';
import { computeResults } from '../engine';
import type { Evaluated, EvaluationRecord } from './evaluation-record';
import { EvaluationRecordLoader } from './evaluation-record.loader';
import { EvaluationReader, toEngineInput, type EvaluationRows } from './evaluation-reader';

/**
 * The one place a tender is evaluated. GET /results and the award (`evaluate`), the
 * moderation view and the exports (`record`) — and every later page, letter and notice —
 * go through here, so they all show the very same numbers: one reader
 * (`EvaluationReader`), one call of the engine (`computeResults`, called nowhere else).
 * Both run inside the caller's unit of work; no access or status check (the caller has
 * made those).
 */
@Injectable()
export class Evaluation {
  constructor(
    private readonly reader: EvaluationReader,
    private readonly records: EvaluationRecordLoader,
    private readonly directory: PanelDirectory,
  ) {}

  /** The compact door: only what the engine reads. */
  async evaluate(em: EntityManager, tender: Tender): Promise<Evaluated> {
    return this.compute(await this.reader.read(em, tender, 'engine'));
  }

  /**
   * The full door: the evaluation record (versions, compliance, moderation history, the
   * criteria tree, who did what) built on the same rows the engine's input came from.
   */
  async record(em: EntityManager, caller: Caller, tender: Tender): Promise<EvaluationRecord> {
    const rows = await this.reader.read(em, tender, 'record');
    return this.records.build(em, caller, rows, this.compute(rows));
  }

  private compute(rows: EvaluationRows): Evaluated {
    const input = toEngineInput(rows);
    return { input, result: computeResults(input), memberNames: this.directory.namesOnRecord(rows.members) };
  }
}
