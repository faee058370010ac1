/*
 * The readability check the author sees beside an easy-read summary: the Flesch–Kincaid
 * grade level (Kincaid et al., 1975),
 *
 *   grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
 *
 * with syllables counted by a heuristic (below), because no dictionary ships with the
 * service. It is a warning for the author, never a block: a formula cannot see pictures,
 * layout or whether a word is familiar, which easy read depends on as much as short words.
 */

/**
 * Above this grade the author is warned. Grade 6 is a reading age of about 11–12. Easy read
 * (Mencap; the UK government's "Making written information easier to understand") asks for
 * short sentences of everyday words; text written that way scores well below 6, so a higher
 * score means long sentences or long words have crept in.
 */
export const EASY_READ_MAX_GRADE = 6;

/** A sentence longer than this is named in the warnings (the guidance: 15 words or fewer). */
export const EASY_READ_MAX_SENTENCE_WORDS = 15;

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** The Flesch–Kincaid grade, to one decimal place; null for a text without words. */
  grade: number | null;
  /** Sentences longer than EASY_READ_MAX_SENTENCE_WORDS. */
  longSentences: number;
  /** grade ≤ EASY_READ_MAX_GRADE and no long sentence. */
  easyRead: boolean;
}

/** The words of a text: runs of letters, digits, apostrophes and hyphens that hold a letter or digit. */
export function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map((word) => word.replace(/['’-]+$/, ''));
}

export function countWords(text: string): number {
  return wordsOf(text).length;
}

/**
 * Sentences: text ended by `.`, `!` or `?` (a run of them counts once), or by a line break,
 * since easy-read lists are often written one short line per point without a full stop.
 * Pieces without a word (a stray full stop) are not sentences.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/[.!?]+|\r?\n/)
    .map((piece) => piece.trim())
    .filter((piece) => countWords(piece) > 0);
}

/**
 * Syllables of one English word, by heuristic:
 * 1. Lower-case; keep the letters a–z only. A word of digits alone ("2027") counts as 1.
 * 2. Three letters or fewer: 1 syllable ("the", "you", "day").
 * 3. Drop endings that are usually silent: a final "e" unless it follows a vowel or makes
 *    "-le" after a consonant ("time" → "tim", "free" and "people" keep theirs); a final "ed"
 *    unless it follows "t" or "d" ("helped" → "help", "wanted" keeps it); a final "es" unless
 *    it follows s, x, z, c, g, or "ch"/"sh" ("likes" → "lik", "places" keeps it).
 * 4. A "y" that starts the word is a consonant ("you", "yes").
 * 5. Count the groups of consecutive vowels (a, e, i, o, u, y): each is one syllable.
 * 6. At least 1.
 * It is wrong for some words (it reads "idea" as 2 and "create" as 1); over a paragraph the
 * errors mostly cancel, which is all a grade needs.
 */
export function syllablesOf(word: string): number {
  let letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length === 0) return 1;
  if (letters.length <= 3) return 1;
  if (/e$/.test(letters) && !/[aeiouy]e$/.test(letters) && !/[^aeiouy]le$/.test(letters)) letters = letters.slice(0, -1);
  else if (/ed$/.test(letters) && !/[td]ed$/.test(letters)) letters = letters.slice(0, -2);
  else if (/es$/.test(letters) && !/(?:[sxzcg]|ch|sh)es$/.test(letters)) letters = letters.slice(0, -2);
  letters = letters.replace(/^y/, '');
  const groups = letters.match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}

/** The Flesch–Kincaid grade from the three counts, to one decimal place (null without words). */
export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number | null {
  if (words === 0) return null;
  const grade = 0.39 * (words / Math.max(1, sentences)) + 11.8 * (syllables / words) - 15.59;
  return Math.round(grade * 10) / 10;
}

/** The readability of a text (a summary's part, or the whole summary). */
export function readabilityOf(text: string): Readability {
  const sentences = sentencesOf(text);
  const words = wordsOf(text);
  const syllables = words.reduce((sum, word) => sum + syllablesOf(word), 0);
  const grade = fleschKincaidGrade(words.length, sentences.length, syllables);
  const longSentences = sentences.filter((sentence) => countWords(sentence) > EASY_READ_MAX_SENTENCE_WORDS).length;
  return {
    words: words.length,
    sentences: sentences.length,
    syllables,
    grade,
    longSentences,
    easyRead: (grade === null || grade <= EASY_READ_MAX_GRADE) && longSentences === 0,
  };
}

/** The warning for the author, in plain words; null when the text reads as easy read. */
export function readabilityWarning(readability: Readability): string | null {
  if (readability.easyRead) return null;
  const parts: string[] = [];
  if (readability.grade !== null && readability.grade > EASY_READ_MAX_GRADE) {
    parts.push(
      `it reads at grade ${readability.grade.toFixed(1)}, above the easy-read grade of ${EASY_READ_MAX_GRADE}: use shorter words and sentences`,
    );
  }
  if (readability.longSentences > 0) {
    const count = readability.longSentences === 1 ? '1 sentence has' : `${readability.longSentences} sentences have`;
    parts.push(`${count} more than ${EASY_READ_MAX_SENTENCE_WORDS} words: split them`);
  }
  const text = parts.join('; and ');
  return `This may not be easy read: ${text}.`;
}
