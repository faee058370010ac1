/**
 * npm run demo: a complete worked example on the Camden mental health day care template,
 * seeded through the real HTTP API into its own SQLite file (.demo/demo.sqlite, recreated
 * every run), then the evaluation matrix written to .demo/evaluation-matrix.xlsx.
 *
 * The app boots in this process with a ManualClock, so the bid deadline can pass without
 * waiting: four bids (one fails the safeguarding gate), a panel of three service users
 * and three professionals (one declares a conflict), a score with a reason from every
 * member on every criterion they score, gates, moderation with rationales. The tender is
 * left in moderation, its results complete, ready to award. An earlier round of the same
 * story is decided: awarded, its assessment summaries sent, its standstill over, the contract entered into, its open data
 * (OCDS) written to .demo/. A third tender is left open for scoring (a lay panelist's link
 * printed), a fourth open for bids and a fifth a draft, so every team page has something.
 */
import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module';
import { Clock, ManualClock } from '../src/common/clock';
import { loadAppConfig } from '../src/config/app-config';
import { APP_CONFIG } from '../src/config/config.module';
import { configureApp } from '../src/configure-app';
import { paidLedger } from './demo-payments';
import { recordDemoNeeds } from './demo-needs';
import { importedWorkbook } from './demo-workbook';
import { BIDS, CONFLICT, moderationFor, PANEL, PASSWORD, reasonFor, scoreFor, TEAM } from './demo-story';

const ROOT = join(__dirname, '..');
const DIR = join(ROOT, '.demo');
const DATABASE = join(DIR, 'demo.sqlite');
const ADMIN = { email: 'admin@demo.example', password: 'demo-admin-password-2027' };
const DEADLINE = '2027-03-31T12:00:00.000Z';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function main(): Promise<void> {
  process.env.TZ = 'UTC';
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const clock = new ManualClock(new Date('2027-02-01T09:00:00.000Z'));
  const config = loadAppConfig({ DATABASE_URL: `sqlite:${DATABASE}`, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error', 'warn'] }));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  try {
    await story(base, clock);
  } finally {
    await app.close();
  }
}

function client(base: string) {
  return async (method: string, path: string, token: string | null, body?: unknown): Promise<Json> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as Json;
  };
}

interface Accounts {
  call: ReturnType<typeof client>;
  login: (email: string, password?: string) => Promise<string>;
  admin: string;
  owner: string;
  procurement: string;
  procurementId: string;
  /** Emails of the bidders and panel members whose accounts exist already. */
  made: Set<string>;
}

async function story(base: string, clock: ManualClock): Promise<void> {
  const call = client(base);
  const login = async (email: string, password = PASSWORD) =>
    (await call('POST', '/auth/login', null, { email, password })).accessToken as string;
  const admin = await login(ADMIN.email, ADMIN.password);
  for (const person of [TEAM.commissioner, TEAM.procurement])
    await call('POST', '/users', admin, { ...person, password: PASSWORD });
  const owner = await login(TEAM.commissioner.email);
  const procurement = await login(TEAM.procurement.email);
  const me = await call('GET', '/me', procurement);
  const accounts: Accounts = { call, login, admin, owner, procurement, procurementId: me.id as string, made: new Set() };

  console.log('\nLBC-2026-MHDC-00, an earlier round of the same service, decided:');
  const decided = await evaluatedTender(accounts, clock, {
    reference: 'LBC-2026-MHDC-00',
    title: 'Mental Health Day Care Service (pilot)',
    deadline: '2027-02-15T12:00:00.000Z',
  });
  const after = await afterAward(accounts, clock, base, decided);

  console.log('\nLBC-2027-MHDC-01, left in moderation:');
  const tender = await evaluatedTender(accounts, clock, {
    reference: 'LBC-2027-MHDC-01',
    title: 'Provision of Mental Health Day Care Service',
    deadline: DEADLINE,
  });
  const t = tender.path;

  step('The evaluation matrix, the scores and the whole evaluation are exported');
  const results = await call('GET', `${t}/results`, procurement);
  const files: string[] = [after.ocdsFile];
  for (const file of ['evaluation-matrix.xlsx', 'scores.csv', 'evaluation.json']) {
    const response = await fetch(`${base}${t}/exports/${file}`, { headers: { Authorization: `Bearer ${procurement}` } });
    if (!response.ok) throw new Error(`export ${file} → ${response.status} ${await response.text()}`);
    writeFileSync(join(DIR, file), Buffer.from(await response.arrayBuffer()));
    files.push(relative(process.cwd(), join(DIR, file)));
  }
  step('A lived-experience member is paid for their time and travel: claimed, approved, the CSV for finance');
  files.push(await paidLedger(base, call, t, { owner, procurement }, login, clock, DIR));
  report(results, files, tender.reference, tender.id, decided.reference);
  await leaveOpenForPanel(call, owner, clock, login, base);
  await earlierStages(call, owner, clock);
}

