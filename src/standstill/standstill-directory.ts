import type { EntityManager } from 'typeorm';
import { Standstill, type StandstillKind } from './standstill.entity';

export interface AfterAwardFacts {
  kind: StandstillKind;
  noticePublishedAt: Date | null;
  /** The standstill's end: null with no notice yet, or with no standstill kept. */
  endsAt: Date | null;
  contractEnteredAt: Date | null;
}

/** How other features read a tender's after-award record, inside their unit of work; null when none is kept yet. */
export async function afterAwardOf(em: EntityManager, tenderId: string): Promise<AfterAwardFacts | null> {
  const record = await em.getRepository(Standstill).findOne({ where: { tenderId } });
  return record
    ? {
        kind: record.kind,
        noticePublishedAt: record.noticePublishedAt,
        endsAt: record.endsAt,
        contractEnteredAt: record.contractEnteredAt,
      }
    : null;
}
