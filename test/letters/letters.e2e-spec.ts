import { createTestApp, type SignedIn, type TestApp } from '../app';
import { printedLines } from '../exports/libreoffice';
import {
  addLayPanelist,
  addPanelist,
  declare,
  flat,
  panelTender,
  panelTenderInEvaluation,
  pdfPages,
  printLetter,
  printScoringPack,
  printUnacceptedLetters,
  redeemSeat,
  type PanelWorld,
  recordNeeds,
} from '../steps';

jest.setTimeout(60_000);

const BUYER = 'London Borough of Camden';
/** Friday 12 February 2027, 5pm in London (GMT): after the bid deadline. */
const SCORING_DEADLINE = '2027-02-12T17:00:00.000Z';
/** The token after the link's address; the letter breaks it over lines (pdftotext: spaces once flattened). */
const LINK = /http:\/\/localhost:3000\/invitation\/ ?((?:[A-Za-z0-9_-] ?){43})/;
const tokenOf = (text: string) => LINK.exec(text)![1].replace(/ /g, '');
const CODE = /\b([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2})\b/;

describe('invitation letters and scoring packs (issue 17 parts 3 and 4)', () => {
  let t: TestApp;
  let world: PanelWorld;

  async function addByEmail(name: string, group = 'lived_experience'): Promise<string> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
    const added = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name, email, group });
    expect(added.status).toBe(201);
    return added.body.id as string;
  }

  async function audit(action: string) {
    const trail = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    expect(trail.status).toBe(200);
    return (trail.body as { action: string; after: Record<string, unknown> }[]).filter((event) => event.action === action);
  }

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTenderInEvaluation(t, {
      buyer: BUYER,
      bidders: ['Mind in Camden', 'Certitude'],
      tender: { contactName: 'Sam Patel', contactEmail: 'sam.patel@camden.example', contactPhone: '020 7946 0000' },
    });
    const set = await t
      .http()
      .patch(`/api/tenders/${world.tenderId}`)
      .set(world.commissioner.auth)
      .send({ scoringDeadline: SCORING_DEADLINE });
    expect(set.status).toBe(200);
  });
  afterAll(() => t.close());

  it('prints a one-page letter from a new invitation: who asks, what to do, by when, link, code, who to call, payment', async () => {
    const jordan = await addByEmail('Jordan Reid');
    await addByEmail('Alex Moss');
    const response = await printLetter(t, world.tenderId, world.commissioner, jordan);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="invitation-letter-.+\.pdf"$/);
    const pages = pdfPages(response.body);
    expect(pages).toHaveLength(1);
    const text = flat(pages[0]);
    expect(text).toContain('Dear Jordan Reid,');
    expect(text).toContain(`${BUYER} is choosing who will run a service`);
    expect(text).toContain('5pm on Friday 12 February 2027');
    expect(text).toContain('Call Sam Patel on 020 7946 0000 or email sam.patel@camden.example.');
    expect(text).toContain('You will be paid for your time and your costs'); // no rates set: the payments feature's own sentence
    expect(text).toContain('go to http://localhost:3000/invitation and type this code');
    expect(text).toMatch(CODE);
    // Nothing about anyone else: no other member, no bidder.
    for (const other of ['Alex Moss', 'Mind in Camden', 'Certitude']) expect(text).not.toContain(other);

    // The link on the letter is a working invitation (it signs Jordan in, once).
    const token = tokenOf(text);
    const session = await t.http().post('/api/auth/invitation').send({ token });
    expect(session.status).toBe(200);
    expect(session.body.seat).toEqual({ tenderId: world.tenderId, panelMemberId: jordan });

    const printed = await audit('panel_letter.printed');
    expect(printed).toEqual([
      expect.objectContaining({ after: { panelMemberId: jordan, invitationId: expect.any(String), format: 'standard' } }),
    ]);
    expect(JSON.stringify(await audit('panel_letter.printed'))).not.toContain(token);
    expect((await audit('panel_invitation.issued')).map((event) => event.after.panelMemberId)).toContain(jordan);
  });

  it('printing again makes a new link and the old one stops working; the code on the letter signs in too', async () => {
    const member = await addByEmail('Robin Shah');
    const first = flat(pdfPages((await printLetter(t, world.tenderId, world.commissioner, member)).body)[0]);
    const second = flat(pdfPages((await printLetter(t, world.tenderId, world.commissioner, member)).body)[0]);
    const [oldToken, newCode] = [tokenOf(first), CODE.exec(second)![1]];
    expect(tokenOf(second)).not.toBe(oldToken);
    expect((await t.http().post('/api/auth/invitation').send({ token: oldToken })).status).toBe(401);
    expect((await t.http().post('/api/auth/invitation').send({ code: newCode.toLowerCase() })).status).toBe(200);
  });

  it('the large-print letter has body text of 16pt or more and is still one page', async () => {
    const member = await addByEmail('Chris Long-Named Person With A Very Long Name Indeed');
    const standard = await printLetter(t, world.tenderId, world.commissioner, member, 'standard');
    const large = await printLetter(t, world.tenderId, world.commissioner, member, 'large-print');
    expect(large.status).toBe(200);
    expect(large.headers['content-disposition']).toContain('-large-print.pdf');
    expect(pdfPages(large.body)).toHaveLength(1);
    // pdftotext's box of a Helvetica line is 0.925 of its type size (ascender to descender).
    const bodyLine = (pdf: Buffer) => printedLines(pdf).find((line) => line.text.startsWith('Dear Chris'))!;
    const typeSize = (pdf: Buffer) => (bodyLine(pdf).yMax - bodyLine(pdf).yMin) / 0.925;
    expect(typeSize(standard.body)).toBeCloseTo(12, 0);
    expect(typeSize(large.body)).toBeGreaterThanOrEqual(16 - 0.01);
    expect((await audit('panel_letter.printed')).map((event) => event.after.format)).toContain('large-print');
  });

  it('prints the large-print letter when no format is asked for and the member’s needs say large print; the payment terms are the tender’s', async () => {
    const member = await addByEmail('Pat Large');
    await recordNeeds(t, world.tenderId, world.commissioner, member, { formats: ['large_print'] });
    const rates = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/payments/rates`)
      .set(world.commissioner.auth)
      .send({ scoring: { basis: 'hour', ratePence: 2500 } });
    expect(rates.status).toBe(200);
    const letter = await printLetter(t, world.tenderId, world.commissioner, member);
    expect(letter.headers['content-disposition']).toContain('-large-print.pdf');
    const dear = printedLines(letter.body).find((line) => line.text.startsWith('Dear Pat'))!;
    expect((dear.yMax - dear.yMin) / 0.925).toBeGreaterThanOrEqual(16 - 0.01); // as the large-print test measures it
    expect(flat(pdfPages(letter.body)[0])).toContain('You will be paid £25');
  });

  it('prints one page each for the members who have not signed in yet, each about only that member', async () => {
    const tender = await panelTender(t);
    const add = async (name: string) => {
      const added = await t
        .http()
        .post(`/api/tenders/${tender.tenderId}/panel`)
        .set(tender.commissioner.auth)
        .send({ name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, group: 'lived_experience' });
      expect(added.status).toBe(201);
      return added.body.id as string;
    };
    const [ash, bea, cal] = [await add('Ash Green'), await add('Bea Stone'), await add('Cal Brook')];
    await redeemSeat(t, tender, bea); // Bea has signed in: no letter for her
    await addPanelist(t, tender, 'professional'); // signs in with a password: no letter
    const response = await printUnacceptedLetters(t, tender.tenderId, tender.commissioner, 'large-print');
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/filename="invitation-letters-.+\.pdf"/);
    const pages = pdfPages(response.body).map(flat);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Dear Ash Green,');
    expect(pages[0]).not.toContain('Cal Brook');
    expect(pages[1]).toContain('Dear Cal Brook,');
    expect(pages[1]).not.toContain('Ash Green');
    expect(pages.join(' ')).not.toContain('Bea Stone');
    const trail = await t.http().get(`/api/tenders/${tender.tenderId}/audit`).set(tender.commissioner.auth);
    const printed = (trail.body as { action: string; after: { panelMemberId: string } }[]).filter(
      (event) => event.action === 'panel_letter.printed',
    );
    expect(printed.map((event) => event.after.panelMemberId).sort((a, b) => a.localeCompare(b))).toEqual(
      [ash, cal].sort((a, b) => a.localeCompare(b)),
    );

    const none = await panelTender(t);
    await addPanelist(t, none, 'professional');
    const empty = await printUnacceptedLetters(t, none.tenderId, none.commissioner);
    expect(empty.status).toBe(409);
    expect(empty.body.detail).toBe(
      'Everyone on the panel has signed in or signs in with a password, so there are no letters to print.',
    );
  });

  it('refuses a bad format (400), a password account (409), another tender’s member (404) and anyone off the team (403)', async () => {
    const member = await addByEmail('Dana Fox');
    const bad = await printLetter(t, world.tenderId, world.commissioner, member, 'huge');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'format', message: 'Format must be one of: standard, large-print.' }]);
    const professional = await addPanelist(t, world, 'professional');
    const password = await printLetter(t, world.tenderId, world.commissioner, professional.memberId);
    expect(password.status).toBe(409);
    expect(password.body.detail).toBe('This person signs in with their password; they do not need a link.');
    const other = await panelTender(t);
    expect((await printLetter(t, other.tenderId, other.commissioner, member)).status).toBe(404);
    expect((await printLetter(t, world.tenderId, other.commissioner, member)).status).toBe(404);
    expect((await printLetter(t, world.tenderId, world.bidders[0], member)).status).toBe(403);
    expect((await printScoringPack(t, world.tenderId, professional, member)).status).toBe(403);
  });

  it('the scoring pack has the member’s bids (not one with a conflict), their criteria, the scale in words and score boxes', async () => {
    const lay: SignedIn & { memberId: string } = await addLayPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, lay, world.bidIds, [world.bidIds[1]]);
    const response = await printScoringPack(t, world.tenderId, world.commissioner, lay.memberId);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = flat(pdfPages(response.body).join(' '));
    expect(text).toContain(`For ${lay.name}.`);
    expect(text).toContain('Mind in Camden');
    expect(text).not.toContain('Certitude');
    expect(text).toContain('Mind in Camden: a recovery college with peer tutors.');
    expect(text).toContain('Will people who use the service help run it?');
    expect(text).toContain('0: Does not answer the question');
    expect(text).toContain('5: Answers it very well, with strong evidence');
    expect(text).toContain('Your score for C1. Tick one box:');
    expect(text).toContain('Why did you give this score?');
    expect(text).toContain('Please give your pack back to the team by 5pm on Friday 12 February 2027.');
    // The lived-experience group scores Q1 and C1, not T1.
    expect(text).toContain('Q1. Service model');
    expect(text).toContain('C1. Co-production');
    expect(text).not.toContain('Clinical governance');
    expect(text).not.toContain('Jordan Reid');
    expect(await audit('panel_scoring_pack.printed')).toEqual([
      expect.objectContaining({ after: { panelMemberId: lay.memberId, bids: 1, criteria: 2 } }),
    ]);
  });

  it('under blind marking the pack names bids as the panel sees them; no pack before the box opens or after the scoring deadline', async () => {
    const blind = await panelTenderInEvaluation(t, { tender: { blindMarking: true }, bidders: ['Mind in Camden', 'Certitude'] });
    const member = await addPanelist(t, blind, 'professional');
    const pack = flat(pdfPages((await printScoringPack(t, blind.tenderId, blind.commissioner, member.memberId)).body).join(' '));
    expect(pack).toContain('Bid 1');
    expect(pack).toContain('Bid 2');
    expect(pack).toContain('T1. Clinical governance');
    expect(pack).not.toContain('Co-production');
    expect(pack).not.toMatch(/Mind in Camden(?!:)|Certitude(?!:)/);

    const published = await panelTender(t);
    const early = await addPanelist(t, published, 'professional');
    const sealed = await printScoringPack(t, published.tenderId, published.commissioner, early.memberId);
    expect(sealed.status).toBe(409);
    expect(sealed.body.detail).toBe('A scoring pack can be printed only while scoring is open, and the tender is published.');

    t.clock.set(new Date(new Date(SCORING_DEADLINE).getTime() + 1000));
    expect((await printScoringPack(t, world.tenderId, world.commissioner, member.memberId)).status).toBe(404);
    const lay = (await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth)).body[0].id as string;
    const closed = await printScoringPack(t, world.tenderId, world.commissioner, lay);
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toBe('A scoring pack can be printed only while scoring is open: the scoring deadline has passed.');
  });
});
