import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadAppConfig } from './config/app-config';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  process.env.TZ = 'UTC';
  let port: number;
  try {
    port = loadAppConfig().port; // validate before anything opens a file or a socket
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Tender Scorer cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = configureApp(await NestFactory.create(AppModule, { bufferLogs: false }));
  await app.listen(port);
  new Logger('Bootstrap').log(`Tender Scorer listening on http://localhost:${port}/api (docs: /api/docs)`);
}

void bootstrap();
