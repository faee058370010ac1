import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../common/caller';
import { ORGANISATION_TYPES } from '../organisation.entity';
import type { User } from '../user.entity';

export class OrganisationResponse {
  @ApiProperty({ example: '6f1c2d7e-2b0a-4d7e-9d55-0f3c1a2b3c4d' }) id: string;
  @ApiProperty({ example: 'Mind in Camden' }) name: string;
  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'vcse' }) type: string;
}

export class UserResponse {
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' }) id: string;
  @ApiProperty({ example: 'amara.okafor@camden.gov.uk' }) email: string;
  @ApiProperty({ example: 'Amara Okafor' }) name: string;
  @ApiProperty({ enum: ROLES, example: 'commissioner' }) role: Role;
  @ApiProperty({ example: true }) active: boolean;
  @ApiPropertyOptional({ type: OrganisationResponse, nullable: true }) organisation: OrganisationResponse | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt: string;

  static from(user: User): UserResponse {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      active: user.active,
      organisation: user.organisation
        ? { id: user.organisation.id, name: user.organisation.name, type: user.organisation.type }
        : null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
