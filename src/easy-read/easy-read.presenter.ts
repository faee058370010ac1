import { factCheckState, panelVersion, type SummaryViewer } from './domain/fact-check';
import { EASY_READ_MAX_GRADE, readabilityOf, readabilityWarning } from './domain/readability';
import { followsTemplate } from './domain/template-rules';
import type {
  EasyReadSummaryResponse,
  EasyReadTemplateResponse,
  ReadabilityResponse,
  SummaryVersionResponse,
} from './dto/easy-read.response';
import type { EasyReadFactCheck } from './easy-read-fact-check.entity';
import type { EasyReadVersion } from './easy-read-version.entity';

export function readabilityResponse(text: string): ReadabilityResponse {
  const readability = readabilityOf(text);
  return {
    words: readability.words,
    sentences: readability.sentences,
    grade: readability.grade,
    maxGrade: EASY_READ_MAX_GRADE,
    longSentences: readability.longSentences,
    easyRead: readability.easyRead,
    warning: readabilityWarning(readability),
  };
}

/**
 * A bid's summary for one viewer: the team every version (newest first), the bidder those
 * sent to them, a panel member only the version the panel reads (approved, or not answered
 * in time), without the bidder's comment.
 */
export function presentSummary(input: {
  tenderId: string;
  bidId: string;
  viewer: SummaryViewer;
  template: EasyReadTemplateResponse;
  versions: EasyReadVersion[];
  checks: EasyReadFactCheck[];
  now: Date;
}): EasyReadSummaryResponse {
  const { versions, checks, viewer, now } = input;
  const numberOf = new Map(versions.map((version) => [version.id, version.number]));
  const checkOf = new Map(checks.map((check) => [check.versionId, check]));
  const facts = checks.map((check) => ({ ...check, versionNumber: numberOf.get(check.versionId) ?? 0 }));
  const newestSent = Math.max(0, ...facts.map((fact) => fact.versionNumber));
  const forPanel = viewer === 'panel' ? panelVersion(facts, now) : null;
  const shown = versions.filter((version) => {
    if (viewer === 'team') return true;
    if (viewer === 'bidder') return checkOf.has(version.id);
    return forPanel !== null && forPanel.versionId === version.id;
  });
  return {
    tenderId: input.tenderId,
    bidId: input.bidId,
    viewer,
    template: input.template,
    versions: shown.map((version): SummaryVersionResponse => {
      const check = checkOf.get(version.id) ?? null;
      return {
        id: version.id,
        number: version.number,
        sections: version.sections.map((section) => ({ ...section, readability: readabilityResponse(section.text) })),
        wordLimit: version.wordLimit,
        readability: readabilityResponse(version.sections.map((section) => section.text).join('\n')),
        writtenAt: version.writtenAt.toISOString(),
        followsTemplate: followsTemplate(version, input.template),
        factCheck: check && {
          sentAt: check.sentAt.toISOString(),
          workingDays: check.workingDays,
          respondBy: check.respondBy.toISOString(),
          state: factCheckState({ versionNumber: version.number, ...check }, newestSent, now),
          comment: viewer === 'panel' ? null : check.comment,
          respondedAt: check.respondedAt ? check.respondedAt.toISOString() : null,
        },
      };
    }),
  };
}
