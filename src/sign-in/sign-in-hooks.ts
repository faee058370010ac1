import { Injectable } from '@nestjs/common';
import { Hooks } from '../common/hooks';
import type { User } from '../users/user.entity';

/** A panelist signed in with their password (not an invitation). */
export interface PanelistSignedIn {
  user: User;
  now: Date;
}

/**
 * Run inside the sign-in's own unit of work: the panel feature takes up the seats the
 * panelist was given (`panel/seat-acceptance.ts`). Sign-in knows nothing of panels, so the
 * dependency points from the panel to here.
 */
@Injectable()
export class SignInHooks extends Hooks<PanelistSignedIn> {}
