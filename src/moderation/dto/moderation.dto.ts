import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validators';

export class ModerateScoreDto {
  @ApiProperty({ example: 3, description: "The panel's consensus: a whole number on the tender's scale." })
  @IsInt()
  score: number;

  @ApiProperty({
    example: 'Panel agreed 3: strong on peer roles (lived-experience members), weak on evaluation (professionals).',
  })
  @IsString()
  @NotBlank()
  @MaxLength(10_000)
  rationale: string;
}
