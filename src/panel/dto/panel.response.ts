import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PANEL_GROUPS, type PanelGroup } from '../../criteria/domain';
import type { User } from '../../users/user.entity';
import type { ConflictDeclaration } from '../conflict-declaration.entity';
import type { PanelInvitation } from '../panel-invitation.entity';
import type { PanelMember } from '../panel-member.entity';
import { invitationState, seatContact, type InvitationState, type MemberProgress } from '../domain/panel-rules';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export class PanelMemberResponse {
  @ApiProperty({ example: '5d0c8a52-0f55-4d8e-9a3c-1d2f3a4b5c6d' }) id: string;
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' }) userId: string;
  @ApiProperty({
    example: 'Jordan Reid',
    description: "Added by email: the name the team typed, until the person accepts the seat; then the account's name.",
  })
  name: string;
  @ApiProperty({ example: 'jordan.reid@example.org', description: 'Added by email: the address the team typed.' })
  email: string;
  @ApiProperty({ enum: PANEL_GROUPS, example: 'lived_experience' }) group: PanelGroup;
  @ApiPropertyOptional({ type: String, example: 'carer', nullable: true, description: 'Free label for the seat.' }) role:
    string | null;
  @ApiPropertyOptional({
    type: String,
    example: 'Lived experience 1',
    nullable: true,
    description:
      'How a lived-experience member appears in the moderation view, the audit-facing record and exports; null for professionals (named).',
  })
  pseudonym: string | null;
  @ApiProperty({ example: 1, description: 'Order of joining this panel.' }) joinOrder: number;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) joinedAt: string;
  @ApiProperty({
    example: false,
    description: 'false: the person signs in through invitation links; true: with their own password (no link is issued).',
  })
  hasPassword: boolean;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: null,
    nullable: true,
    description: 'When the person first signed in for this seat (redeemed its invitation or signed in with their password).',
  })
  acceptedAt: string | null;

  static from(member: PanelMember, user: User, pseudonym: string | null): PanelMemberResponse {
    return {
      id: member.id,
      tenderId: member.tenderId,
      userId: member.userId,
      ...seatContact(member, user),
      group: member.group,
      role: member.roleLabel,
      pseudonym,
      joinOrder: member.joinOrder,
      joinedAt: member.joinedAt.toISOString(),
      hasPassword: user.passwordHash !== null,
      acceptedAt: iso(member.acceptedAt),
    };
  }
}

export class CreatedPanelMemberResponse extends PanelMemberResponse {
  @ApiProperty({
    example: true,
    description:
      'true when a panelist account without a password was created for this seat (the person signs in through invitations); ' +
      'false when the seat went to an existing panelist account that signs in with its password (or was named by userId).',
  })
  accountCreated: boolean;
}

export class InvitationStatusResponse {
  @ApiProperty({ enum: ['pending', 'used', 'expired', 'revoked'], example: 'pending' }) status: InvitationState;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) issuedAt: string;
  @ApiProperty({ example: '2026-12-07T10:00:00.000Z' }) expiresAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null }) usedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null }) revokedAt: string | null;

  static from(invitation: PanelInvitation, now: Date): InvitationStatusResponse {
    return {
      status: invitationState(invitation, now),
      issuedAt: invitation.issuedAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
      usedAt: iso(invitation.usedAt),
      revokedAt: iso(invitation.revokedAt),
    };
  }
}

export class MemberDeclarationResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({ example: 'Mind in Camden' }) bidderName: string;
  @ApiProperty({ example: false }) conflict: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) details: string | null;
  @ApiProperty({ example: '2027-02-01T10:00:00.000Z' }) declaredAt: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'When "no conflict" was changed to a conflict.',
  })
  escalatedAt: string | null;

  static from(declaration: ConflictDeclaration, bidderName: string): MemberDeclarationResponse {
    return {
      bidId: declaration.bidId,
      bidderName,
      conflict: declaration.conflict,
      details: declaration.details,
      declaredAt: declaration.declaredAt.toISOString(),
      escalatedAt: iso(declaration.escalatedAt),
    };
  }
}

export class MemberProgressResponse implements MemberProgress {
  @ApiProperty({ example: 3, description: 'Bids to declare an interest on (submitted, not disqualified).' })
  bidsToDeclare: number;
  @ApiProperty({ example: 3 }) declared: number;
  @ApiProperty({ example: true }) declaredOnAllBids: boolean;
  @ApiProperty({ example: 0 }) conflicts: number;
  @ApiProperty({ example: 3, description: 'Bids this member scores (no conflict).' }) bidsToScore: number;
  @ApiProperty({ example: 12 }) scoresExpected: number;
  @ApiProperty({ example: 8, description: 'Draft or submitted; values are not shown before moderation.' }) scoresSaved: number;
  @ApiProperty({ example: 4 }) scoresSubmitted: number;
  @ApiProperty({ example: 1 }) bidsSubmitted: number;
}

export class PanelMemberDetailResponse extends PanelMemberResponse {
  @ApiPropertyOptional({ type: InvitationStatusResponse, nullable: true, description: 'The latest invitation, if any.' })
  invitation: InvitationStatusResponse | null;
  @ApiProperty({ type: [MemberDeclarationResponse] }) declarations: MemberDeclarationResponse[];
  @ApiProperty({ type: MemberProgressResponse }) progress: MemberProgressResponse;
}

export class InvitationResponse {
  @ApiProperty({ example: '9a1f0e3c-6b7d-4e2a-8f1c-2d3e4f5a6b7c' }) id: string;
  @ApiProperty({ example: '5d0c8a52-0f55-4d8e-9a3c-1d2f3a4b5c6d' }) panelMemberId: string;
  @ApiProperty({
    example: 'q3Jc0mVwJ4l8bFZpT2x0u6p1k9dQe7aYhN5sR3wZ8cU',
    description: 'Shown once: only its hash is stored. POST /api/auth/invitation redeems it (or the code) once.',
  })
  token: string;
  @ApiProperty({
    example: 'https://tenders.camden.gov.uk/invitation/q3Jc0mVwJ4l8bFZpT2x0u6p1k9dQe7aYhN5sR3wZ8cU',
    description: "The link to send: opens the panel member's journey in a browser (PUBLIC_URL/invitation/<token>).",
  })
  url: string;
  @ApiProperty({
    example: 'KT4M-9XPR-Q7',
    description:
      'The same invitation as a short code to type or read out (no 0/O, 1/I/L; case and dashes ignored). Shown once; ' +
      'same lifetime and single use as the token: redeeming either uses both.',
  })
  code: string;
  @ApiProperty({ example: '2026-12-07T10:00:00.000Z' }) expiresAt: string;
}
