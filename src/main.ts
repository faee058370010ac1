import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { type AppConfig, ConfigError, listeningMessage, loadAppConfig } from './config/app-config';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  process.env.TZ = 'UTC';
  // Before anything creates a file: the database, its WAL and SHM, the data folder and the JWT
  // secret are the service's own (0600 files, 0700 folders), never readable by other users.
  process.umask(0o077);
  let config: AppConfig;
  try {
    config = loadAppConfig(); // validate before anything opens a file or a socket
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Tender Scorer cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = configureApp(await NestFactory.create(AppModule, { bufferLogs: false }));
  await app.listen(config.port, config.host);
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  new Logger('Bootstrap').log(listeningMessage(config.host, port));
}

void bootstrap();
