/** Invitation links use the service's one-time tokens (see src/common/one-time-token.ts). */
export { hashOneTimeToken as hashInvitationToken, newOneTimeToken as newInvitationToken } from '../common/one-time-token';
