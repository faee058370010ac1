import { Injectable } from '@nestjs/common';
import { Hooks } from '../common/hooks';
import type { User } from '../users/user.entity';

/**
 * Run inside the unit of work that opens a signed-in web session with a password (sign-in or
 * registration; not a panel seat): the bidder pages keep when a bidder last signed in here.
 */
@Injectable()
export class SignInHooks extends Hooks<{ user: User }> {}
