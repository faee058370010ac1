/**
 * When the contract may be entered into (Procurement Act 2023, s.51; and the automatic
 * suspension while a challenge is open): pure, so the API, the pages and the letters say the
 * same thing. Each refusal is a sentence a commissioner can act on.
 */
export interface ContractEntryState {
  awarded: boolean;
  kind: 'mandatory' | 'voluntary' | 'none';
  noticePublishedAt: Date | null;
  endsAt: Date | null;
  contractEnteredAt: Date | null;
  openChallenges: { receivedAt: Date }[];
}

const UK_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

/** "5 January 2027", the UK date of an instant. */
export function ukDay(instant: Date): string {
  return UK_DAY.format(instant);
}

/** Why the contract may not be entered into at `at` (null when it may). */
export function contractEntryRefusal(state: ContractEntryState, at: Date): string | null {
  if (!state.awarded) return 'The tender is not awarded: a contract can only be entered into after the award.';
  if (state.contractEnteredAt) return `The contract was already entered into on ${ukDay(state.contractEnteredAt)}.`;
  if (!state.noticePublishedAt) return 'Record when the contract award notice was published first.';
  if (state.kind !== 'none' && state.endsAt && at.getTime() < state.endsAt.getTime()) {
    // endsAt is midnight at the end of the last working day: name that day.
    return `The standstill period ends at midnight at the end of ${ukDay(new Date(state.endsAt.getTime() - 1))}: the contract can be entered into from then.`;
  }
  const open = state.openChallenges[0];
  if (open)
    return `A challenge received on ${ukDay(open.receivedAt)} is still open: the contract cannot be entered into until it is lifted.`;
  return null;
}
