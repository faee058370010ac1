import {
  EASY_READ_MAX_GRADE,
  fleschKincaidGrade,
  readabilityOf,
  readabilityWarning,
  sentencesOf,
  syllablesOf,
  wordsOf,
} from './readability';

describe('syllables (the documented heuristic)', () => {
  it.each([
    ['the', 1], // three letters or fewer
    ['you', 1],
    ['read', 1], // "ea" is one vowel group
    ['easy', 2], // ea + y
    ['people', 2], // "-le" after a consonant keeps its e: eo + e
    ['time', 1], // silent final e dropped: "tim"
    ['free', 1], // e after a vowel kept: "ee" is one group
    ['service', 2], // "servic": e + i
    ['helped', 1], // "ed" after p dropped: "help"
    ['wanted', 2], // "ed" after t kept: a + e
    ['likes', 1], // "es" after k dropped: "lik"
    ['places', 2], // "es" after c kept: a + e
    ['yes', 1], // a leading y is a consonant
    ['every', 3], // e + e + y
    ['organisation', 5], // o, a, i, a, io
    ['commissioning', 4], // o, i, io, i
    ['2027', 1], // digits alone
  ])('%s has %i', (word, syllables) => {
    expect(syllablesOf(word)).toBe(syllables);
  });
});

describe('words and sentences', () => {
  it('counts words with apostrophes and hyphens as one, and line breaks end sentences', () => {
    expect(wordsOf("We'll meet face-to-face.")).toEqual(["We'll", 'meet', 'face-to-face']);
    expect(sentencesOf('First point\nSecond point. Third!!! ...')).toEqual(['First point', 'Second point', 'Third']);
  });
});

describe('Flesch–Kincaid grade, worked by hand', () => {
  it('easy read: "We will help you. We will meet you every week."', () => {
    // 10 words, 2 sentences; syllables: 8 one-syllable words + "every" (3) + "week" (1) = 12.
    // 0.39 × 10/2 + 11.8 × 12/10 − 15.59 = 1.95 + 14.16 − 15.59 = 0.52 → 0.5
    const result = readabilityOf('We will help you. We will meet you every week.');
    expect(result).toEqual({ words: 10, sentences: 2, syllables: 12, grade: 0.5, longSentences: 0, easyRead: true });
    expect(readabilityWarning(result)).toBeNull();
  });

  it('not easy read: "The organisation will deliver comprehensive commissioning arrangements."', () => {
    // 7 words, 1 sentence; syllables: the 1, organisation 5, will 1, deliver 3 (e, i, e),
    // comprehensive 4 ("comprehensiv": o, e, e, i), commissioning 4, arrangements 4 (a, a, e, e) = 22.
    // 0.39 × 7 + 11.8 × 22/7 − 15.59 = 2.73 + 37.0857 − 15.59 = 24.2257 → 24.2
    const result = readabilityOf('The organisation will deliver comprehensive commissioning arrangements.');
    expect(result).toMatchObject({ words: 7, sentences: 1, syllables: 22, grade: 24.2, easyRead: false });
    expect(readabilityWarning(result)).toBe(
      `This may not be easy read: it reads at grade 24.2, above the easy-read grade of ${EASY_READ_MAX_GRADE}: use shorter words and sentences.`,
    );
  });

  it('a long sentence of short words is named even when the grade is low', () => {
    const sentence = 'We will see you and we will talk and we will help you and we will go for a walk.';
    const result = readabilityOf(sentence);
    // 20 words, 1 sentence, 20 syllables: 0.39 × 20 + 11.8 − 15.59 = 7.8 + 11.8 − 15.59 = 4.01 → 4
    expect(result).toMatchObject({ words: 20, sentences: 1, syllables: 20, grade: 4, longSentences: 1, easyRead: false });
    expect(readabilityWarning(result)).toBe('This may not be easy read: 1 sentence has more than 15 words: split them.');
  });

  it('has no grade for a text without words, and never divides by zero sentences', () => {
    expect(fleschKincaidGrade(0, 0, 0)).toBeNull();
    expect(readabilityOf('   ').grade).toBeNull();
    // words without an ending still make one sentence
    expect(readabilityOf('we help').sentences).toBe(1);
  });
});
