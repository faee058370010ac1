import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/caller';
import type { Tender } from '../../tenders/tender.entity';
import { PanelDirectory } from '../../panel/panel-directory.service';
import type { PanelMember } from '../../panel/panel-member.entity';
import { computeResults, panelStatistics, type EngineInput, type EngineResult, type PanelStatistics } from '../engine';
import { cellKey, type Evaluated, type EvaluatedCell, type EvaluatedCells, type EvaluationRecord } from './evaluation-record';
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
    const { members, kept } = await this.kept(em, tender);
    return { input: kept.input, result: kept.result, memberNames: this.directory.namesOnRecord(members) };
  }

  /**
   * The compact door with the engine's panel statistics per cell (`cellKey`, in the engine's
   * order: bid by bidder name, then criterion in tree order): what
   * the moderation pages show of every cell without reading a single rationale. Kept with the
   * evaluation it was computed from, so it is never older than the result beside it.
   */
  async cells(em: EntityManager, tender: Tender): Promise<EvaluatedCells> {
    const { members, kept } = await this.kept(em, tender);
    kept.statistics ??= new Map(panelStatistics(kept.input).map((cell) => [cellKey(cell.bidId, cell.criterionId), cell]));
    return {
      input: kept.input,
      result: kept.result,
      memberNames: this.directory.namesOnRecord(members),
      statistics: kept.statistics,
    };
  }

  /**
   * One bid × scored criterion (`code`), from that cell's rows only (`EvaluationReader.readCell`):
   * the engine's own `panelStatistics` on the tender narrowed to the one bid and the cell's
   * scores, so a cell page costs the same on a tender of 3 bids as of 200, whether or not the
   * tender just changed. Null when the bid does not count or `code` is not a scored criterion.
   */
  async cell(em: EntityManager, tender: Tender, bidId: string, code: string): Promise<EvaluatedCell | null> {
    const read = await this.reader.readCell(em, tender, bidId, code);
    if (!read) return null;
    const input = toEngineInput(read.rows);
    const statistics = panelStatistics(input).find((cell) => cell.criterionId === read.criterion.id)!;
    return {
      criterion: input.criteria.find((criterion) => criterion.id === read.criterion.id)!,
      bid: input.bids[0],
      statistics,
      members: read.rows.members,
      memberNames: this.directory.namesOnRecord(read.rows.members),
      scoreRows: read.scoreRows,
      history: read.rows.moderated,
    };
  }

  /** The engine's input and result, reused while the tender is unchanged (TenderStateCache). */
  private async kept(em: EntityManager, tender: Tender): Promise<{ members: PanelMember[]; kept: Kept }> {
    const members = await this.directory.members(em, tender.id);
    const key = JSON.stringify([
      'evaluation',
      engineSettingsOf(tender),
      members.map((member) => [member.id, member.group, member.joinOrder]),
    ]);
    const kept = await this.cache.read<Kept>(em, tender.id, key, async () => {
      const { input, result } = this.compute(await this.reader.read(em, tender, 'engine', members));
      return { input, result };
    });
    return { members, kept };
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

/** What TenderStateCache keeps per tender state: the engine's input and answer, and the panel statistics once asked for. */
interface Kept {
  input: EngineInput;
  result: EngineResult;
  statistics?: Map<string, PanelStatistics>;
}
