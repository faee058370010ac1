import { PartialType } from '@nestjs/swagger';
import { CreateCriterionDto } from './create-criterion.dto';

/** Every field optional; `null` only clears the fields that are nullable on create (threshold, groupWeights, …). */
export class UpdateCriterionDto extends PartialType(CreateCriterionDto, { skipNullProperties: false }) {}
