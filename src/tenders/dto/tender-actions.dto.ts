import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validators';

export class CancelTenderDto {
  @ApiProperty({ example: 'The service model is being redesigned with people who use it.' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  reason: string;
}

export class AddTeamMemberDto {
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' })
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: ['commissioner', 'procurement'], example: 'procurement' })
  @IsIn(['commissioner', 'procurement'])
  role: 'commissioner' | 'procurement';
}
