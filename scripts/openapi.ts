/**
 * Writes docs/openapi.json from the code: the same document /api/docs-json serves
 * (buildOpenApiDocument), on a throwaway in-memory database. `npm run openapi`;
 * test/contract/openapi-document.e2e-spec.ts fails when the committed file differs.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { openApiText } from '../src/openapi/openapi-text';
import { buildOpenApiDocument } from '../src/openapi/openapi-document';

export const OPENAPI_FILE = resolve(__dirname, '..', 'docs', 'openapi.json');

async function main(): Promise<void> {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    JWT_SECRET: 'openapi-document-only-'.padEnd(40, 'x'),
  });
  const app = configureApp(await NestFactory.create(AppModule, { logger: ['error'] }));
  writeFileSync(OPENAPI_FILE, openApiText(buildOpenApiDocument(app)));
  await app.close();
  console.log(`wrote ${OPENAPI_FILE}`);
}

void main();
