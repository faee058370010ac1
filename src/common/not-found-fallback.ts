import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { NO_SUCH_ROUTE, TYPE_BASE } from './problem-details.filter';

/** A browser asks for a page (Accept lists text/html ahead of JSON); scripts and API clients do not. */
export function wantsPage(request: Request): boolean {
  return (
    /\btext\/html\b/i.test(request.headers.accept ?? '') && request.accepts(['application/json', 'text/html']) === 'text/html'
  );
}

/**
 * Nest answers unknown paths under /api itself (problem+json through the filter). Any other
 * path that no route matched falls through to this last handler, appended once every route
 * is registered (onApplicationBootstrap runs after them): API-like requests get problem+json;
 * requests for a page pass on, so a web layer can own its HTML 404 (else Express's default).
 */
@Injectable()
export class NotFoundFallback implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    this.adapterHost.httpAdapter?.use((request: Request, response: Response, next: NextFunction) => {
      if (wantsPage(request)) return next();
      response
        .status(404)
        .type('application/problem+json')
        .send(JSON.stringify({ type: `${TYPE_BASE}not-found`, title: 'Not found', status: 404, detail: NO_SUCH_ROUTE }));
    });
  }
}
