import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorCode } from './domain-error';

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

const TITLE: Record<number, string> = {
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

const TYPE_BASE = 'https://tender-scorer.org/problems/';

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
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
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
        title: TITLE[status],
        status,
        detail: exception.detail,
        ...exception.extensions,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const raw = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
      return {
        type: status === 404 ? TYPE_BASE + 'not-found' : 'about:blank',
        title: TITLE[status] ?? HttpStatus[status] ?? 'Error',
        status,
        detail: status === 404 && /^Cannot /.test(message) ? 'No such route.' : message,
      };
    }
    // body-parser errors (malformed JSON, too large) carry a status of their own
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        type: 'about:blank',
        title: TITLE[status] ?? 'Bad request',
        status,
        detail: status === 400 ? 'The request body is not valid JSON.' : String((exception as Error).message),
      };
    }
    return { type: 'about:blank', title: TITLE[500], status: 500, detail: 'Something went wrong on our side. It has been logged.' };
  }
}
