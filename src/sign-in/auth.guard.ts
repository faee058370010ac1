import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { callerFor, type Caller, type PanelSeat, type Role } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import { UsersService } from '../users/users.service';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/auth.decorators';

export interface TokenPayload {
  sub: string;
  role: Role;
  /** Only in a session obtained by an invitation: the one panel seat it is good for. */
  seat?: PanelSeat;
}

function isSeat(value: unknown): value is PanelSeat {
  const seat = value as Partial<PanelSeat> | null;
  return typeof seat === 'object' && seat !== null && typeof seat.tenderId === 'string' && typeof seat.panelMemberId === 'string';
}

/**
 * Global guard (APP_GUARD): every route needs a valid bearer token unless marked
 * @Public(). The user is re-read on each request so a deactivated account stops at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Caller }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token)
      throw new DomainError('unauthorized', 'Sign in first: send Authorization: Bearer <accessToken>.');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new DomainError('unauthorized', 'The access token is invalid or has expired. Sign in again.');
    }
    const user = await this.users.findActiveById(payload.sub);
    // A seat session is a panelist's, for one seat: it never carries another role's rights.
    const seatValid = payload.seat === undefined || (isSeat(payload.seat) && user?.role === 'panelist');
    if (!user || !seatValid) throw new DomainError('unauthorized', 'The access token is invalid or has expired. Sign in again.');
    request.user = callerFor(user, payload.seat);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (roles.length > 0 && !roles.includes(user.role)) {
      throw new DomainError('forbidden', `This action is for ${roles.join(' or ')} accounts; you are signed in as ${user.role}.`);
    }
    return true;
  }
}
