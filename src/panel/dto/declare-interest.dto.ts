import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, ValidateIf } from 'class-validator';
import { NotBlank } from '../../common/validators';

export class DeclareInterestDto {
  @ApiProperty({ example: false, description: 'true: I have a conflict of interest with this bidder.' })
  @IsBoolean()
  conflict: boolean;

  @ApiPropertyOptional({
    example: 'My sister is a support worker at this organisation.',
    description: 'Required when conflict is true: what the interest is.',
  })
  @ValidateIf((dto: DeclareInterestDto) => dto.conflict === true || dto.details !== undefined)
  @IsString({ message: 'Details are needed when conflict is true: say in words what the interest is.' })
  @NotBlank()
  @MaxLength(2000)
  details?: string;
}
