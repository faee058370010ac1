import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IfPresent, MaxDecimals, NotBlank } from '../../common/validators';
import { CATEGORIES, CRITERION_KINDS, PANEL_GROUPS, type Category, type CriterionKind, type PanelGroup } from '../domain';

export class GroupWeightsDto {
  @ApiPropertyOptional({ example: 50 })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(100)
  lived_experience?: number;

  @ApiPropertyOptional({ example: 50 })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(100)
  professional?: number;
}

export class CreateCriterionDto {
  @ApiPropertyOptional({ description: 'Parent section: its id or code. Omit for a top-level node.', example: 'CP' })
  @IfPresent()
  @IsString()
  @MaxLength(64)
  parentId?: string;

  @ApiProperty({ example: 'CP2', description: 'Unique within the tender.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, {
    message:
      'The code must be 1 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit, such as Q1 or CP2.',
  })
  code: string;

  @ApiProperty({ example: 'Peer support and time banking' })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  title: string;

  @ApiProperty({ enum: CRITERION_KINDS, example: 'scored' })
  @IsIn(CRITERION_KINDS)
  kind: CriterionKind;

  @ApiPropertyOptional({ enum: CATEGORIES, example: 'co_production' })
  @IfPresent()
  @IsIn(CATEGORIES)
  category?: Category;

  @ApiProperty({ example: 10, description: 'Percentage of the whole tender, at most 2 decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(100)
  weight: number;

  @ApiPropertyOptional({
    type: Number,
    example: 2,
    nullable: true,
    description: 'Minimum criterion score on the scale; below it the bid is excluded.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  threshold?: number | null;

  @ApiPropertyOptional({ enum: PANEL_GROUPS, isArray: true, example: ['lived_experience', 'professional'] })
  @IfPresent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(PANEL_GROUPS, { each: true })
  scoredBy?: PanelGroup[];

  @ApiPropertyOptional({ type: GroupWeightsDto, nullable: true, example: { lived_experience: 50, professional: 50 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GroupWeightsDto)
  groupWeights?: GroupWeightsDto | null;

  @ApiPropertyOptional({ type: Number, example: 750, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20_000)
  maxWords?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Evidence of peer roles with training, supervision and pay or time credits.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  guidance?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Will people who use the service help each other? Look for real examples.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  plainGuidance?: string | null;

  @ApiPropertyOptional({ example: 2, description: 'Position among siblings.' })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(10_000)
  order?: number;
}
