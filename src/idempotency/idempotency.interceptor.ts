import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { Caller } from '../common/caller';
import { IdempotencyService } from './idempotency.service';
import { IDEMPOTENT_KEY } from './idempotent.decorator';

/** Global (APP_INTERCEPTOR); acts only on routes marked @Idempotent() that were sent the header. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: Caller }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined || !this.reflector.get<boolean>(IDEMPOTENT_KEY, context.getHandler())) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const run = async (): Promise<unknown> => {
      const outcome = await this.idempotency.run(
        {
          key: Array.isArray(key) ? key.join(', ') : key,
          callerId: request.user?.id ?? null,
          method: request.method,
          path: request.originalUrl.split('?')[0],
          body: request.body as unknown,
          status,
        },
        () => lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
      if (outcome.replayed) {
        response.status(outcome.status);
        response.setHeader('Idempotent-Replayed', 'true');
      }
      return outcome.body;
    };
    return from(run());
  }
}
