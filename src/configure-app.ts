import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';

/**
 * Everything about the HTTP surface that is not a provider: base path, security headers,
 * body limits, OpenAPI. Shared by main.ts and the e2e tests.
 */
export function configureApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix('api');
  app.use(
    helmet({
      // Swagger UI loads its own scripts and styles from this origin only.
      contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } },
    }),
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tender Scorer')
      .setDescription(
        'Outcomes-based commissioning: weighted tenders, sealed bids, mixed lived-experience and professional panels, ' +
          'exact and explainable results, auditable exports. Errors are application/problem+json (RFC 9457).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
