import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, loadAppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

const VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'TRUST_PROXY',
  'DATABASE_URL',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'JWT_SECRET',
  'PUBLIC_URL',
  'SESSION_IDLE_MINUTES',
  'DB_QUEUE_WAIT_WARN_MS',
  'OCDS_OCID_PREFIX',
  'OCDS_PUBLISHER_NAME',
  'SMTP_URL',
  'MAIL_FROM',
  'NOTIFY_API_KEY',
  'NOTIFY_TEMPLATE_ID',
  'NOTIFY_BASE_URL',
  'MAIL_POLL_MS',
] as const;

/** Validated configuration (see app-config.ts); tests override APP_CONFIG with their own. */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true })],
  providers: [
    {
      provide: APP_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService): AppConfig =>
        loadAppConfig(Object.fromEntries(VARIABLES.map((name) => [name, config.get<string>(name)]))),
    },
  ],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
