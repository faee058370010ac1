import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validators';

/** The longest reason a score may carry (the pages' character count shows it). */
export const RATIONALE_MAX_LENGTH = 10_000;

export class SaveScoreDto {
  @ApiProperty({ example: 4, description: "A whole number on the tender's scale (default 0–5)." })
  @IsInt()
  score: number;

  @ApiProperty({ example: 'Clear plan for peer support workers, with training and paid roles; little on evaluation.' })
  @IsString()
  @NotBlank()
  @MaxLength(RATIONALE_MAX_LENGTH)
  rationale: string;
}
