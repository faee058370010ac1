import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IfPresent, NotBlank } from '../../common/validators';

export class AwardTenderDto {
  @ApiPropertyOptional({
    example: '1f0e2d3c-4b5a-4698-8776-655443322110',
    description: 'The bid to award. Defaults to the rank-1 bid; required when rank 1 is shared. Must be a rank-1 bid.',
  })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(100)
  bidId?: string;
}
