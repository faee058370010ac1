/*
 * What the tender team may read on a tender's audit trail, as a pure rule: events carry a
 * sensitivity, and the tender's stage decides which sensitivities are redacted.
 */
import { boxIsOpen, reached, type BoxFacts } from '../tenders/domain/tender-lifecycle';

/** Which sensitive events show redacted (true: hidden). */
export interface TrailRedaction {
  bid_content: boolean;
  score: boolean;
}

/**
 * While bids are sealed no bid content; until moderation no score values (a tender cancelled
 * during evaluation never reveals its scores either).
 */
export function trailRedaction(tender: BoxFacts): TrailRedaction {
  return { bid_content: !boxIsOpen(tender), score: !reached(tender.status, 'moderation') };
}
