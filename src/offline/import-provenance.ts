import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the import tells the provenance record about the drafts it wrote. */
export interface WorkbookProvenance {
  method: 'offline_workbook';
  tenderId: string;
  panelMemberId: string;
  /** The account that uploaded the workbook (the member, or a team member for them). */
  enteredById: string;
  scoreIds: string[];
  /** SHA-256 of the uploaded file. */
  sha256: string;
}

/**
 * The seam for assisted scoring's provenance record (issue 17 part 2): called inside the
 * import's transaction, after the drafts are written. The default records nothing beyond
 * the audit rows; at merge, bind the provenance recorder to this class in OfflineModule.
 */
@Injectable()
export class ImportProvenance {
  async record(_em: EntityManager, _provenance: WorkbookProvenance): Promise<void> {
    // Nothing to do until a provenance record exists.
  }
}
