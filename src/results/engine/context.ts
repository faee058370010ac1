import { Rational } from './rational';
import { EngineCriterion, EngineIndividualScore, EngineInput, PANEL_GROUPS, PanelGroup } from './types';

/**
 * Input that contradicts itself (a score for an unknown bid, a score off the scale, two
 * moderated scores for one cell) is a bug in whoever built it, not a state of the tender:
 * the engine refuses it loudly instead of guessing.
 */
export class EngineInputError extends Error {
  override readonly name = 'EngineInputError';
}

export interface TopLevelNode {
  criterion: EngineCriterion;
  /** Percentage points. */
  weight: Rational;
  /** Scored and price leaves under this node (the node itself if it is one). */
  leaves: EngineCriterion[];
}

/** The input, checked once and indexed by Maps so every later lookup is O(1). */
export interface EngineContext {
  input: EngineInput;
  /** Every leaf (scored, price, pass_fail), depth-first in sibling order. */
  leaves: EngineCriterion[];
  /** Scored and price leaves, depth-first in sibling order. */
  weightedLeaves: EngineCriterion[];
  scoredLeaves: EngineCriterion[];
  priceLeaf: EngineCriterion | null;
  topLevel: TopLevelNode[];
  /** Leaf weight in percentage points. */
  weightOf: Map<string, Rational>;
  panelistGroup: Map<string, PanelGroup>;
  /** bidId → criterionId → submitted individual scores (drafts dropped here). */
  submittedScores: Map<string, Map<string, EngineIndividualScore[]>>;
  /** bidId → criterionId → latest moderated score. */
  moderated: Map<string, Map<string, number>>;
  /** bidId → gate criterionId → passed. */
  compliance: Map<string, Map<string, boolean>>;
  conflicts: Map<string, Set<string>>;
}

export function buildContext(input: EngineInput): EngineContext {
  checkScaleAndSettings(input);
  const { ordered, children } = orderTree(input.criteria);
  const weightOf = new Map<string, Rational>();
  for (const criterion of ordered) {
    checkCriterion(criterion, children.get(criterion.id) ?? []);
    weightOf.set(criterion.id, Rational.fromHundredths(criterion.weightHundredths));
  }
  const isWeightedLeaf = (c: EngineCriterion) => c.kind === 'scored' || c.kind === 'price';
  const weightedLeaves = ordered.filter(isWeightedLeaf);
  const priceLeaves = ordered.filter((c) => c.kind === 'price');
  if (priceLeaves.length > 1) throw new EngineInputError('More than one price leaf');

  const leavesUnder = (root: EngineCriterion): EngineCriterion[] => {
    if (root.kind !== 'section') return isWeightedLeaf(root) ? [root] : [];
    return (children.get(root.id) ?? []).flatMap(leavesUnder);
  };
  const topLevel = (children.get(null) ?? []).map((criterion) => ({
    criterion,
    weight: weightOf.get(criterion.id)!,
    leaves: leavesUnder(criterion),
  }));

  const panelistGroup = new Map<string, PanelGroup>();
  for (const panelist of input.panelists) {
    if (panelistGroup.has(panelist.id)) throw new EngineInputError(`Panelist ${panelist.id} twice`);
    if (!PANEL_GROUPS.includes(panelist.group)) {
      throw new EngineInputError(`Panelist ${panelist.id} has unknown group ${panelist.group}`);
    }
    panelistGroup.set(panelist.id, panelist.group);
  }
  const criterionById = new Map(ordered.map((c) => [c.id, c]));
  const context: EngineContext = {
    input,
    leaves: ordered.filter((c) => c.kind !== 'section'),
    weightedLeaves,
    scoredLeaves: ordered.filter((c) => c.kind === 'scored'),
    priceLeaf: priceLeaves[0] ?? null,
    topLevel,
    weightOf,
    panelistGroup,
    submittedScores: new Map(),
    moderated: new Map(),
    compliance: new Map(),
    conflicts: new Map(),
  };
  indexBids(context, criterionById);
  indexScores(context, criterionById);
  return context;
}

