import { checkBothShares, toDto } from './criterion-form';
import { noErrors } from '../form';

const typed = (overrides: Record<string, string>): Record<string, string> => ({
  parentId: '',
  code: 'Q1',
  title: 'How will people shape the service?',
  kind: 'scored',
  category: 'co_production',
  weight: '30',
  threshold: '',
  scoredBy: 'both',
  maxWords: '',
  guidance: '',
  plainGuidance: '',
  'groupWeights-professional': '',
  'groupWeights-lived_experience': '',
  ...overrides,
});

describe('the criterion form as the API body: group weights', () => {
  it('sends the two shares as numbers when both groups score the question', () => {
    const values = typed({ 'groupWeights-professional': '60', 'groupWeights-lived_experience': '40' });
    expect(toDto(values, false).groupWeights).toEqual({ professional: 60, lived_experience: 40 });
    // Not a number: left as typed, so the API's own DTO refuses it.
    expect(
      toDto(typed({ 'groupWeights-professional': '60.5', 'groupWeights-lived_experience': 'x' }), false).groupWeights,
    ).toEqual({
      professional: 60.5,
      lived_experience: 'x',
    });
  });

  it('sends none when both boxes are empty or one group scores it: nothing on a new one, a clearing null on a change', () => {
    for (const values of [
      typed({}),
      typed({ scoredBy: 'professional', 'groupWeights-professional': '60', 'groupWeights-lived_experience': '40' }),
      typed({ kind: 'section', 'groupWeights-professional': '60', 'groupWeights-lived_experience': '40' }),
    ]) {
      expect(toDto(values, false).groupWeights).toBeUndefined();
      expect(toDto(values, true).groupWeights).toBeNull();
    }
  });

  it('asks for both shares when only one is typed, linking to the empty box', () => {
    const form = noErrors();
    checkBothShares(form, typed({ 'groupWeights-professional': '60' }));
    expect(form.errors).toEqual([
      {
        text: 'Enter both shares, or leave both empty to count every panel member’s score the same',
        href: '#groupWeights-lived_experience',
      },
    ]);
    const fine = noErrors();
    checkBothShares(fine, typed({ scoredBy: 'lived_experience', 'groupWeights-professional': '60' }));
    expect(fine.errors).toEqual([]);
  });
});
