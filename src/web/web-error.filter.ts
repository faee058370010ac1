import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../common/domain/domain-error';

/** A page needs a signed-in person; the filter sends them to sign in (or says their session ended). */
export class SignInRequired extends Error {
  constructor(readonly timedOut: boolean) {
    super('Sign in required');
  }
}

export interface ErrorPageModel {
  pageTitle: string;
  lines: string[];
  next?: { href: string; text: string };
}

/** A DomainError that carries its own page (a journey's plain explanation of a refusal). */
export function pageError(status: number, model: ErrorPageModel): DomainError {
  return new DomainError('not_found', model.pageTitle, { page: { status, model } });
}

export function errorPage(res: Response, status: number, model: ErrorPageModel): void {
  res.status(status).render('views/error.njk', model);
}

export const PLAIN_NOT_FOUND: ErrorPageModel = {
  pageTitle: 'Page not found',
  lines: ['If you typed the web address, check it is correct.', 'If you pasted it, check you copied all of it.'],
  next: { href: '/', text: 'Go to the start' },
};

/** Plain words for what a person can meet on a page, by the service's error code. No codes, no field names. */
const PLAIN: Record<string, ErrorPageModel & { status: number }> = {
  not_found: { status: 404, ...PLAIN_NOT_FOUND },
  forbidden: {
    status: 403,
    pageTitle: 'You cannot see this page',
    lines: ['This page is for someone else. You may be signed in with a different account.'],
    next: { href: '/', text: 'Go to the start' },
  },
  invalid_state: {
    status: 409,
    pageTitle: 'You cannot do this now',
    lines: ['This part is closed at the moment. Nothing was changed.'],
    next: { href: '/', text: 'Go to the start' },
  },
  throttled: {
    status: 429,
    pageTitle: 'Too many tries',
    lines: ['There were too many tries that did not work. Wait 15 minutes, then try again.'],
  },
};

const SERVER_ERROR: ErrorPageModel = {
  pageTitle: 'Sorry, there is a problem with the service',
  lines: ['Try again later. Your saved scores are safe.'],
};

/**
 * Page controllers' exception filter (their own, ahead of the global problem+json one):
 * people get an HTML page in plain words; the API keeps problem+json.
 */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof SignInRequired) {
      res.redirect(303, exception.timedOut ? '/signed-out?reason=timeout' : '/sign-in');
      return;
    }
    if (exception instanceof DomainError && typeof exception.extensions.redirect === 'string') {
      res.redirect(303, exception.extensions.redirect);
      return;
    }
    const own =
      exception instanceof DomainError
        ? (exception.extensions.page as { status: number; model: ErrorPageModel } | undefined)
        : undefined;
    if (own) {
      errorPage(res, own.status, own.model);
      return;
    }
    if (exception instanceof DomainError && PLAIN[exception.code]) {
      const { status, ...model } = PLAIN[exception.code];
      errorPage(res, status, model);
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() === 404) {
      const { status, ...model } = PLAIN.not_found;
      errorPage(res, status, model);
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    errorPage(res, 500, SERVER_ERROR);
  }
}