/**
 * One tender from the Camden template through bids, panel, scoring, gates and moderation:
 * left in moderation with complete results, ready to award. Accounts are made once and
 * reused by a second tender.
 */
async function evaluatedTender(
  accounts: Accounts,
  clock: ManualClock,
  spec: { reference: string; title: string; deadline: string },
): Promise<{ id: string; path: string; reference: string }> {
  const { call, login, admin, owner, procurement, made } = accounts;
  step('The commissioner creates the tender from the Camden template and publishes it');
  const tender = await call('POST', '/tenders', owner, {
    reference: spec.reference,
    title: spec.title,
    bidDeadline: spec.deadline,
    template: 'camden-mental-health-day-care',
    contactName: TEAM.commissioner.name,
    contactEmail: TEAM.commissioner.email,
    contactPhone: '020 7974 4444',
  });
  const t = `/tenders/${tender.id as string}`;
  await call('POST', `${t}/team`, owner, { userId: accounts.procurementId, role: 'procurement' });
  await call('POST', `${t}/publish`, owner);
  const leaves = flatten((await call('GET', `${t}/criteria`, owner)) as unknown as Json[]);
  const scored = leaves.filter((c) => c.kind === 'scored');

  step('Four organisations submit sealed bids before the deadline');
  const bidIds = new Map<string, string>();
  for (const bid of BIDS) {
    clock.advance(3_600_000);
    if (!made.has(bid.email)) {
      await call('POST', '/auth/register', null, {
        email: bid.email,
        password: PASSWORD,
        name: `${bid.organisation} bids team`,
        organisationName: bid.organisation,
        organisationType: bid.organisationType,
      });
      made.add(bid.email);
    }
    const bidder = await login(bid.email);
    const created = await call('POST', `${t}/bids`, bidder, {
      bidderName: bid.organisation,
      organisationType: bid.organisationType,
      consortium: bid.consortium,
      price: bid.price,
      responses: leaves
        .filter((c) => c.kind === 'scored' || c.kind === 'pass_fail')
        .map((c) => ({
          criterion: c.code,
          text: `${bid.organisation} on ${c.title}: how we will deliver it, with evidence from our current services.`,
        })),
      commitments: bid.commitments,
    });
    await call('POST', `${t}/bids/${created.id as string}/submit`, bidder);
    bidIds.set(bid.organisation, created.id as string);
  }

  step('The deadline passes; two of the team approve opening the box (the template asks for two), and form the panel');
  clock.set(new Date(new Date(spec.deadline).getTime() + 60_000));
  await call('POST', `${t}/close`, owner); // 202: the first approval, bids still sealed
  await call('POST', `${t}/close`, procurement); // 200: opened
  const members: { token: string; index: number }[] = [];
  for (const [index, member] of PANEL.entries()) {
    if (!made.has(member.email)) {
      await call('POST', '/users', admin, { email: member.email, name: member.name, role: 'panelist', password: PASSWORD });
      made.add(member.email);
    }
    const account = await call('GET', '/me', await login(member.email));
    await call('POST', `${t}/panel`, owner, { userId: account.id, group: member.group, role: member.role });
    members.push({ token: await login(member.email), index });
  }

  step('With their agreement, the team records how one lay member needs to be supported (large print, no email)');
  await recordDemoNeeds(call, t, owner);

  step('Each member declares interests, then scores every criterion their group scores, with a reason');
  for (const { token, index } of members) {
    const member = PANEL[index];
    for (const bid of BIDS) {
      const conflict = member.email === CONFLICT.member && bid.organisation === CONFLICT.bid;
      await call(
        'PUT',
        `${t}/declarations/${bidIds.get(bid.organisation)!}`,
        token,
        conflict ? { conflict: true, details: CONFLICT.details } : { conflict: false },
      );
    }
    for (const bid of BIDS) {
      if (member.email === CONFLICT.member && bid.organisation === CONFLICT.bid) continue;
      const bidId = bidIds.get(bid.organisation)!;
      for (const criterion of scored.filter((c) => (c.scoredBy as string[]).includes(member.group))) {
        const score = scoreFor(bid, criterion.code as string, index, member);
        await call('PUT', `${t}/bids/${bidId}/scores/${criterion.code as string}`, token, {
          score,
          rationale: reasonFor(member, bid, criterion.code as string, criterion.title as string, score),
        });
      }
      await call('POST', `${t}/bids/${bidId}/scores/submit`, token);
    }
  }

  step('The team records the pass/fail gates: one bidder names no safeguarding lead');
  for (const bid of BIDS) {
    const bidId = bidIds.get(bid.organisation)!;
    await call('PUT', `${t}/bids/${bidId}/compliance/G1`, procurement, {
      passed: bid.passesSafeguarding,
      note: bid.passesSafeguarding
        ? 'Safeguarding adults policy, named lead and training records seen.'
        : 'No named safeguarding lead and no training records: fails the gate.',
    });
    await call('PUT', `${t}/bids/${bidId}/compliance/G2`, procurement, {
      passed: true,
      note: 'Data protection policy and DSP Toolkit submission seen.',
    });
  }

  step('Moderation: the panel agrees a consensus score, with its rationale, on every criterion of every bid');
  await call('POST', `${t}/start-moderation`, owner);
  const moderation = await call('GET', `${t}/moderation`, procurement);
  for (const item of moderation.items as Json[]) {
    const agreed = moderationFor(
      item.panelScore as number,
      (item.flags as Json[]).map((flag) => flag.type as string),
      item.code as string,
    );
    await call('PUT', `${t}/bids/${item.bidId as string}/moderated/${item.code as string}`, procurement, agreed);
  }
  return { id: tender.id as string, path: t, reference: spec.reference };
}

