/** The results engine's public surface: pure functions of plain data (SCORING.md). */
export { computeResults } from './engine';
export type { ComputeOptions } from './engine';
export { panelStatistics, aggregate } from './panel-statistics';
export { weightedScore } from './criterion-score';
export { priceFraction } from './price';
export { presentResults, presentNumber, presentCellStatistics } from './present';
export type {
  PresentedResults,
  PresentedBid,
  PresentedCriterion,
  PresentedRobustness,
  PresentedCloseCall,
  PresentedGroupInfluence,
  PresentedCalibration,
  PresentedMarkChange,
} from './present';
export { EngineInputError } from './context';
export { Rational } from './rational';
export * from './types';
