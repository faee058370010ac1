import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ROLES, type Role } from '../../common/caller';

/** `GET /api/users?role=panelist&active=false`: both optional, combined with AND. */
export class UserFilterQuery {
  @ApiPropertyOptional({ enum: ROLES, example: 'panelist', description: 'Only accounts with this role.' })
  @IsOptional()
  @IsIn(ROLES, { message: `Role must be one of: ${ROLES.join(', ')}.` })
  role?: Role;

  @ApiPropertyOptional({
    type: Boolean,
    example: false,
    description: 'true: active accounts only; false: deactivated ones only.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'Active must be true or false.' })
  active?: boolean;
}
