import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { recordEntry } from '../assisted/score-entry-queries';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';

/** What the import tells the provenance record about the drafts it wrote. */
export interface WorkbookProvenance {
  method: 'offline_workbook';
  tenderId: string;
  panelMemberId: string;
  /** The account that uploaded the workbook (the member, or a team member for them). */
  enteredById: string;
  /** True when the member uploaded their own workbook: the scores are theirs, entered by them. */
  byMember: boolean;
  scoreIds: string[];
  /** SHA-256 of the uploaded file. */
  sha256: string;
}

/**
 * Assisted scoring's provenance (issue 17 part 2) for an import, inside its transaction:
 * a workbook the team uploads for a member puts each draft on the record as entered on the
 * member's behalf "from their offline workbook" (the moderation view, the matrix and the
 * member's "entered for you" page show it, and the member confirms it). A member's own
 * upload needs no such record.
 */
@Injectable()
export class ImportProvenance {
  constructor(private readonly clock: Clock) {}

  async record(em: EntityManager, provenance: WorkbookProvenance): Promise<void> {
    if (provenance.byMember) return;
    const enteredAt = this.clock.now();
    for (const individualScoreId of provenance.scoreIds) {
      await recordEntry(em, {
        id: newId(),
        individualScoreId,
        tenderId: provenance.tenderId,
        enteredById: provenance.enteredById,
        method: provenance.method,
        enteredAt,
      });
    }
  }
}
