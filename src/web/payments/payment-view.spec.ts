import { dateFromParts, dayInWords, penceFromPounds, poundsForForm } from './payment-view';

describe('the payment pages’ reading of what people type', () => {
  it('reads pounds as exact pence', () => {
    expect(penceFromPounds('25')).toBe(2500);
    expect(penceFromPounds('£25.50')).toBe(2550);
    expect(penceFromPounds('6.4')).toBe(640);
    expect(penceFromPounds(' 1,000 ')).toBe(100_000);
    expect(penceFromPounds('0.05')).toBe(5);
    for (const bad of ['', '25.505', '-3', 'ten', '2e3', '25.']) expect(penceFromPounds(bad)).toBeNull();
    expect(poundsForForm(2550)).toBe('25.50');
    expect(poundsForForm(2500)).toBe('25');
  });

  it('reads a date from its boxes and says it back', () => {
    expect(dateFromParts('3', '2', '2027')).toBe('2027-02-03');
    expect(dateFromParts('', '2', '2027')).toBeNull();
    expect(dateFromParts('3', '2', '27')).toBeNull();
    expect(dayInWords('2027-02-03')).toBe('3 February 2027');
  });
});
