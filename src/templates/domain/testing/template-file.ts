import { DEFAULT_SCALE } from '../../../tenders/domain/tender-settings';

/** The loose shape of a template file as tests edit it: every field may be wrong. */
export interface CriterionFile {
  [field: string]: unknown;
  children?: CriterionFile[];
}
export interface TemplateFile {
  [field: string]: unknown;
  scale: { min: unknown; max: unknown; labels: Record<string, Record<string, unknown>> };
  criteria: CriterionFile[];
}

/** A small but complete template file; each test changes what it is about. */
export function templateFile(): TemplateFile {
  return {
    key: 'small-test',
    title: 'Small test tender',
    description: 'A template used by the parser tests.',
    sources: [{ title: 'SCORING.md', publisher: 'Tender Scorer', year: 2026 }],
    scale: { min: 0, max: 5, labels: JSON.parse(JSON.stringify(DEFAULT_SCALE.labels)) as TemplateFile['scale']['labels'] },
    settings: { tieBreak: 'quality', divergenceThreshold: 1.5 },
    criteria: [
      {
        code: 'Q',
        title: 'Quality',
        kind: 'section',
        category: 'quality',
        weight: 40.25,
        children: [
          {
            code: 'Q1',
            title: 'Method',
            kind: 'scored',
            category: 'quality',
            weight: 20.13,
            threshold: 2,
            maxWords: 750,
            guidance: 'A clear method tied to the outcomes.',
            plainGuidance: 'Do they say how they will do it?',
          },
          {
            code: 'Q2',
            title: 'Involvement',
            kind: 'scored',
            category: 'co_production',
            weight: 20.12,
            groupWeights: { lived_experience: 50, professional: 50 },
            guidance: 'People who use the service shape it.',
            plainGuidance: 'Will people like you help shape it?',
          },
        ],
      },
      { code: 'P', title: 'Price', kind: 'price', weight: 59.75 },
      { code: 'G1', title: 'Safeguarding', kind: 'pass_fail', weight: 0, guidance: 'A current policy.' },
    ],
  };
}
