import { PASSWORD, type TestApp } from '../app';

/** Signs `email` in at /sign-in as a browser would (CSRF token and all), without a browser: the session cookie. */
export async function webSession(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const start = await t.http().get('/sign-in');
  const cookie = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('ts_session='))!.split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(start.text)![1];
  const signedIn = await t.http().post('/sign-in').set('Cookie', cookie).type('form').send({ _csrf: csrf, email, password });
  if (signedIn.status !== 303) throw new Error(`sign-in failed: ${signedIn.status}`);
  return (signedIn.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
}
