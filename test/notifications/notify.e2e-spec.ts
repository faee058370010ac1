import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../app';
import { MailSender } from '../../src/notifications/mail-sender.service';
import { panelTender } from '../steps';

jest.setTimeout(60_000);

const SERVICE_ID = '11111111-2222-4333-8444-555555555555';
const KEY_ID = '66666666-7777-4888-9999-000000000000';
const API_KEY = `tender-scorer-test-${SERVICE_ID}-${KEY_ID}`;
const TEMPLATE_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

interface NotifyRequest {
  path: string;
  authorization: string;
  body: { template_id: string; email_address: string; personalisation: { subject: string; body: string }; reference: string };
}

/** A stand-in for GOV.UK Notify on a loopback port: records each request, answers 201 (or 400 when told). */
function fakeNotify(): { server: Server; requests: NotifyRequest[]; refuseNext: () => void } {
  const requests: NotifyRequest[] = [];
  let refuse = false;
  const server = createServer((request: IncomingMessage, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', authorization: request.headers.authorization ?? '', body: JSON.parse(raw) });
      response.setHeader('Content-Type', 'application/json');
      if (refuse) {
        refuse = false;
        response.statusCode = 400;
        response.end(
          JSON.stringify({
            status_code: 400,
            errors: [{ error: 'BadRequestError', message: 'Can’t send to this recipient using a team-only API key' }],
          }),
        );
        return;
      }
      response.statusCode = 201;
      response.end(JSON.stringify({ id: 'notify-id', reference: null, content: {}, uri: '', template: {} }));
    });
  });
  return { server, requests, refuseNext: () => (refuse = true) };
}

describe('GOV.UK Notify adapter (against a local fake of its API)', () => {
  const notify = fakeNotify();
  let t: TestApp | undefined;

  beforeAll(async () => {
    await new Promise<void>((resolve) => notify.server.listen(0, '127.0.0.1', resolve));
    const { port } = notify.server.address() as AddressInfo;
    t = await createTestApp({
      env: { NOTIFY_API_KEY: API_KEY, NOTIFY_TEMPLATE_ID: TEMPLATE_ID, NOTIFY_BASE_URL: `http://127.0.0.1:${port}` },
    });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => notify.server.close(resolve));
  });

  it('sends through the official client with the template, the address, the subject and body; a refusal is shown in words', async () => {
    const app = t!;
    const world = await panelTender(app);
    const added = await app
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'Jordan', email: 'jordan@example.org', group: 'lived_experience' });
    const issue = () =>
      app.http().post(`/api/tenders/${world.tenderId}/panel/${added.body.id}/invitation`).set(world.commissioner.auth);
    const issued = await issue();
    expect(issued.status).toBe(201);
    expect(await app.app.get(MailSender).runOnce()).toBe(1);

    expect(notify.requests).toHaveLength(1);
    const [sent] = notify.requests;
    expect(sent.path).toBe('/v2/notifications/email');
    expect(sent.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sent.body.template_id).toBe(TEMPLATE_ID);
    expect(sent.body.email_address).toBe('jordan@example.org');
    expect(sent.body.personalisation.subject).toMatch(/^You are invited to score bids for /);
    expect(sent.body.personalisation.body).toContain(issued.body.url);
    const listed = await app.http().get(`/api/tenders/${world.tenderId}/messages`).set(world.commissioner.auth);
    expect(listed.body.transport).toBe('notify');
    expect(listed.body.messages[0]).toMatchObject({ status: 'sent' });
    expect(sent.body.reference).toBe(listed.body.messages[0].id);

    notify.refuseNext();
    app.clock.advance(60_000); // the list is newest first: the second message a minute later
    expect((await issue()).status).toBe(201);
    await app.app.get(MailSender).runOnce();
    const after = await app.http().get(`/api/tenders/${world.tenderId}/messages`).set(world.commissioner.auth);
    expect(after.body.messages[0]).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'GOV.UK Notify answered 400: Can’t send to this recipient using a team-only API key',
    });
  });
});
