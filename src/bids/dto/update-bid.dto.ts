import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IfPresent, MaxDecimals, NotBlank } from '../../common/validators';
import { ORGANISATION_TYPES, type OrganisationType } from '../../users/organisation.entity';
import { MAX_PRICE } from '../domain';
import { BidAnswerInputDto, CommitmentInputDto } from './bid-input.dto';
import { MAX_COMMITMENTS, MAX_CONSORTIUM, MAX_RESPONSES } from './create-bid.dto';

/**
 * Every field optional; what is given changes, the rest stays. `responses` are merged by
 * criterion (an empty text removes one), so a long bid can be saved a few answers at a
 * time; `consortium` and `commitments`, when given, replace the whole list.
 */
export class UpdateBidDto {
  @ApiPropertyOptional({ example: 'Camden Mind Partnership' })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  bidderName?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, example: 'vcse' })
  @IfPresent()
  @IsIn(ORGANISATION_TYPES)
  organisationType?: OrganisationType;

  @ApiPropertyOptional({ type: [String], example: ['Holborn Community Association'] })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_CONSORTIUM)
  @IsString({ each: true })
  @NotBlank({ each: true })
  @MaxLength(200, { each: true })
  consortium?: string[];

  @ApiPropertyOptional({ example: 1199000, description: `Total price in pounds: > 0, at most 2 decimals, at most ${MAX_PRICE}.` })
  @IfPresent()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @IsPositive({ message: 'The price must be more than 0.' })
  @Max(MAX_PRICE)
  price?: number;

  @ApiPropertyOptional({
    type: [BidAnswerInputDto],
    example: [{ criterion: 'Q1', text: 'Open six days a week, with a Saturday café run by members.' }],
    description: 'Merged by criterion: only the criteria named change; an empty text removes that response.',
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_RESPONSES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BidAnswerInputDto)
  responses?: BidAnswerInputDto[];

  @ApiPropertyOptional({
    type: [CommitmentInputDto],
    example: [
      {
        outcome: 'Fewer crisis admissions among members',
        measure: 'Admissions per year',
        target: 10,
        baseline: 25,
        by: '2028-03-31',
      },
    ],
    description: 'Replaces all commitments of the bid.',
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_COMMITMENTS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CommitmentInputDto)
  commitments?: CommitmentInputDto[];
}
