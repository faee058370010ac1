import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { Db } from '../database/db.service';
import { tendersByIds } from '../tenders/tender-directory';
import { Clarification } from './clarification.entity';
import { isNewSince, type ClarificationViewer } from './clarification-rules';
import { ClarificationSignIn } from './clarification-sign-in.entity';

export interface ClarificationNews {
  /** The bidder's sign-in before this one; null at the first (nothing is news then). */
  since: Date | null;
  /** Each tender with news, in the order of its newest entry: how many entries are new. */
  tenders: { tenderId: string; title: string; count: number }[];
}

/**
 * "N new answers since you last signed in": a bidder's sign-ins are kept (the time of this
 * one and the one before), and the entries published to them since the one before are counted
 * under the same rule the log shows them by (never another bidder's private question).
 */
@Injectable()
export class ClarificationNewsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly clock: Clock,
  ) {}

  /** Called in the sign-in's own unit of work (the web session's SignInHooks). */
  async recordSignIn(em: EntityManager, userId: string): Promise<void> {
    const repo = em.getRepository(ClarificationSignIn);
    const mark = await repo.findOne({ where: { userId } });
    const now = this.clock.now();
    if (mark) await repo.update({ userId }, { previousSignInAt: mark.lastSignInAt, lastSignInAt: now });
    else await repo.insert({ userId, lastSignInAt: now, previousSignInAt: null });
  }

  async newSinceLastSignIn(caller: Caller): Promise<ClarificationNews> {
    if (caller.role !== 'bidder' || caller.seat) return { since: null, tenders: [] };
    return this.db.read(async (em) => {
      const mark = await em.getRepository(ClarificationSignIn).findOne({ where: { userId: caller.id } });
      const since = mark?.previousSignInAt ?? null;
      if (!since) return { since: null, tenders: [] };
      const candidates = await em
        .getRepository(Clarification)
        .createQueryBuilder('c')
        .where(
          new Brackets((where) =>
            where.where('c.publishedAt > :since', { since }).orWhere('c.status = :private AND c.answeredAt > :since', {
              private: 'private',
              since,
            }),
          ),
        )
        .getMany();
      const viewer: ClarificationViewer = { as: 'bidder', userId: caller.id, organisationId: caller.organisationId };
      const mine = candidates.filter((entry) => isNewSince(entry, viewer, since));
      const tenders = await tendersByIds(em, [...new Set(mine.map((entry) => entry.tenderId))]);
      const relations = await this.access.relationsOf(em, caller, tenders);
      const visible = new Map(tenders.filter((_, i) => relations[i].bidderMayView).map((tender) => [tender.id, tender]));
      const byTender = new Map<string, { tenderId: string; title: string; count: number; newest: number }>();
      for (const entry of mine) {
        const tender = visible.get(entry.tenderId);
        if (!tender) continue;
        const row = byTender.get(tender.id) ?? { tenderId: tender.id, title: tender.title, count: 0, newest: 0 };
        row.count += 1;
        row.newest = Math.max(row.newest, (entry.publishedAt ?? entry.answeredAt ?? since).getTime());
        byTender.set(tender.id, row);
      }
      return {
        since,
        tenders: [...byTender.values()]
          .sort((a, b) => b.newest - a.newest)
          .map(({ tenderId, title, count }) => ({ tenderId, title, count })),
      };
    });
  }
}