/**
 * After the decision (docs/AFTER-AWARD.md): the award, the assessment summaries (drafted,
 * approved by a second member, sent), the contract award notice and its
 * standstill (eight working days, England and Wales), the contract entered into once it
 * ends, and the open data package (OCDS) written to .demo/.
 */
async function afterAward(
  accounts: Accounts,
  clock: ManualClock,
  base: string,
  tender: { id: string; path: string; reference: string },
): Promise<{ reference: string; ocdsFile: string }> {
  const { call, owner, procurement } = accounts;
  const t = tender.path;
  step('The team awards the tender to the bid ranked first');
  clock.advance(24 * 3_600_000);
  await call('POST', `${t}/award`, owner, {});
  step('Assessment summaries: drafted for every assessed bid, approved by a second team member, sent');
  const drafted = await call('POST', `${t}/assessment-summaries`, owner, {});
  const sentOn = clock.now().toISOString().slice(0, 10);
  for (const summary of drafted.summaries as Json[]) {
    await call('POST', `${t}/assessment-summaries/${summary.bidId as string}/approve`, procurement, {});
    await call('POST', `${t}/assessment-summaries/${summary.bidId as string}/sent`, owner, { sentOn });
  }
  step('The contract award notice is published: the standstill runs eight working days');
  clock.advance(3_600_000);
  const standstill = await call('POST', `${t}/standstill/award-notice`, procurement, { publishedAt: clock.now().toISOString() });
  clock.set(new Date(new Date(standstill.standstillEndsAt as string).getTime() + 3_600_000));
  step('The standstill ends without a challenge; the contract is entered into');
  await call('POST', `${t}/contract`, procurement, {});
  step('The open data (OCDS) of the tender, the award and the contract is written');
  const response = await fetch(`${base}${t}/ocds`, { headers: { Authorization: `Bearer ${procurement}` } });
  if (!response.ok) throw new Error(`ocds → ${response.status} ${await response.text()}`);
  const file = join(DIR, 'ocds-release-package.json');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return { reference: tender.reference, ocdsFile: relative(process.cwd(), file) };
}

