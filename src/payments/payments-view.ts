import type { PanelMember } from '../panel/panel-member.entity';
import { ledgerTotals, rateInWords } from './domain/payment-rules';
import type { LedgerLineResponse, LedgerResponse, RateResponse } from './dto/payment.response';
import type { LedgerLine } from './ledger-line.entity';
import type { PaymentAccount } from './payment-account.entity';
import type { PaymentRate } from './payment-rate.entity';

/** Response mappers: entities never leave the feature. */

export function rateResponses(rates: readonly PaymentRate[]): RateResponse[] {
  return rates.map(({ activity, basis, ratePence }) => ({ activity, basis, ratePence, inWords: rateInWords(ratePence, basis) }));
}

export function lineResponse(line: LedgerLine, member: PanelMember): LedgerLineResponse {
  return {
    id: line.id,
    kind: line.kind,
    occurredOn: line.occurredOn,
    activity: line.activity,
    minutes: line.minutes,
    ratePence: line.ratePence,
    rateBasis: line.rateBasis,
    expenseType: line.expenseType,
    amountPence: line.amountPence,
    note: line.note,
    status: line.status,
    claimedAt: line.claimedAt.toISOString(),
    claimedByMember: line.claimedById === member.userId,
    decidedAt: line.decidedAt?.toISOString() ?? null,
    rejectionReason: line.rejectionReason,
  };
}

export function ledgerResponse(facts: {
  member: PanelMember;
  name: string;
  recordName: string;
  account: PaymentAccount;
  rates: readonly PaymentRate[];
  lines: readonly LedgerLine[];
}): LedgerResponse {
  const { member, account, lines } = facts;
  return {
    tenderId: member.tenderId,
    panelMemberId: member.id,
    name: facts.name,
    recordName: facts.recordName,
    paymentReference: account.reference,
    choice: account.choice,
    choiceAt: account.choiceAt?.toISOString() ?? null,
    rates: rateResponses(facts.rates),
    lines: lines.map((line) => lineResponse(line, member)),
    totals: ledgerTotals(lines),
  };
}
