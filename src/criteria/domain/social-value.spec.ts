import { PPN002_WARNING, socialValueHundredths, tenderWarnings, type WeightedNode } from './social-value';

const node = (kind: WeightedNode['kind'], category: string | null, weightHundredths: number): WeightedNode => ({
  kind,
  category,
  weightHundredths,
});

describe('social value share (PPN 002)', () => {
  it('sums the social, economic and environmental outcome leaves, exactly', () => {
    // 3.33 + 3.33 + 3.34 = 10.00 % exactly (integer hundredths: 333 + 333 + 334 = 1000).
    const tree = [
      node('section', 'social_outcome', 1000),
      node('scored', 'social_outcome', 333),
      node('scored', 'economic_outcome', 333),
      node('scored', 'environmental_outcome', 334),
      node('scored', 'co_production', 2000),
      node('scored', 'quality', 4000),
      node('price', 'price', 3000),
      node('pass_fail', 'compliance', 0),
    ];
    expect(socialValueHundredths(tree)).toBe(1000);
    expect(tenderWarnings(tree)).toEqual([]);
  });

  it('warns at 9.99 %, naming the share, and says it does not stop the tender', () => {
    const tree = [node('scored', 'social_outcome', 999), node('scored', 'quality', 6001), node('price', 'price', 3000)];
    expect(tenderWarnings(tree)).toEqual([{ code: PPN002_WARNING, message: expect.stringContaining('is 9.99% of the total') }]);
    expect(tenderWarnings(tree)[0].message).toMatch(/does not stop the tender/);
  });

  it('does not count co-production or a section’s label as social value', () => {
    const tree = [node('section', 'social_outcome', 5000), node('scored', 'co_production', 5000)];
    expect(socialValueHundredths(tree)).toBe(0);
    expect(tenderWarnings(tree)[0].message).toContain('is 0% of the total');
  });
});
