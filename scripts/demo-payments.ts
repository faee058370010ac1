import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ManualClock } from '../src/common/clock';
import { PANEL } from './demo-story';

type Json = Record<string, unknown>;
type Call = (method: string, path: string, token: string | null, body?: unknown) => Promise<Json>;

/**
 * Payment for involvement in the demo (docs/PANEL.md): the tender's rates, one lived-experience
 * member's paid ledger (reading and scoring time, a moderation meeting, a bus fare, each approved;
 * a duplicate fare turned down), their choice, and the finance CSV written to .demo/payments.csv.
 */
export async function paidLedger(
  base: string,
  call: Call,
  tenderPath: string,
  team: { owner: string; procurement: string },
  login: (email: string) => Promise<string>,
  clock: ManualClock,
  dir: string,
): Promise<string> {
  await call('PUT', `${tenderPath}/payments/rates`, team.owner, {
    preparation: { basis: 'hour', ratePence: 2500 },
    reading: { basis: 'hour', ratePence: 2500 },
    scoring: { basis: 'hour', ratePence: 2500 },
    meetings: { basis: 'session', ratePence: 5000 },
  });
  const payments = await call('GET', `${tenderPath}/payments`, team.procurement);
  const first = (payments.members as Json[])[0];
  const person = PANEL.find((member) => member.name === first.name);
  if (!person) throw new Error(`demo: no panel member named ${String(first.name)}`);
  const member = await login(person.email);
  const day = clock.now().toISOString().slice(0, 10);
  await call('PUT', `${tenderPath}/payments/mine/choice`, member, { choice: 'paid' });
  const claims: [string, Json][] = [
    ['time', { activity: 'reading', minutes: 150, occurredOn: day, note: 'Read the four bids at home.' }],
    ['time', { activity: 'scoring', minutes: 95, occurredOn: day }],
    ['time', { activity: 'meetings', minutes: 120, occurredOn: day, note: 'Moderation meeting at the Crowndale Centre.' }],
    ['expenses', { expenseType: 'travel', amountPence: 340, occurredOn: day, note: 'Bus there and back, ticket kept.' }],
    ['expenses', { expenseType: 'travel', amountPence: 340, occurredOn: day, note: 'Bus fare (entered twice by mistake).' }],
  ];
  let ledger: Json = {};
  for (const [kind, body] of claims) {
    clock.advance(60_000);
    ledger = await call('POST', `${tenderPath}/payments/mine/${kind}`, member, body);
  }
  for (const line of ledger.lines as Json[]) {
    const path = `${tenderPath}/payments/lines/${line.id as string}`;
    if (String(line.note).includes('twice'))
      await call('POST', `${path}/reject`, team.procurement, { reason: 'The same bus fare is claimed twice.' });
    else await call('POST', `${path}/approve`, team.procurement);
  }
  const response = await fetch(`${base}${tenderPath}/payments.csv`, { headers: { Authorization: `Bearer ${team.procurement}` } });
  if (!response.ok) throw new Error(`payments.csv → ${response.status} ${await response.text()}`);
  const file = join(dir, 'payments.csv');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return relative(process.cwd(), file);
}
