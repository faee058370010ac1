import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '../common/clock';
import { callerFor, type Caller, type PanelSeat } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import { UserResponse } from '../users/dto/user.response';
import { verifyPassword } from '../users/password';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import type { SessionResponse } from './dto/session.response';
import type { TokenPayload } from './auth.guard';
import { SignInHooks } from './sign-in-hooks';
import { ACCOUNT_POLICY, ADDRESS_POLICY, ThrottleService } from './throttle.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: ThrottleService,
    private readonly hooks: SignInHooks,
    private readonly clock: Clock,
  ) {}

  /**
   * Failures lock the pair (this account, this client address), so an attacker elsewhere locks
   * only themselves out; the account's own ceiling over every address slows a spread-out
   * attack without locking the owner out (ADDRESS_POLICY, ACCOUNT_POLICY).
   */
  async login(dto: LoginDto, clientAddress: string): Promise<SessionResponse> {
    const email = dto.email.trim().toLowerCase();
    const pairKey = `login:${email}:${clientAddress}`;
    const accountKey = `login:${email}`;
    await this.throttle.assertNotLocked(pairKey, accountKey);
    const user = await this.users.findByEmail(dto.email);
    const ok = await verifyPassword(dto.password, user?.passwordHash ?? null);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(pairKey, ADDRESS_POLICY);
      await this.throttle.recordFailure(accountKey, ACCOUNT_POLICY);
      // The same answer whether the address exists or not.
      throw new DomainError('unauthorized', 'Email address or password is not right.');
    }
    // The account's counter is left to expire: a success must not reopen a spread-out attack.
    await this.throttle.reset(pairKey);
    if (user.role === 'panelist') await this.acceptSeats(user);
    return this.sessionFor(user);
  }

  /**
   * A panelist who signs in with their password takes up the seats they were given: the
   * teams see their account's name from now on (until then, the name they typed). The panel
   * feature does it, in this unit of work (SignInHooks).
   */
  private async acceptSeats(user: User): Promise<void> {
    await this.db.transaction((em) => this.hooks.run(em, { user, now: this.clock.now() }));
  }

  async register(dto: RegisterDto): Promise<UserResponse> {
    const user = await this.db.transaction((em) => this.users.createInTransaction(em, null, { ...dto, role: 'bidder' }));
    return UserResponse.from(user);
  }

  /**
   * A session for a signed-in account; with `seat` (invitation redemption), a session good
   * for that one panel seat only (`TenderAccess` answers 404 everywhere else).
   */
  async sessionFor(user: User, seat?: PanelSeat): Promise<SessionResponse> {
    const payload: TokenPayload = { sub: user.id, role: user.role, ...(seat ? { seat } : {}) };
    return {
      accessToken: await this.jwt.signAsync(payload),
      user: UserResponse.from(user),
      ...(seat ? { seat: { tenderId: seat.tenderId, panelMemberId: seat.panelMemberId } } : {}),
    };
  }

  /** The caller for a signed-in account; with `seat`, a caller limited to that panel seat (an invitation session). */
  callerOf(user: User, seat?: PanelSeat): Caller {
    return callerFor(user, seat);
  }
}
