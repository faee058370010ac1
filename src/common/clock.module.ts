import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** Tests override `Clock` with a ManualClock to move time across deadlines. */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
