/*
 * What a member's paper scoring pack says (issue 17 part 4): a first page on how to use it
 * with the scale in words, then each bid the member scores (named as their panel pages name
 * it) with, for each criterion their group scores, its guidance, the bid's answer and boxes
 * for a score and a reason. Only this member's work: no other member, no bid they declared
 * a conflict on.
 */

export interface PackCriterion {
  criterionId: string;
  code: string;
  title: string;
  guidance: string | null;
}

export interface PackBid {
  /** As the member's panel pages name it: "Bid 1" under blind marking, else the bidder. */
  name: string;
  /** Criterion id → what the bid wrote (null: nothing). */
  answers: ReadonlyMap<string, string | null>;
}

export interface PackFacts {
  memberName: string;
  organisation: string | null;
  tenderTitle: string;
  scoringDeadline: string | null;
  /** The scale in the member's group's words, lowest first. */
  scale: readonly { score: number; label: string }[];
  criteria: readonly PackCriterion[];
  bids: readonly PackBid[];
  contactSentence: string;
  printedOn: string;
}

export interface PackQuestion {
  code: string;
  heading: string;
  guidance: string | null;
  answer: string;
  /** The scores to circle, lowest first. */
  scores: number[];
}

export interface PackSection {
  bid: string;
  questions: PackQuestion[];
}

export interface ScoringPack {
  title: string;
  /** The first page: who it is for, how to use it, the scale. */
  introduction: string[];
  scale: string[];
  sections: PackSection[];
}

export const NO_ANSWER = 'The bidder did not write anything for this question.';

export function scoringPack(facts: PackFacts): ScoringPack {
  const asker = facts.organisation ?? 'the tender team';
  const introduction = [
    `For ${facts.memberName}. Printed ${facts.printedOn}.`,
    `This is your scoring pack for ${facts.tenderTitle}, from ${asker}.`,
    `It has ${countWords(facts.bids.length, 'bid')} to score. For each one, read what the bidder wrote for each question. Then tick one score and write why you gave it.`,
    'If you know anyone at a bidder, or work for one, do not score that bid. Tell the team first.',
    facts.scoringDeadline
      ? `Please give your pack back to the team by ${facts.scoringDeadline}.`
      : 'The team will tell you when to give your pack back.',
    'The team will type your scores in for you, and you can check them.',
    `Questions? ${facts.contactSentence}`,
  ];
  const scale = facts.scale.map((level) => `${level.score}: ${level.label}`);
  const scores = facts.scale.map((level) => level.score);
  const sections = facts.bids.map((bid) => ({
    bid: bid.name,
    questions: facts.criteria.map((criterion) => ({
      code: criterion.code,
      heading: `${criterion.code}. ${criterion.title}`,
      guidance: criterion.guidance,
      answer: bid.answers.get(criterion.criterionId) ?? NO_ANSWER,
      scores,
    })),
  }));
  return { title: 'Your scoring pack', introduction, scale, sections };
}

function countWords(n: number, noun: string): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return `${words[n] ?? String(n)} ${n === 1 ? noun : `${noun}s`}`;
}

/** Every word of the pack, in order (for tests). */
export function packText(pack: ScoringPack): string {
  return [
    pack.title,
    ...pack.introduction,
    ...pack.scale,
    ...pack.sections.flatMap((section) => [
      section.bid,
      ...section.questions.flatMap((q) => [q.heading, q.guidance ?? '', q.answer]),
    ]),
  ].join('\n');
}
