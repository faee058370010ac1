import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { BODY_LIMIT_MB, bodyShapeProblem } from './common/body-shape';
import { invalidBody } from './common/domain/domain-error';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.module';
import { configureWeb, cspNonce, nonceMiddleware, WEB_ROUTES } from './web/configure-web';
import { buildOpenApiDocument } from './openapi/openapi-document';

/**
 * Everything about the HTTP surface that is not a provider: base path, security headers,
 * body limits, OpenAPI. Shared by main.ts and the e2e tests.
 */
export function configureApp(app: INestApplication): INestApplication {
  // Pages (src/web) live at the root; everything else under /api.
  app.setGlobalPrefix('api', { exclude: WEB_ROUTES });
  const https = app.get<AppConfig>(APP_CONFIG).publicUrl.startsWith('https:');
  // The client address (sign-in and invitation throttling) is the connection's unless proxies are named.
  (app as NestExpressApplication).set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  // A full bid (answers up to 20 000 characters each, commitments) is larger than Express's 100 kB default.
  (app as NestExpressApplication).useBodyParser('json', { limit: `${BODY_LIMIT_MB}mb` });
  // Right after parsing, before validation: a body nested thousands of levels deep would
  // exhaust the stack in class-transformer/class-validator, a lone surrogate would throw in
  // validator's isEmail. Both are a 400 naming the field.
  app.use((request: Request, _response: Response, next: NextFunction) => {
    const problem = bodyShapeProblem(request.body);
    next(problem ? invalidBody([problem]) : undefined);
  });
  app.use(nonceMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI loads its own scripts and styles from this origin only; pages'
          // scripts carry this response's nonce (no inline script without one).
          'script-src': ["'self'", cspNonce],
          'img-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      // Invitation links carry a token: no page ever sends its address onwards.
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  configureWeb(app);
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
