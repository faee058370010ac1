import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { LedgerLine } from './ledger-line.entity';
import { PaymentAccount } from './payment-account.entity';
import { PaymentRate } from './payment-rate.entity';
import { PAYMENT_ACTIVITIES } from './domain/payment-rules';

/*
 * The payments feature's queries: plain functions on the unit of work's `em`, each one
 * statement whatever the number of members (docs/DEVELOPING.md, "Access").
 */

export async function ratesOf(em: EntityManager, tenderId: string): Promise<PaymentRate[]> {
  const rates = await em.getRepository(PaymentRate).find({ where: { tenderId } });
  return rates.sort((a, b) => PAYMENT_ACTIVITIES.indexOf(a.activity) - PAYMENT_ACTIVITIES.indexOf(b.activity));
}

export function linesOf(em: EntityManager, tenderId: string, panelMemberId?: string): Promise<LedgerLine[]> {
  return em.getRepository(LedgerLine).find({
    where: panelMemberId ? { tenderId, panelMemberId } : { tenderId },
    order: { occurredOn: 'ASC', claimedAt: 'ASC', id: 'ASC' },
  });
}

export function lineOf(em: EntityManager, tenderId: string, lineId: string): Promise<LedgerLine | null> {
  return em.getRepository(LedgerLine).findOne({ where: { id: lineId, tenderId } });
}

export function accountsOf(em: EntityManager, panelMemberIds: readonly string[]): Promise<PaymentAccount[]> {
  if (panelMemberIds.length === 0) return Promise.resolve([]);
  return em.getRepository(PaymentAccount).find({ where: { panelMemberId: In([...panelMemberIds]) } });
}

export function accountOf(em: EntityManager, panelMemberId: string): Promise<PaymentAccount | null> {
  return em.getRepository(PaymentAccount).findOne({ where: { panelMemberId } });
}
