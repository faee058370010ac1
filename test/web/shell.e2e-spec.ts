import { DataSource } from 'typeorm';
import { User } from '../../src/users/user.entity';
import { createTestApp, PASSWORD, type TestApp } from '../app';

/** The cookie and CSRF token a browser would hold after loading `path`. */
async function visit(t: TestApp, path: string, cookie?: string): Promise<{ cookie: string; csrf: string; html: string }> {
  const response = await t
    .http()
    .get(path)
    .set('Cookie', cookie ?? '');
  const set = response.headers['set-cookie'] as unknown as string[] | undefined;
  const session = set?.find((c) => c.startsWith('ts_session='))?.split(';')[0] ?? cookie ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1] ?? '';
  return { cookie: session, csrf, html: response.text };
}

describe('The web shell', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves pages at / with a nonce CSP, no-store, en-GB, a skip link and no GOV.UK crown or font', async () => {
    const response = await t.http().get('/');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const nonce = /'nonce-([^']+)'/.exec(response.headers['content-security-policy'])?.[1];
    expect(nonce).toBeTruthy();
    expect(response.text).toContain('<html lang="en-GB"');
    expect(response.text).toContain('Skip to main content');
    expect(response.text).toContain('Tender Scorer');
    expect(response.text).not.toMatch(/govuk-logo|Crown copyright/);
    for (const script of response.text.match(/<script[^>]*>/g) ?? []) expect(script).toContain(`nonce="${nonce}"`);
    const cookie = (response.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^ts_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('serves the stylesheet under a content-hashed name, cached for a year, compressed, without the GDS Transport font', async () => {
    const page = await t.http().get('/');
    const href = /<link rel="stylesheet" href="(\/assets\/app-[0-9a-f]{12}\.css)">/.exec(page.text)?.[1];
    expect(href).toBeTruthy();
    const css = await t.http().get(href!).set('Accept-Encoding', 'gzip');
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.text).not.toContain('GDS Transport');
    expect(css.text).toContain('system-ui');
    const js = /src="(\/assets\/govuk-frontend-[0-9a-f]{12}\.min\.js)"/.exec(page.text)?.[1];
    expect((await t.http().get(js!)).status).toBe(200);
  });

  it('keeps the JSON API under /api with problem+json errors', async () => {
    const response = await t.http().get('/api/tenders');
    expect(response.status).toBe(401);
    expect(response.type).toBe('application/problem+json');
  });

  it('refuses a form posted without its CSRF token, in plain words', async () => {
    const { cookie } = await visit(t, '/sign-in');
    const response = await t.http().post('/sign-in').set('Cookie', cookie).type('form').send({ email: 'x@y.z', password: 'p' });
    expect(response.status).toBe(403);
    expect(response.text).toContain('This page has expired');
  });

  it('signs a professional in at /sign-in with a new session, and a deactivated account stops at once', async () => {
    const professional = await t.user('panelist');
    const before = await visit(t, '/sign-in');
    const wrong = await t
      .http()
      .post('/sign-in')
      .set('Cookie', before.cookie)
      .type('form')
      .send({ _csrf: before.csrf, email: professional.email, password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('<title>Error: Sign in');
    expect(wrong.text).toContain('The email address or password is not right');
    const signedIn = await t
      .http()
      .post('/sign-in')
      .set('Cookie', before.cookie)
      .type('form')
      .send({ _csrf: before.csrf, email: professional.email, password: PASSWORD });
    expect(signedIn.status).toBe(303);
    const rotated = (signedIn.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    expect(rotated).not.toBe(before.cookie);
    // The old (pre-sign-in) session is gone: its cookie now gets a fresh anonymous session.
    const old = await t.http().get('/help').set('Cookie', before.cookie);
    expect(old.text).not.toContain('Sign out');
    const help = await t.http().get('/help').set('Cookie', rotated);
    expect(help.text).toContain('Sign out');
    // No deactivation route yet: the account is switched off in the database, as an admin tool would.
    await t.app.get(DataSource).getRepository(User).update({ id: professional.id }, { active: false });
    const after = await t.http().get('/help').set('Cookie', rotated);
    expect(after.text).not.toContain('Sign out');
  });

  it('signs out: the session row is gone', async () => {
    const professional = await t.user('panelist');
    const page = await visit(t, '/sign-in');
    const signedIn = await t
      .http()
      .post('/sign-in')
      .set('Cookie', page.cookie)
      .type('form')
      .send({ _csrf: page.csrf, email: professional.email, password: PASSWORD });
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const help = await visit(t, '/help', cookie);
    const out = await t.http().post('/sign-out').set('Cookie', cookie).type('form').send({ _csrf: help.csrf });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/signed-out');
    expect((await t.http().get('/help').set('Cookie', cookie)).text).not.toContain('Sign out');
  });

  it('has the footer pages', async () => {
    for (const [path, heading] of [
      ['/help', 'Get help'],
      ['/accessibility', 'Accessibility statement'],
      ['/privacy', 'Privacy'],
      ['/cookies', 'Cookies'],
    ]) {
      const response = await t.http().get(path);
      expect(response.status).toBe(200);
      expect(response.text).toContain(`<h1 class="govuk-heading-l">${heading}</h1>`);
    }
  });
});

describe('Unknown addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a browser gets the plain "Page not found" page; an API client problem+json', async () => {
    const page = await t.http().get('/no-such-page').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBe(404);
    expect(page.text).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    const api = await t.http().get('/no-such-page').set('Accept', 'application/json');
    expect(api.status).toBe(404);
    expect(api.type).toBe('application/problem+json');
  });
});

describe('Panel pages without a session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['GET', '/panel'],
    ['GET', '/panel/00000000-0000-4000-8000-000000000000'],
    ['GET', '/panel/00000000-0000-4000-8000-000000000000/declarations/00000000-0000-4000-8000-000000000001'],
    ['GET', '/panel/00000000-0000-4000-8000-000000000000/bids/00000000-0000-4000-8000-000000000001/criteria/Q1'],
    ['GET', '/panel/00000000-0000-4000-8000-000000000000/bids/00000000-0000-4000-8000-000000000001/check'],
    ['GET', '/panel/00000000-0000-4000-8000-000000000000/bids/00000000-0000-4000-8000-000000000001/submitted'],
  ])('%s %s sends a visitor to sign in, showing nothing', async (_method, path) => {
    const response = await t.http().get(path);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/sign-in');
  });

  it('a form posted to a panel page without a session changes nothing', async () => {
    const response = await t
      .http()
      .post('/panel/00000000-0000-4000-8000-000000000000/bids/x/submit')
      .type('form')
      .send({ _csrf: 'guess' });
    expect(response.status).toBe(403);
    expect(response.text).toContain('This page has expired');
  });
});