/** A draft nobody else sees yet, and a published tender whose bid deadline is months away. */
async function earlierStages(call: ReturnType<typeof client>, owner: string, clock: ManualClock): Promise<void> {
  step('A draft tender is started, and another is published and open for bids until the summer');
  await call('POST', '/tenders', owner, {
    reference: 'LBC-2027-CARE-03',
    title: "Carers' breaks and short stays",
    bidDeadline: '2027-09-30T12:00:00.000Z',
    template: 'camden-mental-health-day-care',
  });
  const open = await call('POST', '/tenders', owner, {
    reference: 'LBC-2027-YOUTH-04',
    title: "Young people's mental health drop-in",
    bidDeadline: new Date(Math.max(clock.now().getTime(), Date.parse('2027-06-30T12:00:00.000Z'))).toISOString(),
    template: 'camden-mental-health-day-care',
    contactName: TEAM.commissioner.name,
    contactEmail: TEAM.commissioner.email,
    contactPhone: '020 7974 4444',
  });
  await call('POST', `/tenders/${open.id as string}/publish`, owner);
}

/**
 * A second tender left open for scoring, with a lay panelist's link and code, so a newcomer
 * can click through the panel pages in a phone-sized window (README "In the browser").
 */
async function leaveOpenForPanel(
  call: ReturnType<typeof client>,
  owner: string,
  clock: ManualClock,
  login: (email: string, password?: string) => Promise<string>,
  base: string,
): Promise<void> {
  step('A second tender is left open for scoring, with a link for a lived-experience panelist');
  const deadline = new Date(clock.now().getTime() + 24 * 3_600_000).toISOString();
  const tender = await call('POST', '/tenders', owner, {
    reference: 'LBC-2027-PEER-02',
    title: 'Peer support in the community',
    bidDeadline: deadline,
    template: 'camden-mental-health-day-care',
    contactName: TEAM.commissioner.name,
    contactEmail: TEAM.commissioner.email,
    contactPhone: '020 7974 4444',
  });
  const t = `/tenders/${tender.id as string}`;
  await call('POST', `${t}/publish`, owner);
  const leaves = flatten((await call('GET', `${t}/criteria`, owner)) as unknown as Json[]);
  for (const bid of BIDS.slice(0, 2)) {
    clock.advance(3_600_000);
    const bidder = await login(bid.email);
    const created = await call('POST', `${t}/bids`, bidder, {
      bidderName: bid.organisation,
      organisationType: bid.organisationType,
      consortium: bid.consortium,
      price: bid.price,
      responses: leaves
        .filter((c) => c.kind === 'scored' || c.kind === 'pass_fail')
        .map((c) => ({
          criterion: c.code,
          text: `${bid.organisation} on ${c.title}:\nwe run peer groups twice a week, led by people who have used services.\nMembers choose the topics.`,
        })),
      commitments: bid.commitments,
    });
    await call('POST', `${t}/bids/${created.id as string}/submit`, bidder);
  }
  clock.set(new Date(new Date(deadline).getTime() + 60_000));
  await call('POST', `${t}/close`, owner);
  const member = await call('POST', `${t}/panel`, owner, {
    name: 'Jo Mensah',
    email: 'jo.mensah@demo.example',
    group: 'lived_experience',
    role: 'Expert by experience',
  });
  await importedWorkbook(base, call, owner, t, () => login(TEAM.procurement.email));
  const invitation = await call('POST', `${t}/panel/${member.id as string}/invitation`, owner);
  console.log('\nScore as a lived-experience panelist, in a phone-sized browser window (after npm start on the demo database):');
  console.log(`  link: ${invitation.url as string}`);
  console.log(`  or open http://localhost:3000/invitation and type the code: ${invitation.code as string}`);
  await assistedScore(call, owner, t, leaves, await login(TEAM.procurement.email));
}

/**
 * Assisted scoring (docs/PANEL.md): a second lay member returns a paper scoring form; after
 * they have declared in their own session, the commissioner enters one score from it.
 */
