import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SaveScoreDto } from '../../scoring/dto/save-score.dto';
import { ASSISTED_METHODS, type AssistedMethod } from '../domain/assisted-rules';

const METHOD_MESSAGE =
  'Say how you have the scores: the member is here with you (present) or from their paper form (paper_form).';

/** A score entered on a lived-experience member's behalf: the member's score and reason, and how the person entering has them. */
export class AssistedScoreDto extends SaveScoreDto {
  @ApiProperty({
    enum: ASSISTED_METHODS,
    example: 'present',
    description: '`present`: the member is here with you; `paper_form`: from the member’s paper scoring form.',
  })
  @IsIn(ASSISTED_METHODS, { message: METHOD_MESSAGE })
  method: AssistedMethod;
}

/** Submitting a bid's scores on the member's behalf needs the same confirmation. */
export class AssistedSubmitDto {
  @ApiProperty({ enum: ASSISTED_METHODS, example: 'paper_form' })
  @IsIn(ASSISTED_METHODS, { message: METHOD_MESSAGE })
  method: AssistedMethod;
}
