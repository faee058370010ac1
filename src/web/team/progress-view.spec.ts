import type { BidProgress } from '../../panel/domain/panel-rules';
import { gridPage } from './progress-view';

const bids = Array.from({ length: 45 }, (_, index) => ({ id: `b${index + 1}` }));
const progress = (index: number): BidProgress => (index % 9 === 0 ? 'conflict' : index % 2 ? 'submitted' : 'in_progress');
const members = [{ id: 'm1', cells: bids.map((bid, index) => ({ bidId: bid.id, progress: progress(index) })) }];
const link = (page: number) => `/progress?page=${page}`;

describe('gridPage', () => {
  it('shows a page of bids, each member with their cells on those bids and counts over every bid', () => {
    const second = gridPage(bids, members, '2', link, 20);
    expect(second.page).toBe(2);
    expect(second.pages).toBe(3);
    expect(second.shown).toEqual({ from: 21, to: 40, of: 45 });
    expect(second.bids.map((bid) => bid.id)).toEqual(bids.slice(20, 40).map((bid) => bid.id));
    expect(second.members[0].cells.map((cell) => cell.bidId)).toEqual(bids.slice(20, 40).map((bid) => bid.id));
    // Over all 45 bids: 5 conflicts (indices 0, 9, 18, 27, 36); of the other 40, the odd indices are submitted.
    const scored = members[0].cells.filter((cell) => cell.progress !== 'conflict');
    expect(second.members[0].scored).toBe(40);
    expect(second.members[0].submitted).toBe(scored.filter((cell) => cell.progress === 'submitted').length);
    expect(second.pagination?.previous?.href).toBe('/progress?page=1');
    expect(second.pagination?.next?.href).toBe('/progress?page=3');
    expect(second.pagination?.items.filter((item) => item.current).map((item) => item.number)).toEqual([2]);
  });

  it('the last page holds the rest; a page out of range or not a number is the first', () => {
    expect(gridPage(bids, members, '3', link, 20).bids.map((bid) => bid.id)).toEqual(['b41', 'b42', 'b43', 'b44', 'b45']);
    expect(gridPage(bids, members, '3', link, 20).pagination?.next).toBeUndefined();
    for (const asked of [undefined, '0', '4', 'x', '1.5']) expect(gridPage(bids, members, asked, link, 20).page).toBe(1);
  });

  it('a grid that fits one page has no pagination', () => {
    const one = gridPage(bids.slice(0, 2), [{ cells: members[0].cells.slice(0, 2) }], undefined, link, 20);
    expect(one.pagination).toBeNull();
    expect(one.shown).toEqual({ from: 1, to: 2, of: 2 });
    expect(gridPage([], [], undefined, link, 20).shown).toEqual({ from: 0, to: 0, of: 0 });
  });
});
