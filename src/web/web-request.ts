import type { Caller } from '../common/caller';
import type { WebSession } from './web-session.entity';

/** What the session middleware leaves on every page request. */
export interface WebRequestState {
  /** null only on a form post that came without a (live) session cookie. */
  session: WebSession | null;
  caller: Caller | null;
  /** The cookie named a signed-in session that the idle timeout ended. */
  timedOut: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    web?: WebRequestState;
  }
}

export const SESSION_COOKIE = 'ts_session';
export const DEVICE_COOKIE = 'ts_device';
/** The timeout warning shows this long before the session ends (at least 2 minutes: WCAG 2.2.1). */
export const WARN_BEFORE_SECONDS = 120;
