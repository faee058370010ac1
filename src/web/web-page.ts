import { applyDecorators, Controller, createParamDecorator, UseFilters, type ExecutionContext } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { SignInRequired, WebErrorFilter } from './web-error.filter';

/**
 * A page controller: outside the bearer-token guard (the browser session stands in for it),
 * errors as HTML pages, and out of the OpenAPI document.
 */
export function WebPages(path = ''): ClassDecorator {
  return applyDecorators(Controller(path), Public(), UseFilters(WebErrorFilter), ApiExcludeController());
}

/** The signed-in person of a page request; sends anyone else to sign in. */
export const PageCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<Request>();
  if (!request.web?.caller) throw new SignInRequired(request.web?.timedOut ?? false);
  return request.web.caller;
});

/** Form fields as strings (a repeated field keeps its last value; browsers' CRLF line breaks become LF). */
export function formValue(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last.replace(/\r\n?/g, '\n') : '';
}
