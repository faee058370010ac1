import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/caller';
import type { Tender } from '../../tenders/tender.entity';
import { PanelDirectory } from '../../panel/panel-directory.service';
import { computeResults } from '../engine';
import type { Evaluated, EvaluationRecord } from './evaluation-record';
import { EvaluationRecordLoader } from './evaluation-record.loader';
import { TenderStateCache } from '../../audit/tender-state-cache';
import { engineSettingsOf, EvaluationReader, toEngineInput, type EvaluationRows } from './evaluation-reader';

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
    private readonly cache: TenderStateCache,
  ) {}

  /**
   * The compact door: only what the engine reads. In a read-only unit of work the engine's
   * input and result are reused while the tender's audit chain head, its settings and its
   * panel are unchanged (TenderStateCache): a page view of a large tender then reads three
   * rows, not 150 000 scores. The members (and so the names on record) are always read.
   */
  async evaluate(em: EntityManager, tender: Tender): Promise<Evaluated> {
    const members = await this.directory.members(em, tender.id);
    const key = JSON.stringify([
      'evaluation',
      engineSettingsOf(tender),
      members.map((member) => [member.id, member.group, member.joinOrder]),
    ]);
    const { input, result } = await this.cache.read(em, tender.id, key, async () => {
      const { input, result } = this.compute(await this.reader.read(em, tender, 'engine', members));
      return { input, result };
    });
    return { input, result, memberNames: this.directory.namesOnRecord(members) };
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
