import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export const MAX_RESPONSES = 300;
export const MAX_COMMITMENTS = 100;
export const MAX_CONSORTIUM = 30;

const EXAMPLE_RESPONSES = [
  { criterion: 'Q1', text: 'A day service open six days a week, planned each month with members and their carers.' },
  {
    criterion: 'C1',
    text: 'Members sit on our board and co-chair the service steering group; peer workers are paid the real living wage.',
  },
];
const EXAMPLE_COMMITMENTS = [
  {
    criterion: 'SV1',
    outcome: 'Members move into paid work or volunteering',
    measure: 'Starts per year',
    target: 40,
    baseline: 12,
    by: '2028-03-31',
  },
];

export class CreateBidDto {
  @ApiProperty({ example: 'Camden Mind Partnership', description: 'The name the bid is made under (the lead bidder).' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  bidderName: string;

  @ApiPropertyOptional({
    enum: ORGANISATION_TYPES,
    example: 'vcse',
    description: "Defaults to the bidder account's organisation type. Required for a paper bid entered by the team.",
  })
  @IfPresent()
  @IsIn(ORGANISATION_TYPES)
  organisationType?: OrganisationType;

  @ApiPropertyOptional({
    type: [String],
    example: ['Holborn Community Association', 'Camden Peer Support CIC'],
    description: 'Consortium members besides the lead bidder.',
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_CONSORTIUM)
  @IsString({ each: true })
  @NotBlank({ each: true })
  @MaxLength(200, { each: true })
  consortium?: string[];

  @ApiProperty({ example: 1249500.5, description: `Total price in pounds: > 0, at most 2 decimals, at most ${MAX_PRICE}.` })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @IsPositive({ message: 'The price must be more than 0.' })
  @Max(MAX_PRICE)
  price: number;

  @ApiProperty({
    type: [BidAnswerInputDto],
    example: EXAMPLE_RESPONSES,
    description: 'One response per leaf criterion (by code or id).',
  })
  @IsArray()
  @ArrayMaxSize(MAX_RESPONSES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BidAnswerInputDto)
  responses: BidAnswerInputDto[];

  @ApiPropertyOptional({ type: [CommitmentInputDto], example: EXAMPLE_COMMITMENTS })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_COMMITMENTS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CommitmentInputDto)
  commitments?: CommitmentInputDto[];
}
