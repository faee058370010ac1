import fc from 'fast-check';
import { DomainError } from '../../common/domain/domain-error';
import {
  assertBoxOpen,
  boxIsOpen,
  isFrozen,
  nextStatus,
  reached,
  TENDER_STATUSES,
  transition,
  type TenderAction,
} from './tender-lifecycle';

const ACTIONS: TenderAction[] = ['publish', 'close', 'start_moderation', 'award', 'cancel'];

describe('tender lifecycle', () => {
  it('follows draft → published → evaluation → moderation → awarded', () => {
    expect(transition('draft', 'publish')).toBe('published');
    expect(transition('published', 'close')).toBe('evaluation');
    expect(transition('evaluation', 'start_moderation')).toBe('moderation');
    expect(transition('moderation', 'award')).toBe('awarded');
  });

  it('cancels from every open state and never from awarded or cancelled', () => {
    for (const status of ['draft', 'published', 'evaluation', 'moderation'] as const) {
      expect(transition(status, 'cancel')).toBe('cancelled');
    }
    expect(nextStatus('awarded', 'cancel')).toBeNull();
    expect(nextStatus('cancelled', 'cancel')).toBeNull();
  });

  it('refuses a skipped step with a 409 naming the allowed state', () => {
    expect(() => transition('draft', 'close')).toThrow(DomainError);
    expect(() => transition('draft', 'close')).toThrow(
      'The tender is a draft, so it cannot be closed: only a tender that is published can be.',
    );
  });

  it('never leaves a frozen state, and every move goes forward or to cancelled', () => {
    const order = ['draft', 'published', 'evaluation', 'moderation', 'awarded'];
    fc.assert(
      fc.property(fc.constantFrom(...TENDER_STATUSES), fc.constantFrom(...ACTIONS), (from, action) => {
        const to = nextStatus(from, action);
        if (isFrozen(from)) return to === null;
        return to === null || to === 'cancelled' || order.indexOf(to) === order.indexOf(from) + 1;
      }),
    );
  });

  it('orders the stages: evaluation is reached from evaluation on, never by a cancelled tender', () => {
    expect(reached('moderation', 'evaluation')).toBe(true);
    expect(reached('published', 'evaluation')).toBe(false);
    expect(reached('cancelled', 'evaluation')).toBe(false);
  });
});

describe('the sealed box', () => {
  const CLOSED = new Date('2027-01-31T12:00:00.000Z');

  it.each([
    ['draft', null, false],
    ['published', null, false],
    ['evaluation', CLOSED, true],
    ['moderation', CLOSED, true],
    ['awarded', CLOSED, true],
    ['cancelled', CLOSED, true],
    ['cancelled', null, false],
  ] as const)('a %s tender (closedAt %s) has its box open: %s', (status, closedAt, open) => {
    expect(boxIsOpen({ status, closedAt })).toBe(open);
    if (open) expect(() => assertBoxOpen({ status, closedAt })).not.toThrow();
    else expect(() => assertBoxOpen({ status, closedAt })).toThrow(DomainError);
  });

  it('says why a box stays sealed: cancelled before closing, or not closed yet', () => {
    expect(() => assertBoxOpen({ status: 'cancelled', closedAt: null })).toThrow('cancelled before it closed');
    expect(() => assertBoxOpen({ status: 'published', closedAt: null })).toThrow('Only the number of submitted bids');
  });
});
