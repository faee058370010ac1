import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import type { User } from '../users/user.entity';
import { SignInHooks } from './sign-in-hooks';
import { WebSession } from './web-session.entity';

/** What the session middleware finds for a request. */
export interface WebSessionState {
  session: WebSession;
  /** The signed-in person (active account), or null for a visitor who has not signed in. */
  caller: Caller | null;
}

export interface Opened {
  token: string;
  session: WebSession;
}

/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_AFTER_MS = 60_000;

const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Browser sessions as database rows (docs/WEB.md "Sessions"): the cookie names a row by a
 * random token stored hashed; each request re-reads the row and the account, so signing
 * out, a deactivated account or an idle timeout stops the session at once, on every instance.
 */
@Injectable()
export class WebSessionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signIns: SignInHooks,
  ) {}

  get idleMs(): number {
    return this.config.sessionIdleMinutes * 60_000;
  }

  /**
   * The session the cookie names, or why there is none. `timedOut`: a signed-in session
   * ended by the idle timeout (the page then says so, and that the scores are saved).
   */
  async find(token: string | undefined): Promise<WebSessionState | { timedOut: boolean }> {
    if (!token) return { timedOut: false };
    const now = this.clock.now();
    const session = await this.db.read((em) =>
      // One statement (findOne with a relation would first select the id, then the row).
      em
        .getRepository(WebSession)
        .createQueryBuilder('session')
        .leftJoinAndSelect('session.user', 'user')
        .where('session.tokenHash = :tokenHash', { tokenHash: hashToken(token) })
        .getOne(),
    );
    if (!session) return { timedOut: false };
    const user = session.user ?? null;
    const idle = now.getTime() - session.lastSeenAt.getTime() >= this.idleMs;
    if (idle || (session.userId !== null && (!user || !user.active))) {
      await this.db.transaction((em) => em.getRepository(WebSession).delete({ id: session.id }));
      return { timedOut: idle && session.userId !== null };
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) await this.touch(session, now);
    return { session, caller: user ? callerOf(user, session) : null };
  }

  /** A session for a visitor who has not signed in (it carries the CSRF token of the first forms). */
  openAnonymous(): Promise<Opened> {
    return this.open(null, null);
  }

  /**
   * Signs in: the visitor's session row is replaced by a new one (new token, new CSRF
   * token), so a token planted before sign-in is worth nothing after it.
   */
  signIn(previous: WebSession | null, user: User, seat: Caller['seat'] | null = null): Promise<Opened> {
    return this.open(previous, { user, seat });
  }

  async end(session: WebSession): Promise<void> {
    await this.db.transaction((em) => em.getRepository(WebSession).delete({ id: session.id }));
  }

  /** "Stay signed in": restarts the idle clock. */
  async extend(session: WebSession): Promise<void> {
    await this.touch(session, this.clock.now());
  }

  /** The seconds left before the idle timeout, as the page's warning counts them. */
  get idleSeconds(): number {
    return this.config.sessionIdleMinutes * 60;
  }

  private async open(previous: WebSession | null, signedIn: { user: User; seat: Caller['seat'] | null } | null): Promise<Opened> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session: WebSession = {
      id: newId(),
      tokenHash: hashToken(token),
      userId: signedIn?.user.id ?? null,
      seatTenderId: signedIn?.seat?.tenderId ?? null,
      seatPanelMemberId: signedIn?.seat?.panelMemberId ?? null,
      csrfToken: randomBytes(32).toString('hex'),
      createdAt: now,
      lastSeenAt: now,
    };
    await this.db.transaction(async (em) => {
      const repo = em.getRepository(WebSession);
      if (previous) await repo.delete({ id: previous.id });
      // Housekeeping: rows idle for twice the timeout are dead anyway.
      await repo.delete({ lastSeenAt: LessThan(new Date(now.getTime() - 2 * this.idleMs)) });
      await repo.insert(session);
      if (signedIn && !signedIn.seat) await this.signIns.run(em, { user: signedIn.user });
    });
    return { token, session: { ...session, user: signedIn?.user ?? null } };
  }

  private async touch(session: WebSession, now: Date): Promise<void> {
    await this.db.transaction((em) => em.getRepository(WebSession).update({ id: session.id }, { lastSeenAt: now }));
    session.lastSeenAt = now;
  }
}

export function callerOf(user: User, session: Pick<WebSession, 'seatTenderId' | 'seatPanelMemberId'>): Caller {
  const caller: Caller = {
    id: user.id,
    role: user.role,
    email: user.email,
    name: user.name,
    organisationId: user.organisationId,
  };
  if (session.seatTenderId && session.seatPanelMemberId) {
    caller.seat = { tenderId: session.seatTenderId, panelMemberId: session.seatPanelMemberId };
  }
  return caller;
}
