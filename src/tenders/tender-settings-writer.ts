import { toHundredthsExact } from '../common/domain/decimals';
import { DomainError } from '../common/domain/domain-error';
import { labelsForScale } from './domain/tender-settings';
import type { TenderSettingsDto } from './dto/tender-settings.dto';
import type { Tender } from './tender.entity';

/*
 * The tender's settings as TendersService changes and records them: which keys are scoring
 * settings and which may change at any time, the clarification-deadline rule, the audit
 * snapshot, and writing a request's settings onto the tender.
 */

export const SETTING_KEYS = [
  'scale',
  'aggregation',
  'moderationRequired',
  'priceFormula',
  'tieBreak',
  'divergenceThreshold',
  'minScorers',
  'abnormallyLowRatio',
  'closeCallMargin',
  'priceVisibleToPanel',
  'blindMarking',
  'equalRepresentation',
  'openingApprovals',
] as const satisfies readonly (keyof TenderSettingsDto)[];

/** The team's contact details: not scoring settings, so they change in any state until the tender is frozen. */
export const CONTACT_KEYS = [
  'contactName',
  'contactEmail',
  'contactPhone',
] as const satisfies readonly (keyof TenderSettingsDto)[];

/** A clarification deadline, when set, comes before the bid deadline (422 naming it otherwise). */
export function assertClarificationBeforeBidDeadline(tender: Tender): void {
  if (tender.clarificationDeadline !== null && tender.clarificationDeadline >= tender.bidDeadline) {
    throw new DomainError(
      'rule_violation',
      'The clarification deadline must be before the bid deadline, so bidders can use the answers.',
      {
        errors: [
          {
            field: 'clarificationDeadline',
            message: `Set a clarification deadline before the bid deadline, ${tender.bidDeadline.toISOString()}.`,
          },
        ],
      },
    );
  }
}
/** What the team may change in any state until the tender is frozen: the contact and the scoring deadline (extended while the panel scores). */
export const ANY_TIME_KEYS = [...CONTACT_KEYS, 'scoringDeadline'] as const satisfies readonly (keyof TenderSettingsDto)[];

/** What the audit trail records of a tender. */
export function snapshot(tender: Tender): Record<string, unknown> {
  return {
    reference: tender.reference,
    title: tender.title,
    status: tender.status,
    bidDeadline: tender.bidDeadline.toISOString(),
    clarificationDeadline: tender.clarificationDeadline?.toISOString() ?? null,
    scoringDeadline: tender.scoringDeadline ? tender.scoringDeadline.toISOString() : null,
    settings: {
      scale: { min: tender.scaleMin, max: tender.scaleMax },
      aggregation: tender.aggregation,
      moderationRequired: tender.moderationRequired,
      priceFormula: tender.priceFormula,
      tieBreak: tender.tieBreak,
      divergenceThresholdHundredths: tender.divergenceThresholdHundredths,
      minScorers: tender.minScorers,
      abnormallyLowRatioHundredths: tender.abnormallyLowRatioHundredths,
      closeCallMarginHundredths: tender.closeCallMarginHundredths,
      priceVisibleToPanel: tender.priceVisibleToPanel,
      blindMarking: tender.blindMarking,
      equalRepresentation: tender.equalRepresentation,
      openingApprovals: tender.openingApprovals,
    },
    contact: { name: tender.contactName, email: tender.contactEmail, phone: tender.contactPhone },
  };
}

/** Writes the settings a request gives onto the tender (the scale checked and its labels filled in). */
export function applySettings(tender: Tender, dto: TenderSettingsDto): void {
  if (dto.scale) {
    if (dto.scale.min >= dto.scale.max) {
      throw new DomainError('rule_violation', `The scale's min (${dto.scale.min}) must be below its max (${dto.scale.max}).`, {
        errors: [{ field: 'scale', message: 'The lowest score (min) must be below the highest (max).' }],
      });
    }
    tender.scaleMin = dto.scale.min;
    tender.scaleMax = dto.scale.max;
    tender.scaleLabels = labelsForScale(dto.scale.min, dto.scale.max, dto.scale.labels);
  }
  if (dto.aggregation !== undefined) tender.aggregation = dto.aggregation;
  if (dto.moderationRequired !== undefined) tender.moderationRequired = dto.moderationRequired;
  if (dto.priceFormula !== undefined) tender.priceFormula = dto.priceFormula;
  if (dto.tieBreak !== undefined) tender.tieBreak = dto.tieBreak;
  if (dto.divergenceThreshold !== undefined) tender.divergenceThresholdHundredths = toHundredthsExact(dto.divergenceThreshold);
  if (dto.minScorers !== undefined) tender.minScorers = dto.minScorers;
  if (dto.abnormallyLowRatio !== undefined) tender.abnormallyLowRatioHundredths = toHundredthsExact(dto.abnormallyLowRatio);
  if (dto.closeCallMargin !== undefined) tender.closeCallMarginHundredths = toHundredthsExact(dto.closeCallMargin);
  if (dto.priceVisibleToPanel !== undefined) tender.priceVisibleToPanel = dto.priceVisibleToPanel;
  if (dto.blindMarking !== undefined) tender.blindMarking = dto.blindMarking;
  if (dto.equalRepresentation !== undefined) tender.equalRepresentation = dto.equalRepresentation;
  if (dto.openingApprovals !== undefined) tender.openingApprovals = dto.openingApprovals;
  for (const key of CONTACT_KEYS) if (dto[key] !== undefined) tender[key] = dto[key].trim() || null;
  if (dto.scoringDeadline !== undefined)
    tender.scoringDeadline = dto.scoringDeadline === null ? null : new Date(dto.scoringDeadline);
}
