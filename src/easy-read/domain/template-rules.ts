/*
 * One easy-read template per tender: the same headings, in the same order, and the same
 * word limit for every bid's summary (equal treatment: no bid gets more room or a more
 * favourable shape than another). Pure rules, no framework.
 *
 * The limit is per heading, not in total: with a total, one bid's summary could spend
 * most of its words on one heading and little on another, and the panel would compare
 * unlike things. The template is locked once any summary has been sent to its bidder for
 * fact-checking (a later change would treat the bids already checked differently from the
 * rest); a change before then makes drafts that no longer match unsendable until rewritten.
 */
import type { FieldProblem } from '../../common/domain/domain-error';
import { countWords } from './readability';

export const DEFAULT_HEADINGS = [
  'What they will do',
  'Who will do it',
  'How people who use the service take part',
  'What will change for people',
] as const;

/** Words per heading: about four to six short easy-read sentences. */
export const DEFAULT_WORD_LIMIT = 80;

export const MIN_HEADINGS = 1;
export const MAX_HEADINGS = 8;
export const MAX_HEADING_LENGTH = 80;
export const MIN_WORD_LIMIT = 20;
export const MAX_WORD_LIMIT = 300;
/** Characters in one part of a summary: well above any word limit, so the word count is what refuses. */
export const MAX_SECTION_LENGTH = 4000;

export interface EasyReadTemplateFacts {
  headings: readonly string[];
  /** The most words under each heading. */
  wordLimit: number;
}

export interface SummarySection {
  heading: string;
  text: string;
}

export const DEFAULT_TEMPLATE: EasyReadTemplateFacts = { headings: DEFAULT_HEADINGS, wordLimit: DEFAULT_WORD_LIMIT };

/** The heading as compared: spaces collapsed, case ignored. */
const headingKey = (heading: string): string => heading.trim().replace(/\s+/g, ' ').toLowerCase();

/** A template's headings tidied: trimmed, inner spaces collapsed. */
export function tidyHeadings(headings: readonly string[]): string[] {
  return headings.map((heading) => heading.trim().replace(/\s+/g, ' '));
}

/** What is wrong with a template the team proposes (its shape is the DTO's): one problem per field. */
export function templateProblems(template: EasyReadTemplateFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  template.headings.forEach((heading, index) => {
    const key = headingKey(heading);
    if (seen.has(key)) {
      problems.push({
        field: `headings[${index}]`,
        message: `The heading "${heading.trim()}" is there twice: give each heading once.`,
      });
    }
    seen.add(key);
  });
  return problems;
}

/** Why the template cannot change now, or null: locked once a summary has gone to a bidder. */
export function templateChangeProblem(summariesSent: number): string | null {
  if (summariesSent === 0) return null;
  return 'The headings and word limit can no longer change: a summary has been sent to its bidder to check, and every bid must have the same template.';
}

/** Does a written version follow the template exactly (its headings, in order, and its limit)? */
export function followsTemplate(
  version: { sections: readonly SummarySection[]; wordLimit: number },
  template: EasyReadTemplateFacts,
): boolean {
  return (
    version.wordLimit === template.wordLimit &&
    version.sections.length === template.headings.length &&
    version.sections.every((section, index) => headingKey(section.heading) === headingKey(template.headings[index]))
  );
}

/**
 * What is wrong with a summary written against the template, one problem per field
 * (`sections`, `sections[2].heading`, `sections[2].text`): the template's headings exactly,
 * in its order, each part with some words and no more than the limit.
 */
export function summaryProblems(sections: readonly SummarySection[], template: EasyReadTemplateFacts): FieldProblem[] {
  if (sections.length !== template.headings.length) {
    return [
      {
        field: 'sections',
        message: `Write one part for each of the ${template.headings.length} headings, in order: ${template.headings.join('; ')}.`,
      },
    ];
  }
  const problems: FieldProblem[] = [];
  sections.forEach((section, index) => {
    const expected = template.headings[index];
    if (headingKey(section.heading) !== headingKey(expected)) {
      problems.push({
        field: `sections[${index}].heading`,
        message: `Part ${index + 1} must have the heading "${expected}", as every bid's summary does.`,
      });
    }
    const words = countWords(section.text);
    if (words === 0) {
      problems.push({ field: `sections[${index}].text`, message: `Write the part under "${expected}".` });
    } else if (words > template.wordLimit) {
      problems.push({
        field: `sections[${index}].text`,
        message: `The part under "${expected}" has ${words} words; every bid has at most ${template.wordLimit}. Take out ${words - template.wordLimit}.`,
      });
    }
  });
  return problems;
}
