import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { csrfSync } from 'csrf-sync';
import { workbookUploadParser } from './offline/workbook-upload';
import type { NextFunction, Request, Response } from 'express';
import nunjucks from 'nunjucks';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ASSETS_OUT, buildAssets, PACKAGE_ROOT } from './assets/build-assets';
import { errorPage } from './web-error.filter';
import { SESSION_COOKIE, WARN_BEFORE_SECONDS } from './web-request';
import { WebSessionService } from './web-session.service';

/**
 * Paths served as pages, left out of the /api prefix. A new journey adds its root here
 * (docs/WEB.md "Adding a page").
 */
export const WEB_ROUTES = [
  '/',
  'sign-in',
  'sign-out',
  'signed-out',
  'session/{*rest}',
  'help',
  'accessibility',
  'privacy',
  'cookies',
  'invitation',
  'invitation/{*rest}',
  'panel',
  'panel/{*rest}',
  'pages/{*rest}',
  'accounts',
  'accounts/{*rest}',
  'account',
  'account/{*rest}',
  'reset-password/{*rest}',
  'register',
  'opportunities',
  'opportunities/{*rest}',
  'bids',
  'bids/{*rest}',
  'records',
];

/**
 * Page roots named like an API resource (the team's /tenders beside /api/tenders). The
 * global prefix's exclusions match paths whatever the controller, so excluding `tenders`
 * would move the API's routes too: these pages' controllers are declared under `pages/`
 * (`@WebPages('pages/tenders')`) and a browser's /tenders/… is routed there. The address
 * people see and link to stays /tenders/…; /pages/… itself is not an address.
 */
export const ALIASED_PAGE_ROOTS = ['tenders'];
const INTERNAL_PAGES = '/pages';

function routeAliasedPages(req: Request, _res: Response, next: NextFunction): void {
  const root = req.path.split('/')[1] ?? '';
  if (root === INTERNAL_PAGES.slice(1)) req.url = '/page-not-found';
  else if (ALIASED_PAGE_ROOTS.includes(root)) req.url = `${INTERNAL_PAGES}${req.url}`;
  next();
}

/** The first path segments that are pages ('' is the start page). */
const PAGE_ROOTS = new Set(WEB_ROUTES.map((route) => route.replace(/^\//, '').split('/')[0]));

/** A page route (not the API, its docs, the assets, or an unknown address, which gets its 404 untouched). */
const isPage = (path: string): boolean => PAGE_ROOTS.has(path.split('/')[1] ?? '');

/** The CSP nonce of this response (set before helmet, which puts it in the header). */
export function cspNonce(_req: unknown, res: unknown): string {
  return `'nonce-${(res as Response).locals.cspNonce as string}'`;
}

export function nonceMiddleware(_req: Request, res: Response, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}

/**
 * The web shell's HTTP surface (docs/WEB.md): compression, hashed static assets with a year
 * of caching, Nunjucks with GOV.UK Frontend, and on every page the database session and
 * the CSRF check. Called by configureApp, so the tests run exactly this.
 */
export function configureWeb(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const config = app.get<AppConfig>(APP_CONFIG);
  const manifest = buildAssets();
  express.use(routeAliasedPages);
  express.use(compression());
  express.useStaticAssets(ASSETS_OUT, { prefix: '/assets/', maxAge: '365d', immutable: true, index: false });

  const env = nunjucks.configure([__dirname, join(PACKAGE_ROOT, 'node_modules', 'govuk-frontend', 'dist')], {
    autoescape: true,
    throwOnUndefined: false,
    // Parsed once and kept, as in production; re-read only while developing (parsing GOV.UK
    // Frontend's macros on every request costs more than the rest of a page).
    noCache: config.reloadViews,
    express: express.getHttpAdapter().getInstance(),
  });
  env.addGlobal('asset', (name: string) => `/assets/${manifest.files[name] ?? name}`);
  express.setViewEngine('njk');

  const sessions = app.get(WebSessionService);
  const cookie = sessionCookie(config);
  const { isRequestValid } = csrfSync({
    getTokenFromState: (req) => req.web?.session?.csrfToken,
    // Every session row is born with its token; nothing to store later.
    storeTokenInState: () => undefined,
    getTokenFromRequest: (req) => (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  });
  // Forms are parsed here, before the session middleware checks their CSRF token.
  express.useBodyParser('urlencoded', { extended: false, limit: '200kb' });
  // The offline workbook page posts a file (multipart): read before the CSRF check below.
  express.use(workbookUploadParser);
  express.use(cookieParser());
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (!isPage(req.path)) return next();
    void (async () => {
      const found = await sessions.find(req.cookies?.[cookie.name] as string | undefined);
      if ('session' in found) {
        req.web = { ...found, timedOut: false };
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        const opened = await sessions.openAnonymous();
        res.cookie(cookie.name, opened.token, cookie.options);
        req.web = { session: opened.session, caller: null, timedOut: found.timedOut };
      } else {
        req.web = { session: null, caller: null, timedOut: found.timedOut };
      }
      res.locals.csrfToken = req.web.session?.csrfToken;
      res.locals.signedIn = req.web.caller !== null;
      res.locals.session = { idleSeconds: config.sessionIdleMinutes * 60, warnSeconds: WARN_BEFORE_SECONDS };
      res.locals.currentPath = req.originalUrl;
      // Pages carry personal data and scores: never kept by the browser or a proxy.
      res.setHeader('Cache-Control', 'no-store');
      if (req.method === 'POST' && !isRequestValid(req)) {
        errorPage(res, 403, {
          pageTitle: 'This page has expired',
          lines: [
            'For your security, forms stop working after a while, or when you sign out.',
            'Nothing was saved from the last page. Go back, reload it, and try again.',
          ],
          next: { href: '/', text: 'Go to the start' },
        });
        return;
      }
      // The token has done its work; actions see only their own fields.
      if (req.body && typeof req.body === 'object') delete (req.body as Record<string, unknown>)._csrf;
      next();
    })().catch(next);
  });
}

/** Sets (or clears) the session cookie the same way everywhere. */
export function sessionCookie(config: AppConfig): {
  name: string;
  options: { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/' };
} {
  const secure = config.publicUrl.startsWith('https:');
  return {
    name: secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
    options: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
  };
}
