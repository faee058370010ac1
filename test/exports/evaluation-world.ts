import type { SignedIn, TestApp } from '../app';
import { createPublishedTender, FUTURE_DEADLINE, type CriterionBody } from '../steps';

/** Text a hostile bidder or panelist might write, hoping a spreadsheet runs it. */
export const HOSTILE = {
  bidderName: '=HYPERLINK("http://x","click")',
  dde: "+cmd|' /C calc'!A0",
  at: "@SUM(1+1)*cmd|' /C calc'!A0",
  minus: "-2+3+cmd|' /C notepad'!A0",
  role: '=1+1',
} as const;

/**
 * Weights with two decimals and group weights, so weighted scores and totals carry three
 * and more decimals and means of three scores do not terminate (SCORING.md §3 "exact").
 * Top level: Q 40.25 (Q1 25.25 + Q2 15), C1 20, SV1 9.5, EC1 5.25, EN1 2, P 23. Peer Power's
 * total is exactly 63.275 (a half at the third decimal, which binary floating point holds
 * as 63.27499…): half-up must still give 63.28 in every renderer and in the spreadsheet.
 */
export const EXPORT_CRITERIA: CriterionBody[] = [
  { code: 'Q', title: 'Service quality', kind: 'section', category: 'quality', weight: 40.25 },
  { parentId: 'Q', code: 'Q1', title: 'Recovery model', kind: 'scored', category: 'quality', weight: 25.25 },
  {
    parentId: 'Q',
    code: 'Q2',
    title: 'Clinical governance',
    kind: 'scored',
    category: 'quality',
    weight: 15,
    scoredBy: ['professional'],
  },
  {
    code: 'C1',
    title: 'Co-production',
    kind: 'scored',
    category: 'co_production',
    weight: 20,
    groupWeights: { lived_experience: 60, professional: 40 },
  },
  { code: 'SV1', title: '-Local employment (=jobs for residents)', kind: 'scored', category: 'social_outcome', weight: 9.5 },
  {
    code: 'EC1',
    title: 'Local spend',
    kind: 'scored',
    category: 'economic_outcome',
    weight: 5.25,
    scoredBy: ['lived_experience'],
  },
  { code: 'EN1', title: 'Low-carbon travel', kind: 'scored', category: 'environmental_outcome', weight: 2 },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 23 },
  { code: 'G1', title: 'Safeguarding adults', kind: 'pass_fail', category: 'compliance', weight: 0 },
];

type PanelGroup = 'lived_experience' | 'professional';
const CODES: Record<PanelGroup, string[]> = {
  lived_experience: ['Q1', 'C1', 'SV1', 'EC1', 'EN1'],
  professional: ['Q1', 'Q2', 'C1', 'SV1', 'EN1'],
};

export interface ExportWorld {
  tenderId: string;
  reference: string;
  commissioner: SignedIn;
  procurement: SignedIn;
  bidIds: { hostile: string; steady: string; failsGate: string; cheap: string };
  panelists: (SignedIn & { memberId: string; group: PanelGroup })[];
  bidder: SignedIn;
}

/**
 * A whole evaluation driven through the API: four bids (one with hostile text, one that
 * fails the safeguarding gate), three lived-experience and two professional panelists
 * (one declares a conflict before scoring and one after, one leaves drafts), scores with hostile rationales, gates,
 * moderation with two versions on one cell, results complete (moderation not required).
 */
