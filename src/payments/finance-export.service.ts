import { createHash } from 'node:crypto';
import { Injectable, StreamableFile } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { seatContact } from '../panel/domain/panel-rules';
import { mayHaveLedger } from './domain/payment-rules';
import { financeCsv, type FinancePayee } from './finance-csv';
import { accountsOf, linesOf } from './payment-ledger';

/**
 * GET /tenders/:tenderId/payments.csv: the approved lines for finance, built in the unit of
 * work that records the download (who, how many lines, the SHA-256 of the bytes).
 */
@Injectable()
export class FinanceExportService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly panel: PanelDirectory,
  ) {}

  async csv(caller: Caller, tenderId: string): Promise<StreamableFile> {
    const { body, fileName } = await this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const members = (await this.panel.members(em, tenderId)).filter((member) => mayHaveLedger(member.group));
      const accounts = await accountsOf(
        em,
        members.map((member) => member.id),
      );
      const payees = new Map<string, FinancePayee>();
      for (const account of accounts) {
        const member = members.find((candidate) => candidate.id === account.panelMemberId);
        if (!member) continue;
        const name = member.user ? seatContact(member, member.user).name : (member.contactName ?? '');
        payees.set(member.id, { reference: account.reference, name, choice: account.choice });
      }
      const lines = await linesOf(em, tenderId);
      const text = financeCsv(tender.reference, lines, payees);
      const bytes = Buffer.from(text, 'utf8');
      const name = `${tender.reference.replace(/[^A-Za-z0-9._-]/g, '_')}-payments.csv`;
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'payment_export.downloaded',
        entityType: 'export',
        entityId: 'payments.csv',
        tenderId,
        after: {
          fileName: name,
          rows: text.split('\r\n').length - 2,
          bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        },
      });
      return { body: bytes, fileName: name };
    });
    return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
  }
}
