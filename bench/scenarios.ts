import type { BenchScenario } from './types';

/** Every scenario `npm run bench` runs, in order. */
export const scenarios: BenchScenario[] = [];
