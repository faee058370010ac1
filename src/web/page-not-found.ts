import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { wantsPage } from '../common/not-found-fallback';
import { PLAIN_NOT_FOUND } from './web-error.filter';

/** A browser asking for an address no page has gets the plain "Page not found" page (API clients: problem+json, see NotFoundFallback). */
@Injectable()
export class PageNotFound implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    this.adapterHost.httpAdapter?.use((request: Request, response: Response, next: NextFunction) => {
      if (!wantsPage(request) || request.path.startsWith('/api/')) return next();
      response.status(404).render('views/error.njk', PLAIN_NOT_FOUND);
    });
  }
}
