import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import { buyerOf, tendersOldestFirst } from '../tenders/tender-directory';

export interface TenderContact {
  tenderId: string;
  tenderTitle: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** Read-only facts the shell shows around pages: who to call, and who is buying. */
@Injectable()
export class HelpDirectory {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
  ) {}

  /** The contact of each tender the caller works on (a seat session: its one tender). */
  async contactsFor(caller: Caller): Promise<TenderContact[]> {
    return this.db.read(async (em) => {
      const visible = caller.seat ? [caller.seat.tenderId] : await this.access.visibleTenderIds(em, caller);
      if (visible === 'published' || visible.length === 0) return [];
      const tenders = await tendersOldestFirst(em, visible);
      return tenders.map((tender) => ({
        tenderId: tender.id,
        tenderTitle: tender.title,
        name: tender.contactName,
        email: tender.contactEmail,
        phone: tender.contactPhone,
      }));
    });
  }

  /** The buying organisation of a tender: its owner's organisation, when the account has one. */
  buyerOf(tenderId: string): Promise<string | null> {
    return this.db.read((em) => buyerOf(em, tenderId));
  }
}
