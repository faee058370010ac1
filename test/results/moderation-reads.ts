import { TenderStateCache } from '../../src/audit/tender-state-cache';
import type { Caller } from '../../src/common/caller';
import type { ModerationResponse } from '../../src/moderation/dto/moderation.response';
import { ModerationViewService } from '../../src/results/moderation-view.service';
import type { SignedIn, TestApp } from '../app';

/**
 * The moderation pages read less than GET /moderation — the agenda every cell's figures
 * without a score (`cells`), a cell page one cell's scores and history (`cell`) — and must
 * show exactly what the API shows: this checks both against `view`, cell by cell, once
 * computed afresh and once from the evaluation kept while the tender is unchanged.
 */
export async function expectModerationReadsAgree(
  t: TestApp,
  tenderId: string,
  commissioner: SignedIn,
): Promise<ModerationResponse> {
  const viewer = t.app.get(ModerationViewService);
  const caller: Caller = { ...commissioner, role: 'commissioner', organisationId: null };
  const view = await viewer.view(caller, tenderId);
  const { items, ...heading } = view;
  const agenda = {
    ...heading,
    cells: items.map(({ scores: _scores, moderated, history: _history, ...figures }) => ({
      ...figures,
      agreed: moderated?.score ?? null,
    })),
  };
  for (const fresh of [true, false]) {
    if (fresh) t.app.get(TenderStateCache).clear();
    expect(await viewer.cells(caller, tenderId)).toEqual(agenda);
    for (const item of items) expect(await viewer.cell(caller, tenderId, item.bidId, item.code)).toEqual(item);
  }
  return view;
}
