import { missingAnswers, panelInGeneralTerms, parsePrice, timeLeft, whenInWords, type LeafCriterion } from './bidder-view';

const leaf = (code: string, kind: LeafCriterion['kind'], scoredBy: string[] = ['professional']): LeafCriterion => ({
  code,
  title: `Title ${code}`,
  kind,
  weight: 10,
  maxWords: null,
  guidance: null,
  plainGuidance: null,
  scoredBy,
});

describe('bidder pages: what they show', () => {
  it('says the time left in words, and nothing once the deadline has passed', () => {
    const deadline = new Date('2027-01-31T12:00:00Z');
    expect(timeLeft(new Date('2027-01-28T08:00:00Z'), deadline)).toBe('3 days and 4 hours');
    expect(timeLeft(new Date('2027-01-31T10:15:00Z'), deadline)).toBe('1 hour and 45 minutes');
    expect(timeLeft(new Date('2027-01-31T11:59:30Z'), deadline)).toBe('less than a minute');
    expect(timeLeft(deadline, deadline)).toBeNull();
    expect(whenInWords(deadline)).toBe('31 January 2027 at 12:00pm (UTC)');
    expect(whenInWords(new Date('2027-01-31T00:05:00Z'))).toBe('31 January 2027 at 12:05am (UTC)');
  });

  it('names who scores what without naming anyone', () => {
    expect(
      panelInGeneralTerms([leaf('Q1', 'scored'), leaf('C1', 'scored', ['lived_experience', 'professional']), leaf('P', 'price')]),
    ).toEqual(['People who use the service score: Title C1.', 'Professionals score: Title Q1 and Title C1.']);
  });

  it('lists every scored question without an answer; gates and price are not answers', () => {
    const leaves = [leaf('Q1', 'scored'), leaf('Q2', 'scored'), leaf('G1', 'pass_fail'), leaf('P', 'price')];
    expect(missingAnswers(leaves, new Set(['Q2'])).map((l) => l.code)).toEqual(['Q1']);
  });

  it('reads a price as people type it', () => {
    expect(parsePrice('£1,249,500.50')).toBe(1249500.5);
    expect(parsePrice('lots')).toBe('lots');
  });
});
