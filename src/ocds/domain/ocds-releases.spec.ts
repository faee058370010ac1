import { validatePackage } from '../../../test/ocds/ocds-schema';
import type { OcdsAwardFacts, OcdsContractFacts, OcdsFacts, OcdsPublisher, OcdsTenderFacts } from './ocds-facts';
import { NOT_YET, releaseOf, releasePackage, releasesOf } from './ocds-package';

/*
 * The mapper, on one tender: Q (section 40) over Q1 25 (threshold 2) and Q2 15, C1 co-production
 * 20, SV1 social outcome 10, P price 30, G1 a gate. Four bids: A (a VCSE, the winner, £95 000.50),
 * B an SME, C an SME disqualified, D a paper bid with no organisation type.
 */
const publisher: OcdsPublisher = { ocidPrefix: 'ocds-tscore', name: 'London Borough of Camden', publicUrl: 'https://t.example' };

const tender: OcdsTenderFacts = {
  id: 'tender-1',
  reference: 'LBC-1',
  title: 'Mental health day care',
  description: 'A co-produced day service.',
  publishedAt: new Date('2026-11-23T09:00:00.000Z'),
  bidDeadline: new Date('2027-01-31T12:00:00.000Z'),
  clarificationDeadline: new Date('2027-01-17T12:00:00.000Z'),
  scale: { min: 0, max: 5 },
  contact: { name: 'Sam Okoye', email: 'commissioning@camden.gov.uk', phone: null },
  criteria: [
    {
      code: 'Q',
      title: 'Service quality',
      kind: 'section',
      category: 'quality',
      weightHundredths: 4000,
      threshold: null,
      sectionTitle: null,
    },
    {
      code: 'Q1',
      title: 'Service model',
      kind: 'scored',
      category: 'quality',
      weightHundredths: 2500,
      threshold: 2,
      sectionTitle: 'Service quality',
    },
    {
      code: 'Q2',
      title: 'Safeguarding',
      kind: 'scored',
      category: 'quality',
      weightHundredths: 1500,
      threshold: null,
      sectionTitle: 'Service quality',
    },
    {
      code: 'C1',
      title: 'Co-production',
      kind: 'scored',
      category: 'co_production',
      weightHundredths: 2000,
      threshold: null,
      sectionTitle: null,
    },
    {
      code: 'SV1',
      title: 'Local employment',
      kind: 'scored',
      category: 'social_outcome',
      weightHundredths: 1000,
      threshold: null,
      sectionTitle: null,
    },
    { code: 'P', title: 'Price', kind: 'price', category: 'price', weightHundredths: 3000, threshold: null, sectionTitle: null },
    {
      code: 'G1',
      title: 'Insurance',
      kind: 'pass_fail',
      category: 'compliance',
      weightHundredths: 0,
      threshold: null,
      sectionTitle: null,
    },
  ],
};

const award: OcdsAwardFacts = {
  awardedAt: new Date('2027-03-01T10:00:00.000Z'),
  winner: { bidId: 'bid-a', bidderName: 'Hope Trust', organisationType: 'vcse', pricePence: 9_500_050n },
  bids: [
    { id: 'bid-a', status: 'submitted', organisationType: 'vcse' },
    { id: 'bid-b', status: 'submitted', organisationType: 'sme' },
    { id: 'bid-c', status: 'disqualified', organisationType: 'sme' },
    { id: 'bid-d', status: 'submitted', organisationType: null },
  ],
  standstill: { startDate: new Date('2027-03-02T09:00:00.000Z'), endDate: new Date('2027-03-12T00:00:00.000Z') },
  assessmentSummariesDateSent: null,
};

const contract: OcdsContractFacts = {
  enteredAt: new Date('2027-03-15T09:00:00.000Z'),
  commitments: [
    {
      position: 0,
      outcome: 'More people back in work',
      measure: 'People in paid work',
      target: '12',
      baseline: '4',
      byDate: '2028-03-31',
      criterionCode: 'SV1',
    },
    {
      position: 1,
      outcome: 'Less isolation',
      measure: 'Members reporting friends',
      target: '62.5',
      baseline: null,
      byDate: null,
      criterionCode: null,
    },
  ],
};

const all: OcdsFacts = { tender, award, contract };
const json = (value: unknown): string => JSON.stringify(value);