function checkScaleAndSettings({ scale, settings }: EngineInput): void {
  if (!Number.isSafeInteger(scale.min) || !Number.isSafeInteger(scale.max) || scale.min >= scale.max) {
    throw new EngineInputError(`Scale ${scale.min}–${scale.max} must be integers with min < max`);
  }
  const integers = {
    divergenceThresholdHundredths: settings.divergenceThresholdHundredths,
    minScorers: settings.minScorers,
    abnormallyLowRatioHundredths: settings.abnormallyLowRatioHundredths,
    closeCallMarginHundredths: settings.closeCallMarginHundredths ?? 100,
  };
  for (const [name, value] of Object.entries(integers)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new EngineInputError(`Setting ${name} must be a non-negative integer, got ${value}`);
    }
  }
}

/**
 * Depth-first, siblings by `order` then code then id, so the result never depends on
 * the order rows came out of the database. A node whose parent chain never reaches
 * the root (unknown parent, or a cycle) is refused.
 */
function orderTree(criteria: EngineCriterion[]) {
  const children = new Map<string | null, EngineCriterion[]>();
  const ids = new Set<string>();
  for (const criterion of criteria) {
    if (ids.has(criterion.id)) throw new EngineInputError(`Criterion ${criterion.code} twice`);
    ids.add(criterion.id);
    const siblings = children.get(criterion.parentId) ?? [];
    siblings.push(criterion);
    children.set(criterion.parentId, siblings);
  }
  for (const siblings of children.values()) {
    siblings.sort((a, b) => a.order - b.order || compareText(a.code, b.code) || compareText(a.id, b.id));
  }
  const ordered: EngineCriterion[] = [];
  const visit = (parentId: string | null) => {
    for (const child of children.get(parentId) ?? []) {
      ordered.push(child);
      visit(child.id);
    }
  };
  visit(null);
  if (ordered.length !== criteria.length) {
    const reached = new Set(ordered.map((c) => c.id));
    const lost = criteria.filter((c) => !reached.has(c.id)).map((c) => c.code);
    throw new EngineInputError(`Criteria not reachable from the root: ${lost.join(', ')}`);
  }
  return { ordered, children };
}

function checkCriterion(criterion: EngineCriterion, children: EngineCriterion[]): void {
  const { code, kind } = criterion;
  if (!Number.isSafeInteger(criterion.weightHundredths) || criterion.weightHundredths < 0) {
    throw new EngineInputError(`${code}: weight must be a non-negative integer of hundredths`);
  }
  if (kind !== 'section' && children.length > 0) {
    throw new EngineInputError(`${code}: a ${kind} leaf cannot have children`);
  }
  if (kind === 'price' && criterion.category !== 'price') {
    throw new EngineInputError(`${code}: the price leaf must have category price`);
  }
  if (kind === 'scored') {
    if (criterion.scoredBy.length === 0) throw new EngineInputError(`${code}: nobody scores it`);
    if (criterion.category === 'price' || criterion.category === 'compliance' || !criterion.category) {
      throw new EngineInputError(`${code}: a scored leaf needs a non-price, non-compliance category`);
    }
    if (criterion.threshold !== null) {
      try {
        Rational.fromDecimal(criterion.threshold, 2);
      } catch {
        throw new EngineInputError(`${code}: threshold ${criterion.threshold} has more than 2 decimals`);
      }
    }
    const weights = criterion.groupWeights;
    if (weights) {
      const groups = Object.keys(weights) as PanelGroup[];
      const valid =
        groups.length === criterion.scoredBy.length &&
        groups.every(
          (group) => criterion.scoredBy.includes(group) && Number.isSafeInteger(weights[group]) && weights[group]! >= 0,
        );
      if (!valid) {
        throw new EngineInputError(`${code}: group weights must be integers keyed by scoredBy`);
      }
    }
  }
}

