import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BODY_LIMIT_MB } from './body-shape';
import { DomainError, type DomainErrorCode } from './domain/domain-error';

const STATUS: Record<DomainErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_state: 409,
  precondition_failed: 412,
  rule_violation: 422,
  throttled: 429,
};

export const PROBLEM_TITLE: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export const TYPE_BASE = 'https://tender-scorer.org/problems/';
export const NO_SUCH_ROUTE =
  'There is no such address in this service. Check the path and the method: the API is under /api, described at /api/docs.';

/** An error raised while reading the request (body-parser, a path's %-escapes): it carries a 4xx status. */
function isReadingError(cause: unknown): boolean {
  const { status, statusCode } = (cause ?? {}) as { status?: unknown; statusCode?: unknown };
  return cause instanceof Error && (typeof status === 'number' || typeof statusCode === 'number');
}

/** Request-reading errors in plain words; a 400 about the body names the body as the field at fault. */
function bodyParserProblem(status: number, cause: unknown): { detail: string; errors?: { field: string; message: string }[] } {
  if (cause instanceof URIError) return { detail: 'The address contains a broken %-escape: check the link or the path.' };
  if (status === 400) {
    const message = 'The request body is not valid JSON: check its brackets, quotes and commas.';
    return { detail: message, errors: [{ field: 'body', message }] };
  }
  if (status === 413) return { detail: `The request body is too large: send at most ${BODY_LIMIT_MB} MB.` };
  if (status === 415) return { detail: 'The request body is in an encoding this service does not read: send JSON in UTF-8.' };
  return { detail: 'The request body could not be read: send JSON in UTF-8.' };
}

/**
 * One line per unknown error: the route (never the URL, which may hold a token), the error
 * and where it was thrown. A flood of bad requests must not become a flood of stack traces.
 */
function logLine(exception: unknown, request: Request | undefined): string {
  const route = `${request?.method ?? '?'} ${(request?.route as { path?: string } | undefined)?.path ?? '(no route)'}`;
  if (!(exception instanceof Error)) return `${route}: ${String(exception).slice(0, 300)}`;
  const frame =
    exception.stack
      ?.split('\n')
      .find((line) => /^\s+at /.test(line))
      ?.trim() ?? 'no stack';
  return `${route}: ${exception.name}: ${exception.message.replace(/\s+/g, ' ').slice(0, 300)} (${frame})`;
}

/**
 * Every error leaves the service as RFC 9457 problem+json: `{type, title, status, detail}`
 * plus extension members (`errors`, `violations`, `gaps`, ...). Unknown errors are
 * logged and answered with a generic 500 that reveals nothing internal.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) this.logger.error(logLine(exception, host.switchToHttp().getRequest<Request>()));
    if (problem.status === 429 && typeof problem.retryAfter === 'number') {
      response.setHeader('Retry-After', String(problem.retryAfter));
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): { status: number; [key: string]: unknown } {
    if (exception instanceof DomainError) {
      const status = STATUS[exception.code];
      return {
        type: TYPE_BASE + exception.code.replace(/_/g, '-'),
        title: PROBLEM_TITLE[status],
        status,
        detail: exception.detail,
        ...exception.extensions,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Express's adapter wraps what body-parser and the router throw (bad JSON, too large, a broken %-escape)
      if (isReadingError(exception.cause) && status < 500) {
        return {
          type: 'about:blank',
          title: PROBLEM_TITLE[status] ?? 'Bad request',
          status,
          ...bodyParserProblem(status, exception.cause),
        };
      }
      const body = exception.getResponse();
      const raw = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
      return {
        type: status === 404 ? TYPE_BASE + 'not-found' : 'about:blank',
        title: PROBLEM_TITLE[status] ?? HttpStatus[status] ?? 'Error',
        status,
        detail: status === 404 && /^Cannot /.test(message) ? NO_SUCH_ROUTE : message,
      };
    }
    // body-parser errors (malformed JSON, too large) carry a status of their own
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        type: 'about:blank',
        title: PROBLEM_TITLE[status] ?? 'Bad request',
        status,
        ...bodyParserProblem(status, exception),
      };
    }
    return {
      type: 'about:blank',
      title: PROBLEM_TITLE[500],
      status: 500,
      detail: 'Something went wrong on our side. It has been logged.',
    };
  }
}