describe('OCDS releases (UK profile)', () => {
  it('has no release before publication, then one per stage reached, in order', () => {
    expect(releasesOf(publisher, { tender: null, award: null, contract: null })).toEqual([]);
    expect(releasesOf(publisher, { tender, award: null, contract: null }).map((found) => found.tag)).toEqual([['tender']]);
    expect(releasesOf(publisher, all).map((found) => found.id)).toEqual([
      'ocds-tscore-tender-1-tender',
      'ocds-tscore-tender-1-award',
      'ocds-tscore-tender-1-contract',
    ]);
    expect(releaseOf(publisher, { tender, award: null, contract }, 'contract')).toBeNull();
    expect(NOT_YET.award).toMatch(/not awarded/);
  });

  it('puts the weighted leaves on the lot as award criteria, weights summing to 100, the threshold as a minimum score', () => {
    const { tender: notice } = releaseOf(publisher, all, 'tender')! as unknown as {
      tender: {
        lots: { awardCriteria: { description: string; criteria: { name: string; type: string; numbers: unknown[] }[] } }[];
      };
    };
    const { criteria, description } = notice.lots[0].awardCriteria;
    expect(criteria.map((criterion) => criterion.name)).toEqual([
      'Q1 Service model',
      'Q2 Safeguarding',
      'C1 Co-production',
      'SV1 Local employment',
      'P Price',
    ]);
    expect(criteria.map((criterion) => criterion.type)).toEqual(['quality', 'quality', 'quality', 'quality', 'price']);
    // 25 + 15 + 20 + 10 + 30 = 100.
    const weights = criteria.map((criterion) => (criterion.numbers[0] as { number: number }).number);
    expect(weights).toEqual([25, 15, 20, 10, 30]);
    expect(criteria[0].numbers[1]).toEqual({ number: 2, threshold: 'minimumScore' });
    expect(description).toContain('Pass or fail, before any scoring: G1 Insurance.');
  });

  it('gives the submission terms: the deadline, the clarification period and electronic submission', () => {
    const found = releaseOf(publisher, all, 'tender')!;
    expect(found.tender).toMatchObject({
      tenderPeriod: { startDate: '2026-11-23T09:00:00.000Z', endDate: '2027-01-31T12:00:00.000Z' },
      enquiryPeriod: { endDate: '2027-01-17T12:00:00.000Z' },
      submissionMethod: ['electronicSubmission'],
      submissionMethodDetails: 'https://t.example/opportunities/tender-1',
    });
  });

  it('gives the award: supplier, value in pounds, standstill, and bid statistics from SMEs and VCSEs', () => {
    const found = releaseOf(publisher, all, 'award')!;
    expect(found.awards).toEqual([
      expect.objectContaining({
        status: 'active',
        value: { amount: 95000.5, currency: 'GBP' },
        suppliers: [{ id: 'supplier-bid-a', name: 'Hope Trust' }],
        standstillPeriod: { startDate: '2027-03-02T09:00:00.000Z', endDate: '2027-03-12T00:00:00.000Z' },
      }),
    ]);
    expect(json(found.awards)).not.toContain('assessmentSummariesDateSent'); // not known: left out
    // 4 bids; C disqualified, so 3 assessed: 1 SME (B), 1 VCSE (A); D gave no type.
    const statistics = (found.bids as { statistics: { measure: string; value: number }[] }).statistics;
    expect(statistics.map(({ measure, value }) => [measure, value])).toEqual([
      ['bids', 4],
      ['finalStageBids', 3],
      ['smeFinalStageBids', 1],
      ['vcseFinalStageBids', 1],
    ]);
    const sent = releaseOf(
      publisher,
      { tender, award: { ...award, assessmentSummariesDateSent: new Date('2027-03-01T12:00:00Z') }, contract },
      'award',
    )!;
    expect(json(sent.awards)).toContain('"assessmentSummariesDateSent":"2027-03-01T12:00:00.000Z"');
  });

  it('carries the winning bid’s commitments into the contract as KPIs, the dated ones as milestones', () => {
    const found = releaseOf(publisher, all, 'contract')!;
    const [signed] = found.contracts as { agreedMetrics: unknown[]; milestones: unknown[]; awardID: string }[];
    expect(signed.awardID).toBe((releaseOf(publisher, all, 'award')!.awards as { id: string }[])[0].id);
    expect(signed.agreedMetrics).toEqual([
      {
        id: 'kpi-1',
        title: 'More people back in work',
        description: 'People in paid work (committed under award criterion SV1).',
        observations: [
          { id: 'kpi-1-baseline', measure: 4, notes: 'Baseline, as stated in the bid.' },
          {
            id: 'kpi-1-target',
            measure: 12,
            notes: 'Target committed to in the bid.',
            period: { endDate: '2028-03-31T00:00:00Z' },
          },
        ],
      },
      {
        id: 'kpi-2',
        title: 'Less isolation',
        description: 'Members reporting friends',
        observations: [{ id: 'kpi-2-target', measure: 62.5, notes: 'Target committed to in the bid.' }],
      },
    ]);
    expect(signed.milestones).toEqual([
      expect.objectContaining({ id: 'milestone-1', type: 'delivery', dueDate: '2028-03-31T00:00:00Z', status: 'scheduled' }),
    ]);
    const none = releaseOf(publisher, { tender, award, contract: { ...contract, commitments: [] } }, 'contract')!;
    expect(none.contracts).toEqual([expect.objectContaining({ noAgreedMetricsRationale: expect.any(String) })]);
  });

  it('publishes no score, and the same facts give the same package', () => {
    const keys = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(keys)
        : typeof value === 'object' && value !== null
          ? Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)])
          : [];
    const text = json(releasesOf(publisher, all));
    expect(keys(releasesOf(publisher, all)).filter((key) => /score|rank|total|weighted|moderat/i.test(key))).toEqual([]);
    expect(json(releasesOf(publisher, all))).toBe(text);
  });

  it('validates against the patched release package schema, every code in its codelist', () => {
    const body = releasePackage(publisher, 'https://t.example/api/tenders/tender-1/ocds', releasesOf(publisher, all));
    expect(body.publishedDate).toBe('2027-03-15T09:00:00.000Z'); // the latest release's date
    const { errors, unknownCodes, codesSeen } = validatePackage(body);
    expect(errors).toEqual([]);
    expect(unknownCodes).toEqual([]);
    expect([...(codesSeen.get('bidStatistics.csv') ?? [])]).toContain('vcseFinalStageBids');
  });

  it('(the check itself) finds a schema error and a code outside its codelist', () => {
    const body = releasePackage(publisher, 'https://t.example/p', releasesOf(publisher, all));
    const [first] = body.releases;
    const broken = { ...body, releases: [{ ...first, ocid: undefined, tag: ['tender', 'bidding'] }] };
    const { errors, unknownCodes } = validatePackage(JSON.parse(JSON.stringify(broken)));
    expect(errors).toContainEqual(expect.stringMatching(/ocid/));
    expect(unknownCodes).toEqual(['/releases/0/tag: bidding (releaseTag.csv)']);
  });
});