async function assistedScore(
  call: ReturnType<typeof client>,
  owner: string,
  t: string,
  leaves: Json[],
  procurement: string,
): Promise<void> {
  step('A lay member returns a paper scoring form; the commissioner enters a score from it on their behalf');
  // The second approval opens the bids (the template asks for two), so scoring starts.
  if ((await call('GET', t, owner)).status !== 'evaluation') {
    const me = await call('GET', '/me', procurement);
    await call('POST', `${t}/team`, owner, { userId: me.id, role: 'procurement' });
    await call('POST', `${t}/close`, procurement);
  }
  const member = await call('POST', `${t}/panel`, owner, {
    name: 'Sam Okoye',
    email: 'sam.okoye@demo.example',
    group: 'lived_experience',
    role: 'Carer',
  });
  const memberId = member.id as string;
  const invitation = await call('POST', `${t}/panel/${memberId}/invitation`, owner);
  const seat = (await call('POST', '/auth/invitation', null, { token: invitation.token })).accessToken as string;
  const declarations = await call('GET', `${t}/declarations`, seat);
  for (const bid of declarations.bids as Json[])
    await call('PUT', `${t}/declarations/${bid.bidId as string}`, seat, { conflict: false });
  const criterion = leaves.find((c) => c.kind === 'scored' && (c.scoredBy as string[]).includes('lived_experience'))!;
  const bidId = (declarations.bids as Json[])[0].bidId as string;
  const entered = await call('PUT', `${t}/panel/${memberId}/bids/${bidId}/scores/${criterion.code as string}`, owner, {
    score: 4,
    rationale: 'They asked carers what we need and wrote it into the plan.',
    method: 'paper_form',
  });
  console.log(`  ${(entered.entry as Json).words as string}`);
}

function flatten(nodes: Json[]): Json[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children as Json[])]);
}

const step = (text: string) => console.log(`• ${text}`);

function report(results: Json, files: string[], reference: string, tenderId: string, decided: string): void {
  const money = (pounds: number) => `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
  console.log(`\nResults of ${reference} (${results.complete ? 'complete' : 'provisional'}):`);
  console.log('  rank  bidder                          price           quality  co-prod  wider  price   total');
  for (const bid of results.bids as Json[]) {
    const c = bid.byCategory as Record<string, number>;
    const rank = bid.rank === null ? ' —  ' : `${String(bid.rank).padStart(3)} `;
    console.log(
      `  ${rank}  ${String(bid.bidderName).padEnd(30)}  ${money(bid.price as number).padStart(14)}  ${[c.quality, c.co_production, c.wider_outcomes, c.price, bid.total].map((n) => n.toFixed(2).padStart(7)).join('  ')}` +
        (bid.eligible ? '' : `   not ranked: ${(bid.exclusions as Json[]).map((e) => e.detail as string).join(' ')}`),
    );
  }
  if (results.sensitivity) console.log(`\n  ${results.sensitivity.sentence as string}`);
  console.log(`\nWritten: ${files.join(', ')}  (open the .xlsx in Excel or LibreOffice)`);
  console.log('\nExplore it in the service (same database):');
  console.log(`  DATABASE_URL=sqlite:${relative(process.cwd(), DATABASE)} npm start`);
  console.log('  then sign in at http://localhost:3000/sign-in (the API and its docs: http://localhost:3000/api/docs) as:');
  const account = (label: string, email: string, password = PASSWORD) =>
    console.log(`  ${label.padEnd(28)} ${email} / ${password}`);
  account('admin (accounts only)', ADMIN.email, ADMIN.password);
  for (const person of [TEAM.commissioner, TEAM.procurement]) account(`${person.role}: ${person.name}`, person.email);
  for (const member of PANEL)
    account(`panel, ${member.group === 'professional' ? 'professional' : 'lived experience'}`, member.email);
  for (const bid of BIDS) account('bidder', bid.email);
  console.log(
    `\n  Your tenders, at every stage: a draft (LBC-2027-CARE-03); open for bids (LBC-2027-YOUTH-04); scoring (LBC-2027-PEER-02);` +
      ` in moderation with complete results, ready to award (${reference}: /tenders/${tenderId}/results); awarded, the` +
      ` standstill over and the contract entered into, with its open data (${decided}: its After award page).`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
