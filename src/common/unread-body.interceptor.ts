import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { invalidBody, type FieldProblem } from './domain/domain-error';

const BODY_ARGUMENT = new RegExp(`^${RouteParamtypes.BODY}:`);

/** Whether a handler takes `@Body()`: read from the metadata Nest's parameter decorators leave. */
function readsBody(controller: object, handler: string): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => BODY_ARGUMENT.test(key));
}

/** What is wrong with sending `body` to an action that reads none: every field named, or null. */
export function unreadBodyProblems(body: unknown): FieldProblem[] | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'object' && !Array.isArray(body)) {
    const fields = Object.keys(body);
    return fields.length === 0
      ? null
      : fields.map((field) => ({ field, message: 'This action takes no fields: leave this one out.' }));
  }
  if (Array.isArray(body) && body.length === 0) return null;
  return [{ field: 'body', message: 'This action takes no request body: send none, or {}.' }];
}

/**
 * Unknown fields are refused, never ignored (the validation pipe does it for actions that
 * take a body). Actions that take none (publish, close, submit, withdraw, …) never run a
 * pipe on the body, so this interceptor refuses a non-empty one for them: once, for every
 * API route, including routes added later.
 */
@Injectable()
export class RefuseUnreadBody implements NestInterceptor {
  private readonly known = new WeakMap<object, Map<string, boolean>>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const controller = context.getClass();
      const handler = context.getHandler().name;
      const handlers = this.known.get(controller) ?? new Map<string, boolean>();
      this.known.set(controller, handlers);
      let reads = handlers.get(handler);
      if (reads === undefined) {
        reads = readsBody(controller, handler);
        handlers.set(handler, reads);
      }
      const request = context.switchToHttp().getRequest<Request>();
      // The API's contract only: a web page's form may carry fields its handler leaves to middleware (a CSRF token).
      const problems = reads || !request.path.startsWith('/api/') ? null : unreadBodyProblems(request.body);
      if (problems) throw invalidBody(problems);
    }
    return next.handle();
  }
}
