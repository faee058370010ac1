/*
 * The progress grid's layout: presentation only, pure (no Nest, no TypeORM). A large tender's
 * grid (12 members × 200 bids = 2 400 cells) is neither readable on a phone nor quick to
 * render, so it is shown a page of bids at a time, each member with their count over every bid.
 */
import type { BidProgress } from '../../panel/domain/panel-rules';

/** Bids (columns) on one page of the grid. */
export const GRID_BIDS_PER_PAGE = 20;

export interface GridPagination {
  previous?: { href: string };
  next?: { href: string };
  items: { number: number; href: string; current: boolean }[];
  landmarkLabel: string;
}

/**
 * One page of the grid: the page's bids, each member's cells on those bids only, and their
 * counts over every bid (submitted of the bids they score, conflicts left out). `page` is the
 * query's (1 when missing or out of range); `link(n)` is page n's address.
 */
export function gridPage<B, M extends { cells: { progress: BidProgress }[] }>(
  bids: readonly B[],
  members: readonly M[],
  requested: string | undefined,
  link: (page: number) => string,
  size = GRID_BIDS_PER_PAGE,
) {
  const pages = Math.max(1, Math.ceil(bids.length / size));
  const asked = Number(requested);
  const page = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : 1;
  const from = (page - 1) * size;
  const to = Math.min(bids.length, from + size);
  return {
    page,
    pages,
    shown: { from: bids.length ? from + 1 : 0, to, of: bids.length },
    bids: bids.slice(from, to),
    members: members.map((member) => {
      const scored = member.cells.filter((cell) => cell.progress !== 'conflict');
      return {
        ...member,
        cells: member.cells.slice(from, to),
        submitted: scored.filter((cell) => cell.progress === 'submitted').length,
        scored: scored.length,
      };
    }),
    pagination:
      pages > 1
        ? ({
            previous: page > 1 ? { href: link(page - 1) } : undefined,
            next: page < pages ? { href: link(page + 1) } : undefined,
            items: Array.from({ length: pages }, (_, index) => ({
              number: index + 1,
              href: link(index + 1),
              current: index + 1 === page,
            })),
            landmarkLabel: 'Pages of bids',
          } satisfies GridPagination)
        : null,
  };
}