function indexBids(context: EngineContext, criterionById: Map<string, EngineCriterion>): void {
  const seen = new Set<string>();
  for (const bid of context.input.bids) {
    if (seen.has(bid.id)) throw new EngineInputError(`Bid ${bid.id} twice`);
    seen.add(bid.id);
    const price = bid.pricePence;
    if (typeof price === 'bigint' ? price <= 0n : !Number.isSafeInteger(price) || price <= 0) {
      throw new EngineInputError(`Bid ${bid.id}: price must be a positive integer of pence`);
    }
    const gates = new Map<string, boolean>();
    for (const record of bid.compliance) {
      if (criterionById.get(record.criterionId)?.kind !== 'pass_fail') {
        throw new EngineInputError(`Bid ${bid.id}: compliance on non-gate ${record.criterionId}`);
      }
      if (gates.has(record.criterionId)) {
        throw new EngineInputError(`Bid ${bid.id}: two compliance records for ${record.criterionId}`);
      }
      gates.set(record.criterionId, record.passed);
    }
    context.compliance.set(bid.id, gates);
    for (const panelistId of bid.conflicts) {
      if (!context.panelistGroup.has(panelistId)) {
        throw new EngineInputError(`Bid ${bid.id}: conflict of unknown panelist ${panelistId}`);
      }
    }
    context.conflicts.set(bid.id, new Set(bid.conflicts));
    context.submittedScores.set(bid.id, new Map());
    context.moderated.set(bid.id, new Map());
  }
}

function indexScores(context: EngineContext, criterionById: Map<string, EngineCriterion>): void {
  const { scale } = context.input;
  const checkScore = (what: string, score: number) => {
    if (!Number.isSafeInteger(score) || score < scale.min || score > scale.max) {
      throw new EngineInputError(`${what}: score ${score} is not an integer on the scale`);
    }
  };
  const checkCell = (what: string, entry: ScoreEntry) => {
    if (!context.submittedScores.has(entry.bidId)) throw new EngineInputError(`${what}: unknown bid ${entry.bidId}`);
    if (criterionById.get(entry.criterionId)?.kind !== 'scored') {
      throw new EngineInputError(`${what}: ${entry.criterionId} is not a scored leaf`);
    }
  };
  // Hot loop (144 000 scores in a large tender). Indexed loops, not for…of: V8 does not
  // always optimise away for…of's per-step iterator results, which cost megabytes of
  // garbage here. Rows usually arrive grouped by bid and criterion: remembering the
  // current cell saves two Map lookups per score (the index is the same in any order).
  const { individualScores } = context.input;
  let cellKey: ScoreEntry | null = null;
  let cell: EngineIndividualScore[] = [];
  for (let i = 0; i < individualScores.length; i++) {
    const entry = individualScores[i];
    if (!entry.submitted) continue;
    checkScore('Individual score', entry.score);
    if (entry.bidId !== cellKey?.bidId || entry.criterionId !== cellKey.criterionId) {
      checkCell('Individual score', entry);
      const byCriterion = context.submittedScores.get(entry.bidId)!;
      cell = byCriterion.get(entry.criterionId) ?? [];
      byCriterion.set(entry.criterionId, cell);
      cellKey = entry;
    }
    if (!context.panelistGroup.has(entry.panelistId)) {
      throw new EngineInputError(`Individual score: unknown panelist ${entry.panelistId}`);
    }
    for (let j = 0; j < cell.length; j++) {
      if (cell[j].panelistId === entry.panelistId) {
        throw new EngineInputError(`Two submitted scores by ${entry.panelistId} on ${entry.bidId} × ${entry.criterionId}`);
      }
    }
    cell.push(entry);
  }
  for (const entry of context.input.moderatedScores) {
    checkScore('Moderated score', entry.score);
    checkCell('Moderated score', entry);
    const byCriterion = context.moderated.get(entry.bidId)!;
    if (byCriterion.has(entry.criterionId)) {
      throw new EngineInputError(`Moderated score twice: ${entry.bidId} × ${entry.criterionId}`);
    }
    byCriterion.set(entry.criterionId, entry.score);
  }
}

interface ScoreEntry {
  bidId: string;
  criterionId: string;
  score: number;
}

/** Locale-independent comparison, so ordering is the same on every server. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
