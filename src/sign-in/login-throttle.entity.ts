import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed attempts per key (`login:<email>`, `invitation:<ip>`), kept in the database so
 * several instances share them.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ type: Date })
  windowStartedAt: Date;

  @Column({ type: Date, nullable: true })
  lockedUntil: Date | null;
}
