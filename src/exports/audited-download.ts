import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import type { ExportKind } from './domain/export-rules';

export interface DownloadFacts {
  caller: Caller;
  tenderId: string;
  kind: ExportKind;
  fileName: string;
  /** Whether the results it shows were complete (an award could rest on them). */
  resultsComplete: boolean;
}

/**
 * Every export is on the audit trail: who, when (the audit row's time), which export,
 * how many bytes and their SHA-256, hashed as they stream out. The row is written when
 * the last byte has passed and before the response ends, so a download that completes
 * is always on the record, and anyone holding the file can prove it is the one issued
 * (`sha256sum file` against the audit row). A download cut short is recorded as
 * `export.interrupted` with what was sent.
 */
@Injectable()
export class AuditedDownloads {
  private readonly logger = new Logger(AuditedDownloads.name);

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /** A pass-through stream that hashes what flows through it and records the download. */
  track(facts: DownloadFacts): Transform {
    const hash = createHash('sha256');
    let bytes = 0;
    let recorded = false;
    const record = (action: 'export.downloaded' | 'export.interrupted') => {
      recorded = true;
      return this.db.transaction((em) =>
        this.audit.record(em, {
          actorId: facts.caller.id,
          action,
          entityType: 'export',
          entityId: facts.kind,
          tenderId: facts.tenderId,
          after: {
            export: facts.kind,
            fileName: facts.fileName,
            bytes,
            sha256: action === 'export.downloaded' ? hash.digest('hex') : null,
            resultsComplete: facts.resultsComplete,
          },
        }),
      );
    };
    const stream = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
        hash.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
      flush: (callback: TransformCallback) => {
        record('export.downloaded').then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    stream.on('close', () => {
      if (recorded) return;
      record('export.interrupted').catch((error: unknown) =>
        this.logger.error(`Could not record an interrupted ${facts.kind} download: ${String(error)}`),
      );
    });
    return stream;
  }
}
