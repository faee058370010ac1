import { Readable, type Transform } from 'node:stream';
import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import { AuditedDownloads } from './audited-download';
import { scoresCsv } from './csv/scores.csv';
import type { EvaluationRecord } from '../results/evaluation/evaluation-record';
import { Evaluation } from '../results/evaluation/evaluation.service';
import { assertExportable, EXPORT_CONTENT_TYPES, exportFileName, type ExportKind } from './domain/export-rules';
import { evaluationJson } from './json/evaluation.json';
import { DownloadCancelled } from './xlsx/sheet-writer';
import { writeEvaluationWorkbook } from './xlsx/workbook';

/**
 * The three exports of a tender's evaluation (API.md "Results and exports"): for the
 * team, from moderation on. The record is read in one unit of work and released before
 * anything is rendered, so a large workbook streaming to a slow client never holds the
 * database (on SQLite every unit of work takes its turn).
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly evaluation: Evaluation,
    private readonly downloads: AuditedDownloads,
  ) {}

  async evaluationMatrix(caller: Caller, tenderId: string): Promise<StreamableFile> {
    const record = await this.read(caller, tenderId);
    const { stream, file } = this.open(caller, record, 'evaluation-matrix.xlsx');
    writeEvaluationWorkbook(record, stream).catch((error: unknown) => this.fail(stream, 'evaluation-matrix.xlsx', error));
    return file;
  }

  async scoresCsv(caller: Caller, tenderId: string): Promise<StreamableFile> {
    const record = await this.read(caller, tenderId);
    const { stream, file } = this.open(caller, record, 'scores.csv');
    const source = Readable.from(scoresCsv(record), { objectMode: false });
    source.on('error', (error) => this.fail(stream, 'scores.csv', error));
    source.pipe(stream);
    return file;
  }

  async evaluationJson(caller: Caller, tenderId: string): Promise<StreamableFile> {
    const record = await this.read(caller, tenderId);
    const body = Buffer.from(JSON.stringify(await evaluationJson(record), null, 2), 'utf8');
    const { stream, file } = this.open(caller, record, 'evaluation.json');
    stream.end(body);
    return file;
  }

  /** The team only (404 if the tender is not visible, 403 for a panelist or bidder who sees it), from moderation on (409). */
  private read(caller: Caller, tenderId: string): Promise<EvaluationRecord> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertExportable(tender.status);
      return this.evaluation.record(em, caller, tender);
    });
  }

  private open(caller: Caller, record: EvaluationRecord, kind: ExportKind): { stream: Transform; file: StreamableFile } {
    const fileName = exportFileName(record.tender.reference, kind);
    const stream = this.downloads.track({
      caller,
      tenderId: record.tender.id,
      kind,
      fileName,
      resultsComplete: record.result.complete,
    });
    const file = new StreamableFile(stream, {
      type: EXPORT_CONTENT_TYPES[kind],
      disposition: `attachment; filename="${fileName}"`,
    });
    file.setErrorHandler((error) =>
      this.logger.error(`${kind} for tender ${record.tender.id} failed while streaming: ${error.message}`),
    );
    return { stream, file };
  }

  private fail(stream: Transform, kind: ExportKind, error: unknown): void {
    if (error instanceof DownloadCancelled) {
      this.logger.warn(`${kind}: the client went away; writing stopped.`);
      return;
    }
    this.logger.error(`Writing ${kind} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
