/*
 * When may moderation open? (issue 4; SCORING.md §7 `quorum_not_met`.) Co-production is
 * the point: a panel whose lived-experience members have not scored what they are asked
 * to score has not evaluated the bids yet. Pure.
 */
import type { PanelGroup } from '../../criteria/domain';
import { DomainError } from '../../common/domain/domain-error';

export interface QuorumInput {
  /** Bids under evaluation: submitted, not disqualified. */
  bids: { id: string; name: string }[];
  /** Scored leaves, in tree order. */
  criteria: { id: string; code: string; scoredBy: PanelGroup[] }[];
  members: { id: string; group: PanelGroup }[];
  /** Submitted individual scores only. */
  scores: { panelMemberId: string; bidId: string; criterionId: string }[];
  /** Declared conflicts: these members' scores on these bids do not count. */
  conflicts: { panelMemberId: string; bidId: string }[];
  equalRepresentation: boolean;
}

export type Shortfall =
  | { kind: 'lived_experience_scores'; bidId: string; bid: string; criterion: string }
  | { kind: 'representation'; livedExperience: number; professional: number };

/**
 * The shortfalls, empty when the panel is quorate:
 * - every criterion the lived-experience group scores has at least one submitted score
 *   from an unconflicted lived-experience member on every bid under evaluation;
 * - with `equalRepresentation`, the panel has at least as many lived-experience members
 *   as professional ones.
 */
export function quorumShortfalls(input: QuorumInput): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  if (input.equalRepresentation) {
    const livedExperience = input.members.filter((m) => m.group === 'lived_experience').length;
    const professional = input.members.filter((m) => m.group === 'professional').length;
    if (livedExperience < professional) shortfalls.push({ kind: 'representation', livedExperience, professional });
  }
  const lived = new Set(input.members.filter((m) => m.group === 'lived_experience').map((m) => m.id));
  const conflicted = new Set(input.conflicts.map((c) => `${c.panelMemberId}|${c.bidId}`));
  const covered = new Set<string>();
  for (const score of input.scores) {
    if (lived.has(score.panelMemberId) && !conflicted.has(`${score.panelMemberId}|${score.bidId}`)) {
      covered.add(`${score.bidId}|${score.criterionId}`);
    }
  }
  const livedCriteria = input.criteria.filter((c) => c.scoredBy.includes('lived_experience'));
  for (const bid of input.bids) {
    for (const criterion of livedCriteria) {
      if (!covered.has(`${bid.id}|${criterion.id}`)) {
        shortfalls.push({ kind: 'lived_experience_scores', bidId: bid.id, bid: bid.name, criterion: criterion.code });
      }
    }
  }
  return shortfalls;
}

/** One sentence per problem, bids named with their missing criteria. */
export function describeShortfalls(shortfalls: readonly Shortfall[]): string {
  const sentences: string[] = [];
  for (const shortfall of shortfalls) {
    if (shortfall.kind === 'representation') {
      sentences.push(
        `Equal representation needs at least as many lived-experience members as professional ones: ` +
          `the panel has ${shortfall.livedExperience} lived-experience and ${shortfall.professional} professional.`,
      );
    }
  }
  const byBid = new Map<string, string[]>();
  for (const shortfall of shortfalls) {
    if (shortfall.kind !== 'lived_experience_scores') continue;
    const codes = byBid.get(shortfall.bid) ?? [];
    codes.push(shortfall.criterion);
    byBid.set(shortfall.bid, codes);
  }
  if (byBid.size > 0) {
    const parts = [...byBid.entries()].map(([bid, codes]) => `${bid} (${codes.join(', ')})`);
    sentences.push(`No lived-experience member has submitted scores yet for: ${parts.join('; ')}.`);
  }
  return sentences.join(' ');
}

/** 409 naming every shortfall until the panel is quorate. */
export function assertQuorate(input: QuorumInput): void {
  const shortfalls = quorumShortfalls(input);
  if (shortfalls.length > 0) {
    throw new DomainError(
      'invalid_state',
      `Moderation cannot start yet: the panel is not quorate. ${describeShortfalls(shortfalls)}`,
      {
        shortfalls,
      },
    );
  }
}
