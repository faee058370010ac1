import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MaxDecimals, NotBlank } from '../../common/validators';

export class ScaleLabelDto {
  @ApiProperty({ example: 'Good' })
  @IsString()
  @NotBlank()
  @MaxLength(100)
  label: string;

  @ApiProperty({ example: 'Answers it well, with evidence' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  plainLabel: string;
}

export class ScaleDto {
  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(100)
  min: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(1)
  @Max(100)
  max: number;

  @ApiPropertyOptional({
    description: 'A label per level, keyed by the level; levels left out get the defaults.',
    example: { '0': { label: 'Unacceptable', plainLabel: 'Does not answer the question' } },
  })
  @IsOptional()
  @IsObject()
  labels?: Record<string, ScaleLabelDto>;
}

/** The scoring settings of API.md, shared by create and patch. All optional here. */
export class TenderSettingsDto {
  @ApiPropertyOptional({ type: ScaleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScaleDto)
  scale?: ScaleDto;

  @ApiPropertyOptional({ enum: ['mean', 'median'], example: 'mean' })
  @IsOptional()
  @IsIn(['mean', 'median'])
  aggregation?: 'mean' | 'median';

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  moderationRequired?: boolean;

  @ApiPropertyOptional({ enum: ['lowest_ratio', 'linear_deviation', 'min_max_linear'], example: 'lowest_ratio' })
  @IsOptional()
  @IsIn(['lowest_ratio', 'linear_deviation', 'min_max_linear'])
  priceFormula?: 'lowest_ratio' | 'linear_deviation' | 'min_max_linear';

  @ApiPropertyOptional({ enum: ['none', 'quality', 'price'], example: 'none' })
  @IsOptional()
  @IsIn(['none', 'quality', 'price'])
  tieBreak?: 'none' | 'quality' | 'price';

  @ApiPropertyOptional({ example: 2, description: 'Scale points; at most 2 decimals.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(100)
  divergenceThreshold?: number;

  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  minScorers?: number;

  @ApiPropertyOptional({ example: 0.8, description: 'A price below this × the mean eligible price is flagged.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(1)
  abnormallyLowRatio?: number;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  priceVisibleToPanel?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Bids shown to the panel as "Bid 1", "Bid 2", …' })
  @IsOptional()
  @IsBoolean()
  blindMarking?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Quorum also needs at least as many lived-experience members as professional ones.' })
  @IsOptional()
  @IsBoolean()
  equalRepresentation?: boolean;

  @ApiPropertyOptional({
    enum: [1, 2],
    example: 2,
    description: 'How many different team members must approve closing the tender (opening the box). Default 1.',
  })
  // Left out means "unchanged"; null is not a number of people (400).
  @ValidateIf((_dto: unknown, value: unknown) => value !== undefined)
  @IsIn([1, 2], { message: 'openingApprovals must be 1 or 2: how many different team members must approve opening the bids.' })
  openingApprovals?: 1 | 2;
}