export async function evaluationWorld(t: TestApp): Promise<ExportWorld> {
  t.clock.set('2026-11-23T09:00:00.000Z');
  const commissioner = await t.user('commissioner');
  const procurement = await t.user('procurement');
  const reference = `EXP-${Math.random().toString(36).slice(2, 7).toUpperCase()}&Co`;
  const tenderId = await createPublishedTender(t, commissioner.token, {
    criteria: EXPORT_CRITERIA,
    tender: { reference, bidDeadline: FUTURE_DEADLINE, moderationRequired: false },
  });
  const api = (who: SignedIn) => ({
    put: (path: string, body: unknown) =>
      expectOk(
        t
          .http()
          .put(`/api/tenders/${tenderId}${path}`)
          .set(who.auth)
          .send(body as object),
      ),
    post: (path: string, body: unknown = {}) =>
      expectOk(
        t
          .http()
          .post(`/api/tenders/${tenderId}${path}`)
          .set(who.auth)
          .send(body as object),
      ),
  });
  await api(commissioner).post('/team', { userId: procurement.id, role: 'procurement' });

  const bid = async (name: string, price: number, extra: Record<string, unknown> = {}) => {
    t.clock.advance(60_000);
    const bidder = await t.user('bidder', { organisationName: `${name.slice(0, 40)} org` });
    const codes = ['Q1', 'Q2', 'C1', 'SV1', 'EC1', 'EN1'];
    const created = await api(bidder).post('/bids', {
      bidderName: name,
      price,
      responses: codes.map((criterion) => ({ criterion, text: `${name} answers ${criterion}.` })),
      ...extra,
    });
    await api(bidder).post(`/bids/${created.id}/submit`);
    return { id: created.id, bidder };
  };
  const hostile = await bid(HOSTILE.bidderName, 101_234.56, {
    commitments: [
      { criterion: 'SV1', outcome: HOSTILE.dde, measure: HOSTILE.at, target: 40, baseline: 12.5, by: '2028-03-31' },
      { outcome: 'Tonnes of CO2 avoided', measure: HOSTILE.minus, target: 1234.75 },
    ],
  });
  const steady = await bid('Camden Mind Partnership', 99_999.99);
  const failsGate = await bid('Riverside Care Ltd', 87_500);
  const cheap = await bid('Peer Power CIC', 94_000.01);
  // The clarification log: a hostile question answered to every bidder, a private one, and a notice.
  const asked = await api(hostile.bidder).post('/questions', { question: HOSTILE.dde });
  await api(commissioner).post(`/clarifications/${asked.id}/answer`, { answer: HOSTILE.at });
  const privately = await api(steady.bidder).post('/questions', { question: 'Can our partner Acme supply the café?' });
  await api(procurement).post(`/clarifications/${privately.id}/answer`, {
    answer: 'Yes.',
    private: true,
    privateReason: 'Names a partner.',
  });
  await api(commissioner).post('/clarifications', { text: 'Annex C is revised.' });
  t.clock.set(new Date(new Date(FUTURE_DEADLINE).getTime() + 1000));
  await api(commissioner).post('/close');

  const panelists: ExportWorld['panelists'] = [];
  const roles = [HOSTILE.role, 'carer', 'peer worker', 'clinician', 'commissioning lead'];
  for (const [index, group] of (
    ['lived_experience', 'lived_experience', 'lived_experience', 'professional', 'professional'] as const
  ).entries()) {
    const account = await t.user('panelist', {
      name: group === 'professional' ? `Dr Professional ${index}` : `Private Name ${index}`,
    });
    const member = await api(commissioner).post('/panel', { userId: account.id, group, role: roles[index] });
    panelists.push({ ...account, memberId: member.id, group });
  }
  const bidIds = { hostile: hostile.id, steady: steady.id, failsGate: failsGate.id, cheap: cheap.id };
  const order = [bidIds.hostile, bidIds.steady, bidIds.failsGate, bidIds.cheap];
  for (const [index, panelist] of panelists.entries()) {
    for (const bidId of order) {
      const conflict = index === 2 && bidId === bidIds.cheap;
      await api(panelist).put(
        `/declarations/${bidId}`,
        conflict ? { conflict: true, details: '=I volunteer there' } : { conflict: false },
      );
    }
  }
  // Scores per bid: [lived 1, lived 2, lived 3, professional 1, professional 2] per criterion.
  const grid: Record<string, Record<string, number[]>> = {
    [bidIds.hostile]: {
      Q1: [4, 3, 3, 2, 5],
      Q2: [0, 0, 0, 4, 3],
      C1: [5, 4, 4, 3, 2],
      SV1: [3, 3, 4, 2, 3],
      EC1: [1, 2, 2, 0, 0],
      EN1: [2, 2, 3, 1, 1],
    },
    [bidIds.steady]: {
      Q1: [3, 3, 4, 4, 4],
      Q2: [0, 0, 0, 3, 3],
      C1: [2, 3, 3, 4, 5],
      SV1: [4, 4, 4, 3, 3],
      EC1: [3, 3, 4, 0, 0],
      EN1: [1, 2, 2, 2, 3],
    },
    [bidIds.failsGate]: {
      Q1: [5, 5, 4, 5, 4],
      Q2: [0, 0, 0, 5, 4],
      C1: [4, 4, 5, 4, 4],
      SV1: [5, 4, 4, 4, 5],
      EC1: [4, 5, 5, 0, 0],
      EN1: [3, 3, 3, 4, 4],
    },
    // Lived 3 is conflicted and professional 2 leaves drafts: Q1 (2+4+3)/3 = 3, C1 0.6 × 3 + 0.4 × 2, EC1 (2+3)/2 = 2.5.
    [bidIds.cheap]: {
      Q1: [2, 4, 0, 3, 2],
      Q2: [0, 0, 0, 2, 2],
      C1: [3, 3, 0, 2, 2],
      SV1: [2, 3, 0, 4, 2],
      EC1: [2, 3, 0, 0, 0],
      EN1: [1, 1, 0, 1, 2],
    },
  };
  const rationale = (index: number, code: string, score: number) =>
    index === 0 && code === 'Q1'
      ? `=1+1 ${score}`
      : index === 3 && code === 'C1'
        ? `${HOSTILE.minus} (${score})`
        : `Panelist ${index + 1} gave ${score} on ${code}.`;
  for (const [index, panelist] of panelists.entries()) {
    for (const bidId of order) {
      if (index === 2 && bidId === bidIds.cheap) continue; // conflicted
      for (const code of CODES[panelist.group]) {
        const score = grid[bidId][code][index];
        await api(panelist).put(`/bids/${bidId}/scores/${code}`, { score, rationale: rationale(index, code, score) });
      }
      // Professional 2 leaves their scores on the cheap bid as drafts: on the record, not counted.
      if (!(index === 4 && bidId === bidIds.cheap)) await api(panelist).post(`/bids/${bidId}/scores/submit`);
    }
  }
  // Lived 2 realises, after scoring, that they know Riverside Care: their scores there stay on record, unused.
  await api(panelists[1]).put(`/declarations/${bidIds.failsGate}`, { conflict: true, details: '@I used to work there' });
  for (const bidId of order) {
    const passed = bidId !== bidIds.failsGate;
    await api(commissioner).put(`/bids/${bidId}/compliance/G1`, {
      passed,
      note: passed ? 'Policy seen.' : '+No safeguarding lead named',
    });
  }
  await api(commissioner).post('/start-moderation');
  await api(procurement).put(`/bids/${bidIds.steady}/moderated/Q1`, { score: 3, rationale: 'Agreed 3 after discussion.' });
  await api(procurement).put(`/bids/${bidIds.steady}/moderated/Q1`, {
    score: 4,
    rationale: '@Revised to 4: evidence on page 12.',
  });
  await api(commissioner).put(`/bids/${bidIds.hostile}/moderated/C1`, {
    score: 4,
    rationale: 'PanelGroup divergence resolved: 4.',
  });
  return { tenderId, reference, commissioner, procurement, bidIds, panelists, bidder: hostile.bidder };
}

interface Created {
  id: string;
}

async function expectOk(request: PromiseLike<{ status: number; body: unknown }>): Promise<Created> {
  const response = await request;
  if (response.status >= 300) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Created;
}
