import { retainUntil, retentionEnded, retentionRefusal } from './retention';

describe('keeping records three years from the contract (s.98)', () => {
  it('keeps them until the same date and time three years on', () => {
    const entered = new Date('2027-01-07T09:00:00.000Z');
    expect(retainUntil(entered).toISOString()).toBe('2030-01-07T09:00:00.000Z');
    expect(retentionEnded(entered, new Date('2030-01-07T08:59:59.999Z'))).toBe(false);
    expect(retentionEnded(entered, new Date('2030-01-07T09:00:00.000Z'))).toBe(true);
  });

  it('moves 29 February to 1 March when the third year has none', () => {
    expect(retainUntil(new Date('2028-02-29T12:00:00.000Z')).toISOString()).toBe('2031-03-01T12:00:00.000Z');
  });

  it('refuses a delete with the date it becomes possible, and not after it', () => {
    const entered = new Date('2027-01-07T09:00:00.000Z');
    expect(retentionRefusal(entered, new Date('2029-12-31T12:00:00.000Z'))).toBe(
      'The records of this tender must be kept until 7 January 2030, three years from the day the contract was entered into (Procurement Act 2023, section 98): they can be deleted from then.',
    );
    expect(retentionRefusal(entered, new Date('2030-01-07T09:00:00.000Z'))).toBeNull();
  });
});
