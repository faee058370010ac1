import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../openapi/complete-operations';
import { ApiProblem } from '../openapi/problem-details';
import type { Caller, Role } from '../common/caller';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** No token needed (login, registration, invitations, health, docs). */
export const Public = (): MethodDecorator => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));

/**
 * Signed in, and (when roles are given) holding one of them; otherwise 403.
 * The resource check ("is this caller on this tender's team?") lives in the services.
 */
export function Auth(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    // The bearer security and the 401 are added to every operation not @Public() (openapi-document.ts).
    ...(roles.length ? [ApiProblem(403, `Only for ${roles.join(', ')} accounts.`)] : []),
  );
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ user: Caller }>().user;
});
