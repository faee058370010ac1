/*
 * The printed formats of an invitation letter and how each is laid out (points, A4). Large
 * print follows the RNIB's clear print guidance: body text of 16pt or more, more space
 * between lines and paragraphs, nothing in capitals but the code, left-aligned.
 */

export const LETTER_FORMATS = ['standard', 'large-print'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

export function isLetterFormat(value: unknown): value is LetterFormat {
  return typeof value === 'string' && (LETTER_FORMATS as readonly string[]).includes(value);
}

export interface LetterLayout {
  /** Body text, points. */
  bodySize: number;
  titleSize: number;
  headingSize: number;
  /** The typeable code, points (mono-spaced). */
  codeSize: number;
  /** The link, points (mono-spaced, so 0 and O, l and 1 differ, and underscores show). */
  linkSize: number;
  /** Extra space between lines of a paragraph, points. */
  lineGap: number;
  /** Space after a paragraph, points. */
  paragraphGap: number;
  /** Page margin on every side, points. */
  margin: number;
  /** The QR code's side, points (printed at least 3 cm across, so any phone camera reads it). */
  qrSize: number;
}

export const LETTER_LAYOUTS: Readonly<Record<LetterFormat, LetterLayout>> = Object.freeze({
  standard: {
    bodySize: 12,
    titleSize: 20,
    headingSize: 14,
    codeSize: 18,
    linkSize: 12,
    lineGap: 3,
    paragraphGap: 6,
    margin: 56,
    qrSize: 96,
  },
  'large-print': {
    bodySize: 16,
    titleSize: 24,
    headingSize: 18,
    codeSize: 24,
    linkSize: 16,
    lineGap: 5,
    paragraphGap: 10,
    margin: 42,
    qrSize: 100,
  },
});

/** A4 in points. */
export const PAGE = Object.freeze({ width: 595.28, height: 841.89 });

/** Courier's advance width per character, as a share of the type size. */
export const MONO_ADVANCE = 0.6;

/**
 * The link in lines of at most `perLine` characters, for a person to copy: the address up to
 * its last "/" on a line of its own when it fits, then fixed-length pieces of the token. No
 * line ends on "-", which would read as a word broken by a hyphen.
 */
export function linkLines(url: string, perLine: number): string[] {
  const width = Math.max(2, Math.floor(perLine));
  const slash = url.lastIndexOf('/') + 1;
  const lines: string[] = [];
  let rest = url;
  if (slash > 0 && slash <= width && slash < url.length) {
    lines.push(url.slice(0, slash));
    rest = url.slice(slash);
  }
  while (rest.length > 0) {
    let take = Math.min(width, rest.length);
    while (take > 1 && take < rest.length && rest[take - 1] === '-') take--;
    lines.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  return lines;
}
