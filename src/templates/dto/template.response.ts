import { ApiProperty } from '@nestjs/swagger';
import type { TenderTemplate } from '../domain/template-parser';

export class TemplateSummaryResponse {
  @ApiProperty({ example: 'camden-mental-health-day-care' }) key: string;
  @ApiProperty({ example: 'Mental health day care (Camden outcomes-based model)' }) title: string;
  @ApiProperty({ example: 'Day care co-produced with the people who use it, scored on outcomes.' }) description: string;

  static from(template: TenderTemplate): TemplateSummaryResponse {
    return { key: template.key, title: template.title, description: template.description };
  }
}

export class TemplateResponse extends TemplateSummaryResponse {
  @ApiProperty({
    example: { min: 0, max: 5, labels: { '0': { label: 'Unacceptable', plainLabel: 'Does not answer the question' } } },
  })
  scale: TenderTemplate['scale'];
  @ApiProperty({ type: 'object', additionalProperties: true, example: { aggregation: 'mean', priceFormula: 'lowest_ratio' } })
  settings: TenderTemplate['settings'];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'The criteria tree, as in the template file (each criterion with its children).',
  })
  criteria: TenderTemplate['criteria'];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ title: 'Commissioning for Outcomes and Co-production', publisher: 'nef', year: 2009 }],
  })
  sources: TenderTemplate['sources'];

  static override from(template: TenderTemplate): TemplateResponse {
    return {
      ...TemplateSummaryResponse.from(template),
      scale: template.scale,
      settings: template.settings,
      criteria: template.criteria,
      sources: template.sources,
    };
  }
}
