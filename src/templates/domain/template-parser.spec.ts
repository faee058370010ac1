import { DEFAULT_SETTINGS } from '../../tenders/domain/tender-settings';
import { parseTemplate, type ParseResult, type TenderTemplate } from './template-parser';
import { templateFile, type CriterionFile, type TemplateFile } from './testing/template-file';

/** Q1 and Q2, the children of section Q in templateFile(). */
function qChild(file: TemplateFile, index: number): CriterionFile {
  const child = file.criteria[0].children?.[index];
  if (!child) throw new Error(`templateFile() has no child ${index} under Q`);
  return child;
}

function parsed(result: ParseResult): TenderTemplate {
  if ('errors' in result) throw new Error(`expected a template, got errors:\n${result.errors.join('\n')}`);
  return result.template;
}

function errorsOf(json: unknown, fileName = 'small-test.json'): string[] {
  const result = parseTemplate(json, fileName);
  if (!('errors' in result)) throw new Error('expected errors, the template parsed');
  return result.errors;
}

describe('parseTemplate', () => {
  it('parses a valid file, filling in the defaults of API.md', () => {
    const template = parsed(parseTemplate(templateFile(), 'small-test.json'));
    expect(template.key).toBe('small-test');
    expect(template.settings).toEqual({ ...DEFAULT_SETTINGS, tieBreak: 'quality', divergenceThreshold: 1.5 });
    expect(template.scale.labels['5']).toEqual({ label: 'Excellent', plainLabel: 'Answers it very well, with strong evidence' });
  });

  it('flattens the tree: ids are codes, parentId the parent code, order the position', () => {
    const { flat } = parsed(parseTemplate(templateFile(), 'small-test.json'));
    expect(flat.map((n) => [n.id, n.parentId, n.order, n.weightHundredths])).toEqual([
      ['Q', null, 0, 4025],
      ['Q1', 'Q', 0, 2013],
      ['Q2', 'Q', 1, 2012],
      ['P', null, 1, 5975],
      ['G1', null, 2, 0],
    ]);
    const q1 = flat.find((n) => n.code === 'Q1');
    expect(q1).toMatchObject({ threshold: 2, maxWords: 750, plainGuidance: 'Do they say how they will do it?' });
  });

  it('defaults leaf categories for price and gates, and scoredBy to both groups', () => {
    const { flat, criteria } = parsed(parseTemplate(templateFile(), 'small-test.json'));
    const byCode = new Map(flat.map((n) => [n.code, n]));
    expect(byCode.get('P')).toMatchObject({ category: 'price', scoredBy: [], groupWeights: null });
    expect(byCode.get('G1')).toMatchObject({ category: 'compliance', scoredBy: [] });
    expect(byCode.get('Q1')?.scoredBy).toEqual(['lived_experience', 'professional']);
    expect(criteria[1]).toMatchObject({ code: 'P', category: 'price' });
    expect(criteria[0].children?.[0].scoredBy).toEqual(['lived_experience', 'professional']);
  });

  it('uses DEFAULT_SETTINGS when the file has no settings', () => {
    const file = templateFile();
    delete file.settings;
    expect(parsed(parseTemplate(file, 'small-test.json')).settings).toEqual(DEFAULT_SETTINGS);
  });

  it("refuses a template that breaks a publication rule, with the rule's message", () => {
    const file = templateFile();
    qChild(file, 1).weight = 20;
    expect(errorsOf(file)).toEqual([
      "criteria: Section Q (Quality): children's weights sum to 40.13, expected 40.25 (the section's weight) (Q1 20.13 + Q2 20.00).",
    ]);
    file.criteria[1].weight = 60;
    expect(errorsOf(file)).toContain('criteria: Top-level weights sum to 100.25, expected 100.00 (Q 40.25 + P 60.00 + G1 0.00).');
  });

  it('refuses weights with more than 2 decimals, naming the criterion', () => {
    const file = templateFile();
    qChild(file, 0).weight = 20.125;
    expect(errorsOf(file)).toEqual([
      'criteria[0] (Q).children[0] (Q1).weight: must be a percentage from 0 to 100 with at most 2 decimals, found 20.125',
    ]);
  });

  it('requires the key to match the file name', () => {
    expect(errorsOf(templateFile(), 'other.json')).toEqual([
      'key: "small-test" does not match the file name; the file must be small-test.json',
    ]);
    expect(errorsOf({ ...templateFile(), key: 'Small Test' }, 'Small Test.json')[0]).toContain('lower-case words');
  });

  it('requires a label and a plain label for every level, and no others', () => {
    const file = templateFile();
    delete file.scale.labels['3'];
    delete file.scale.labels['4'].plainLabel;
    file.scale.labels['6'] = { label: 'Outstanding', plainLabel: 'Better than we asked' };
    expect(errorsOf(file)).toEqual([
      'scale.labels.3: missing: every level needs {label, plainLabel}',
      'scale.labels.4.plainLabel: must be non-blank text, found nothing',
      'scale.labels: level "6" is outside the scale 0–5',
    ]);
  });

  it('refuses an inverted or overlong scale', () => {
    expect(errorsOf({ ...templateFile(), scale: { min: 5, max: 0, labels: {} } })[0]).toContain('min below max');
    expect(errorsOf({ ...templateFile(), scale: { min: 0, max: 100, labels: {} } })[0]).toContain('at most 11 levels');
  });

  it('checks every setting', () => {
    const file = templateFile();
    file.settings = {
      aggregation: 'mode',
      moderationRequired: 'yes',
      divergenceThreshold: 6,
      minScorers: 0,
      abnormallyLowRatio: 0.805,
      blindMarking: true,
      colour: 'blue',
    };
    expect(errorsOf(file)).toEqual([
      expect.stringContaining('unknown field "colour"'),
      'settings.aggregation: must be one of mean, median, found "mode"',
      'settings.moderationRequired: must be true or false, found "yes"',
      expect.stringMatching(/^settings\.divergenceThreshold: .*at most 5.*found 6$/),
      'settings.minScorers: must be a whole number of at least 1, found 0',
      expect.stringMatching(/^settings\.abnormallyLowRatio: .*found 0\.805$/),
    ]);
  });

  it('accepts openingApprovals 1 or 2 (default 1) and refuses anything else', () => {
    const withApprovals = (openingApprovals: unknown) => ({ ...templateFile(), settings: { openingApprovals } });
    expect(parsed(parseTemplate(withApprovals(2), 'small-test.json')).settings.openingApprovals).toBe(2);
    expect(parsed(parseTemplate(templateFile(), 'small-test.json')).settings.openingApprovals).toBe(1);
    for (const bad of [0, 3, 1.5, '2', null]) {
      expect(errorsOf(withApprovals(bad))).toEqual([
        `settings.openingApprovals: must be 1 or 2 (different team members who approve opening the bids), found ${JSON.stringify(bad)}`,
      ]);
    }
  });

  it('catches typos in field names instead of dropping the data', () => {
    const file = templateFile();
    const q1 = qChild(file, 0);
    q1.plainGuidence = q1.plainGuidance;
    delete q1.plainGuidance;
    expect(errorsOf(file)).toEqual([
      expect.stringMatching(/^criteria\[0\] \(Q\)\.children\[0\] \(Q1\): unknown field "plainGuidence"/),
      'criteria[0] (Q).children[0] (Q1): a scored criterion needs plainGuidance for lived-experience panelists',
    ]);
  });

  it('requires guidance on scored criteria and gates', () => {
    const file = templateFile();
    delete qChild(file, 1).guidance;
    delete file.criteria[2].guidance;
    expect(errorsOf(file)).toEqual([
      'criteria[0] (Q).children[1] (Q2): a scored criterion needs guidance (what good evidence looks like)',
      'criteria[2] (G1): a pass/fail gate needs guidance (the evidence that passes it)',
    ]);
  });

  it('checks each criterion field type', () => {
    const file = templateFile();
    Object.assign(qChild(file, 0), {
      code: 'Q 1',
      kind: 'essay',
      category: 'fun',
      threshold: '2',
      maxWords: 'many',
      title: '',
    });
    file.criteria[1].scoredBy = ['professional'];
    const errors = errorsOf(file);
    expect(errors).toEqual([
      expect.stringContaining('(Q 1).code: must be 1–20 letters'),
      expect.stringContaining('(Q 1).title: must be non-blank text'),
      expect.stringContaining('(Q 1).kind: must be one of section, scored, price, pass_fail, found "essay"'),
      expect.stringContaining('(Q 1).category: must be one of'),
      expect.stringContaining('(Q 1).threshold: must be a number on the scale, found "2"'),
      expect.stringContaining('(Q 1).maxWords: must be a whole number of words, found "many"'),
      'criteria[1] (P).scoredBy: only a scored criterion is scored by the panel',
    ]);
  });

  it('requires sources, and checks each one', () => {
    expect(errorsOf({ ...templateFile(), sources: [] })).toEqual(['sources: must list at least one source, found []']);
    const file = templateFile();
    file.sources = [{ title: 'A report', publisher: '', year: 20071, url: 'example.org' }];
    expect(errorsOf(file)).toEqual([
      'sources[0].publisher: must be non-blank text, found ""',
      'sources[0].year: must be a year such as 2007, found 20071',
      'sources[0].url: must be an http(s) address, found "example.org"',
    ]);
  });

  it('lists every problem of the file at once', () => {
    const file = templateFile();
    delete file.title;
    file.criteria[1].weight = -5;
    file.scale.labels['0'].label = ' ';
    expect(errorsOf(file)).toHaveLength(3);
  });

  it('refuses what is not a JSON object', () => {
    expect(errorsOf([])).toEqual(['the file must hold a JSON object, found []']);
    expect(errorsOf(null)).toEqual(['the file must hold a JSON object, found null']);
  });
});
