import { TENDER_STATUSES } from '../tenders/domain/tender-lifecycle';
import { trailRedaction } from './trail-rules';

const CLOSED = new Date('2027-01-31T12:00:00.000Z');

describe("the team's view of a tender's audit trail", () => {
  it.each([
    ['draft', null, { bid_content: true, score: true }],
    ['published', null, { bid_content: true, score: true }],
    ['evaluation', CLOSED, { bid_content: false, score: true }],
    ['moderation', CLOSED, { bid_content: false, score: false }],
    ['awarded', CLOSED, { bid_content: false, score: false }],
    ['cancelled', CLOSED, { bid_content: false, score: true }],
    ['cancelled', null, { bid_content: true, score: true }],
  ] as const)('a %s tender (closedAt %s) redacts %j', (status, closedAt, redaction) => {
    expect(trailRedaction({ status, closedAt })).toEqual(redaction);
  });

  it('never shows scores while bid content is still sealed', () => {
    for (const status of TENDER_STATUSES) {
      for (const closedAt of [null, CLOSED]) {
        const redaction = trailRedaction({ status, closedAt });
        if (redaction.bid_content) expect(redaction.score).toBe(true);
      }
    }
  });
});
