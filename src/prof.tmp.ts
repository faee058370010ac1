import { performance } from 'node:perf_hooks';
import { buildLargeTender } from '../bench/engine.bench';
import { buildContext } from './results/engine/context';
import { computeResults } from './results/engine/engine';
import { analyseRobustness, closeCallOf } from './results/engine/robustness';
import { analyseGroupInfluence } from './results/engine/group-influence';
import { calibratePanel } from './results/engine/calibration';
import { cellStatistics } from './results/engine/panel-statistics';
const input = buildLargeTender();
for (let run = 0; run < 4; run++) {
  let t = performance.now();
  const r = computeResults(input);
  const total = performance.now() - t;
  const context = buildContext(input);
  const stats = new Map(input.bids.map((b) => [b.id, new Map(context.scoredLeaves.map((l) => [l.id, cellStatistics(context, b.id, l)]))]));
  const ranked = r.bids.filter((b) => b.rank !== null);
  t = performance.now(); const rob = analyseRobustness(context, ranked); const a = performance.now() - t;
  t = performance.now(); closeCallOf(context, rob, r.bids); const b = performance.now() - t;
  t = performance.now(); analyseGroupInfluence(context, r.bids, stats); const c = performance.now() - t;
  t = performance.now(); calibratePanel(context, r.bids, stats); const d = performance.now() - t;
  console.log({ total, robustness: a, closeCall: b, group: c, calibration: d, moderated: input.moderatedScores.length, oneMark: rob!.runnersUp.reduce((n, e) => n + e.oneMarkChanges.length, 0) });
}
