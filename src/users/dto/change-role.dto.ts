import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type Role } from '../../common/caller';

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES, example: 'procurement', description: 'The new role. Bidder accounts keep their role.' })
  @IsIn(ROLES, { message: `Role must be one of: ${ROLES.join(', ')}.` })
  role: Role;
}
