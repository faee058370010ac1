import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fromHundredths } from '../../common/domain/decimals';
import { CATEGORIES, CRITERION_KINDS, PANEL_GROUPS } from '../domain';
import type { Criterion } from '../criterion.entity';

export class CriterionResponse {
  @ApiProperty({ example: '9d3c…' }) id: string;
  @ApiPropertyOptional({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ example: 'CP2' }) code: string;
  @ApiProperty({ example: 'Peer support and time banking' }) title: string;
  @ApiProperty({ enum: CRITERION_KINDS }) kind: string;
  @ApiPropertyOptional({ enum: CATEGORIES, nullable: true }) category: string | null;
  @ApiProperty({ example: 10 }) weight: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 }) threshold: number | null;
  @ApiProperty({ enum: PANEL_GROUPS, isArray: true }) scoredBy: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    nullable: true,
    example: { lived_experience: 50, professional: 50 },
  })
  groupWeights: Partial<Record<string, number>> | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 750 }) maxWords: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) guidance: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) plainGuidance: string | null;
  @ApiProperty({ example: 0 }) order: number;
  @ApiProperty({ type: () => [CriterionResponse] }) children: CriterionResponse[];

  static from(criterion: Criterion, children: CriterionResponse[] = []): CriterionResponse {
    return {
      id: criterion.id,
      parentId: criterion.parentId,
      code: criterion.code,
      title: criterion.title,
      kind: criterion.kind,
      category: criterion.category,
      weight: fromHundredths(criterion.weightHundredths),
      threshold: criterion.thresholdHundredths === null ? null : fromHundredths(criterion.thresholdHundredths),
      scoredBy: criterion.scoredBy,
      groupWeights: criterion.groupWeights ?? null,
      maxWords: criterion.maxWords,
      guidance: criterion.guidance,
      plainGuidance: criterion.plainGuidance,
      order: criterion.order,
      children,
    };
  }
}
