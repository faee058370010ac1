/* Reordering criteria on the team's criteria page: pure, so the spec needs no app. */

/**
 * The `order` changes that move one criterion a place up or down among its siblings (given in
 * display order): the two swap their positions, or, when their positions are equal (the code
 * breaks the tie), every sibling is numbered afresh in the new sequence. Nothing at an edge.
 */
export function moveAmongSiblings(
  siblings: readonly { id: string; order: number }[],
  id: string,
  direction: 'up' | 'down',
): { id: string; order: number }[] {
  const index = siblings.findIndex((sibling) => sibling.id === id);
  const other = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= siblings.length) return [];
  const [moving, neighbour] = [siblings[index], siblings[other]];
  if (moving.order !== neighbour.order) {
    return [
      { id: moving.id, order: neighbour.order },
      { id: neighbour.id, order: moving.order },
    ];
  }
  const sequence = [...siblings];
  [sequence[index], sequence[other]] = [neighbour, moving];
  return sequence
    .map((sibling, position) => ({ id: sibling.id, order: position, was: sibling.order }))
    .filter((change) => change.order !== change.was)
    .map(({ id: changed, order }) => ({ id: changed, order }));
}
