import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';
import { SignInHooks } from './sign-in-hooks';
import { ThrottleService } from './throttle.service';

@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: jsonwebtoken otherwise tries (and fails) to parse a
        // string secret as a public key on every verify, a sixth of a score save's CPU.
        // Same bytes as the string (UTF-8), so issued tokens stay valid.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { expiresIn: '8h', algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, PasswordsController],
  providers: [AuthService, AuthGuard, ThrottleService, PasswordsService, SignInHooks],
  exports: [AuthService, AuthGuard, ThrottleService, PasswordsService, SignInHooks, UsersModule, JwtModule],
})
export class AuthModule {}
