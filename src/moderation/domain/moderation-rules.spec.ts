import { DomainError } from '../../common/domain/domain-error';
import { TENDER_STATUSES } from '../../tenders/domain/tender-lifecycle';
import {
  assertBidModeratable,
  assertIfMatch,
  assertModeratable,
  assertModerationOpen,
  assertModerationVisible,
  etagOf,
  parseIfMatch,
} from './moderation-rules';

function codeOf(attempt: () => unknown): string | null {
  try {
    attempt();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
}

describe('moderation stages', () => {
  it('shows the moderation view from moderation on, never before or once cancelled', () => {
    const visible = TENDER_STATUSES.filter((status) => codeOf(() => assertModerationVisible(status)) === null);
    expect(visible).toEqual(['moderation', 'awarded']);
    expect(() => assertModerationVisible('evaluation')).toThrow(
      'Individual scores are shown from moderation on; the tender is in evaluation.',
    );
  });

  it('records moderated scores only during moderation', () => {
    const open = TENDER_STATUSES.filter((status) => codeOf(() => assertModerationOpen(status)) === null);
    expect(open).toEqual(['moderation']);
    expect(() => assertModerationOpen('awarded')).toThrow('The tender is awarded; moderated scores can no longer change.');
    expect(codeOf(() => assertModerationOpen('evaluation'))).toBe('invalid_state');
  });
});

describe('If-Match', () => {
  it('reads bare, quoted, weak and listed versions, and *', () => {
    expect(parseIfMatch(undefined)).toBeNull();
    expect(parseIfMatch('  ')).toBeNull();
    expect(parseIfMatch('3')).toEqual({ any: false, versions: [3] });
    expect(parseIfMatch('"3"')).toEqual({ any: false, versions: [3] });
    expect(parseIfMatch('W/"3"')).toEqual({ any: false, versions: [3] });
    expect(parseIfMatch('"2", "3"')).toEqual({ any: false, versions: [2, 3] });
    expect(parseIfMatch('*')).toEqual({ any: true });
  });

  it('refuses a malformed header with a 400 rather than ignoring it', () => {
    expect(codeOf(() => parseIfMatch('abc'))).toBe('validation');
    expect(codeOf(() => parseIfMatch('"3", x'))).toBe('validation');
  });

  it('passes a current version and refuses a stale one with a 412 carrying the current version', () => {
    expect(() => assertIfMatch(null, 5)).not.toThrow();
    expect(() => assertIfMatch({ any: false, versions: [5] }, 5)).not.toThrow();
    expect(() => assertIfMatch({ any: false, versions: [0] }, 0)).not.toThrow();
    try {
      assertIfMatch({ any: false, versions: [4] }, 5);
      throw new Error('expected a refusal');
    } catch (error) {
      const problem = error as DomainError;
      expect(problem.code).toBe('precondition_failed');
      expect(problem.extensions).toEqual({ currentVersion: 5 });
    }
  });

  it('* needs an existing version', () => {
    expect(() => assertIfMatch({ any: true }, 1)).not.toThrow();
    expect(codeOf(() => assertIfMatch({ any: true }, 0))).toBe('precondition_failed');
  });

  it('writes strong ETags', () => {
    expect(etagOf(7)).toBe('"7"');
    expect(parseIfMatch(etagOf(7))).toEqual({ any: false, versions: [7] });
  });
});

describe('what is moderated', () => {
  it('moderates scored criteria only', () => {
    expect(() => assertModeratable({ code: 'Q1', kind: 'scored' })).not.toThrow();
    expect(codeOf(() => assertModeratable({ code: 'P', kind: 'price' }))).toBe('rule_violation');
    expect(() => assertModeratable({ code: 'G1', kind: 'pass_fail' })).toThrow(
      'G1 is a pass_fail criterion: only panel-scored criteria are moderated.',
    );
  });

  it('does not moderate a disqualified bid', () => {
    expect(() => assertBidModeratable({ status: 'submitted' })).not.toThrow();
    expect(codeOf(() => assertBidModeratable({ status: 'disqualified' }))).toBe('invalid_state');
  });
});
