/*
 * The real template files under templates/: every one must load, meet every publication
 * rule, and keep the facts the product promises about it. Editing a template so that it
 * breaks any of this fails this suite (and the service would refuse to start).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHundredths } from '../common/domain/decimals';
import { Category, FlatCriterion, validateForPublish } from '../criteria/domain';
import type { TemplateFlatCriterion, TenderTemplate } from './domain/template-parser';
import { DEFAULT_TEMPLATES_DIR, loadTemplatesFromDir } from './template-loader';

const templates = loadTemplatesFromDir(DEFAULT_TEMPLATES_DIR);
const byKey = new Map(templates.map((t) => [t.key, t]));

function template(key: string): TenderTemplate {
  const found = byKey.get(key);
  if (!found) throw new Error(`template ${key} is missing from ${DEFAULT_TEMPLATES_DIR}`);
  return found;
}

const sum = (nodes: readonly FlatCriterion[]) => nodes.reduce((total, n) => total + n.weightHundredths, 0);
const leavesOf = (t: TenderTemplate) => t.flat.filter((n) => n.kind !== 'section');
const scoredOf = (t: TenderTemplate) => t.flat.filter((n) => n.kind === 'scored');
const inCategories = (t: TenderTemplate, categories: readonly Category[]) =>
  sum(leavesOf(t).filter((n) => n.category !== null && categories.includes(n.category)));
const node = (t: TenderTemplate, code: string): TemplateFlatCriterion => {
  const found = t.flat.find((n) => n.code === code);
  if (!found) throw new Error(`${t.key} has no criterion ${code}`);
  return found;
};

/** Every piece of prose in a template, with where it came from. */
function prose(t: TenderTemplate): [string, string][] {
  return [
    ['title', t.title],
    ['description', t.description],
    ['summary', t.summary ?? ''],
    ...t.sources.map((s, i): [string, string] => [`sources[${i}]`, `${s.title} ${s.note ?? ''}`]),
    ...Object.entries(t.scale.labels).map(([level, l]): [string, string] => [`label ${level}`, `${l.label} ${l.plainLabel}`]),
    ...t.flat.map((n): [string, string] => [n.code, `${n.title} ${n.guidance ?? ''} ${n.plainGuidance ?? ''}`]),
  ];
}

// American spellings that slip into British public-sector writing.
const AMERICANISMS =
  /\b(organiz\w*|behavior\w*|color\w*|center\b|centers\b|favor\w*|labor\b|program\b|programs\b|analyz\w*|prioritiz\w*|recogniz\w*|minimiz\w*|maximiz\w*|enroll\b|fulfill\b|counselor\w*|mobiliz\w*|stabiliz\w*)/i;
// Words a lived-experience panelist should not have to decode.
const JARGON =
  /\b(stakeholders?|deliverables?|KPIs?|co-production|co-design|methodology|outcome framework|mobilisation|TUPE|governance|leverage|synergy|holistic|robust|evidence-based|service users?|safeguarding|threshold|commissioner)\b/i;

describe('the template folder', () => {
  it('holds the three templates the API promises', () => {
    expect(templates.map((t) => t.key)).toEqual(
      expect.arrayContaining(['camden-mental-health-day-care', 'social-value-model', 'childrens-services-co-production']),
    );
  });

  it('fails loudly when a template breaks a rule (what this suite guards)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-broken-'));
    try {
      for (const file of readdirSync(DEFAULT_TEMPLATES_DIR).filter((f) => f.endsWith('.json'))) {
        copyFileSync(join(DEFAULT_TEMPLATES_DIR, file), join(dir, file));
      }
      const file = join(dir, 'camden-mental-health-day-care.json');
      const json = JSON.parse(readFileSync(file, 'utf8')) as { criteria: { code: string; weight: number }[] };
      const price = json.criteria.find((c) => c.code === 'P');
      if (!price) throw new Error('Camden template has no P');
      price.weight = 45.01;
      writeFileSync(file, JSON.stringify(json));
      expect(() => loadTemplatesFromDir(dir)).toThrow(
        /camden-mental-health-day-care\.json:\n {2}- criteria: Top-level weights sum to 100\.01, expected 100\.00/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(templates.map((t) => [t.key, t] as const))('template %s', (_key, t) => {
  it('meets every publication rule of SCORING.md §2', () => {
    expect(validateForPublish(t.flat, t.scale)).toEqual([]);
  });

  it('has top-level weights summing to exactly 100', () => {
    expect(sum(t.flat.filter((n) => n.parentId === null))).toBe(10_000);
    expect(sum(leavesOf(t))).toBe(10_000);
  });

  it('labels every level of its scale, in both registers', () => {
    for (let level = t.scale.min; level <= t.scale.max; level += 1) {
      const entry = t.scale.labels[String(level)];
      expect(entry?.label.trim()).toBeTruthy();
      expect(entry?.plainLabel.trim()).toBeTruthy();
    }
    expect(Object.keys(t.scale.labels)).toHaveLength(t.scale.max - t.scale.min + 1);
  });

  it('gives every scored criterion guidance, plain guidance and a word limit', () => {
    const scored = scoredOf(t);
    expect(scored.length).toBeGreaterThan(0);
    for (const n of scored) {
      expect({ code: n.code, guidance: (n.guidance ?? '').length > 80 }).toEqual({ code: n.code, guidance: true });
      expect({ code: n.code, plain: (n.plainGuidance ?? '').length > 40 }).toEqual({ code: n.code, plain: true });
      expect({ code: n.code, maxWords: n.maxWords !== null && n.maxWords >= 300 && n.maxWords <= 1500 }).toEqual({
        code: n.code,
        maxWords: true,
      });
    }
  });

  it('writes plain guidance plainly: short sentences, no jargon, speaking to the reader', () => {
    for (const n of scoredOf(t)) {
      const text = n.plainGuidance ?? '';
      const sentences = text.split(/(?<=[.?!])\s+/);
      const longest = Math.max(...sentences.map((s) => s.split(/\s+/).length));
      expect({ code: n.code, longest: longest <= 20 }).toEqual({ code: n.code, longest: true });
      expect({ code: n.code, jargon: JARGON.exec(text)?.[0] ?? null }).toEqual({ code: n.code, jargon: null });
      expect({ code: n.code, addressesReader: /\b(you|your|look for)\b/i.test(text) }).toEqual({
        code: n.code,
        addressesReader: true,
      });
    }
  });

  it('is written in British English', () => {
    for (const [where, text] of prose(t)) {
      expect({ where, americanism: AMERICANISMS.exec(text)?.[0] ?? null }).toEqual({ where, americanism: null });
    }
  });

  it('records its sources with publisher and year', () => {
    expect(t.sources.length).toBeGreaterThanOrEqual(2);
    for (const source of t.sources) expect(source.year).toBeGreaterThanOrEqual(1900);
  });

  it('has a safeguarding or compliance gate of weight 0', () => {
    const gates = t.flat.filter((n) => n.kind === 'pass_fail');
    expect(gates.length).toBeGreaterThan(0);
    for (const gate of gates) expect(gate).toMatchObject({ weightHundredths: 0, category: 'compliance' });
  });
});

describe('camden-mental-health-day-care', () => {
  const t = template('camden-mental-health-day-care');

  it('splits quality and price 55/45', () => {
    expect(node(t, 'P')).toMatchObject({ kind: 'price', weightHundredths: 4500 });
    expect(sum(leavesOf(t).filter((n) => n.kind !== 'price'))).toBe(5500);
    expect(toHundredths(55)).toBe(sum(t.flat.filter((n) => n.parentId === null && n.code !== 'P')));
  });

  it('says the 55/45 split is reported, not read in the tender document', () => {
    const notes = t.sources.map((s) => s.note ?? '').join(' ');
    expect(notes).toMatch(/55% quality and 45% price/);
    expect(notes).toMatch(/reported for this kind of Camden tender, not read in the tender document/);
  });

  it('has a criterion for each of the seven tender schedules', () => {
    const titles = t.flat.map((n) => n.title.toLowerCase());
    for (const schedule of [
      'outcome framework and provider method statement',
      'service users as partners',
      'partnership working',
      'staffing structure and workforce qualification',
      'staff recruitment, retention, management and quality',
      'implementation plan',
      'price',
    ]) {
      expect(titles.some((title) => title.includes(schedule))).toBe(true);
    }
  });

  it('scores co-production with both groups weighted 50/50', () => {
    const coProduction = scoredOf(t).filter((n) => n.category === 'co_production');
    expect(coProduction.map((n) => n.code)).toEqual(['CP1', 'CP2', 'CP3']);
    for (const n of coProduction) {
      expect(n.scoredBy).toEqual(['lived_experience', 'professional']);
      expect(n.groupWeights).toEqual({ lived_experience: 50, professional: 50 });
    }
  });

  it('covers the wider outcomes of the nef model: social, economic and environmental', () => {
    expect(inCategories(t, ['economic_outcome'])).toBeGreaterThan(0);
    expect(inCategories(t, ['social_outcome'])).toBeGreaterThan(0);
    expect(inCategories(t, ['environmental_outcome'])).toBeGreaterThan(0);
    expect(node(t, 'WO5').guidance).toMatch(/energy.*waste.*locally sourced/s);
  });

  it('has a safeguarding adults gate and thresholds on the key criteria', () => {
    expect(node(t, 'G1')).toMatchObject({ kind: 'pass_fail', weightHundredths: 0, title: 'Safeguarding adults' });
    expect(node(t, 'CP1').threshold).toBe(2);
    expect(node(t, 'Q4').threshold).toBe(2);
  });
});

describe('social-value-model', () => {
  const t = template('social-value-model');

  it('gives social value at least 10% of the total weight, beside quality and price', () => {
    const socialValue = inCategories(t, ['social_outcome', 'economic_outcome', 'environmental_outcome']);
    expect(socialValue).toBeGreaterThanOrEqual(1000);
    expect(socialValue).toBe(node(t, 'SV').weightHundredths);
    expect(inCategories(t, ['quality'])).toBeGreaterThan(0);
    expect(node(t, 'P').weightHundredths).toBeGreaterThan(0);
  });

  it('covers the continuing themes and drops COVID-19 recovery', () => {
    const themes = t.flat.filter((n) => n.parentId === 'SV').map((n) => n.title);
    expect(themes).toEqual(['Tackling economic inequality', 'Fighting climate change', 'Equal opportunity', 'Wellbeing']);
    expect(t.flat.some((n) => /covid/i.test(n.title))).toBe(false);
  });

  it('states what it relied on and where it is uncertain about PPN 002', () => {
    const ppn002 = t.sources.find((s) => s.title.startsWith('PPN 002'));
    expect(ppn002?.year).toBe(2025);
    expect(ppn002?.note).toMatch(/could not verify/);
  });

  it('has compliance gates', () => {
    expect(t.flat.filter((n) => n.kind === 'pass_fail').map((n) => n.code)).toEqual(['G1', 'G2', 'G3']);
  });
});

describe('childrens-services-co-production', () => {
  const t = template('childrens-services-co-production');

  it("anchors the scale on Hart's ladder: non-participation rungs score 0", () => {
    const zero = t.scale.labels['0'].label.toLowerCase();
    for (const rung of ['manipulation', 'decoration', 'tokenism']) expect(zero).toContain(rung);
    expect(t.scale).toMatchObject({ min: 0, max: 5 });
  });

  it('maps the five participation rungs to 1–5, child-initiated shared decisions highest', () => {
    const rungs = [
      'Assigned but informed',
      'Consulted and informed',
      'Adult-initiated, shared decisions',
      'initiated and directed',
      'initiated, shared decisions with adults',
    ];
    rungs.forEach((rung, i) => {
      expect(t.scale.labels[String(i + 1)].label).toContain(rung);
      expect(t.scale.labels[String(i + 1)].label).toContain(`Hart rung ${i + 4}`);
    });
  });

  it('follows the four kinds of co-production', () => {
    const sections = t.flat
      .filter((n) => n.kind === 'section' && n.category === 'co_production')
      .map((n) => n.title.split(':')[0]);
    expect(sections).toEqual(['Co-commissioning', 'Co-design', 'Co-delivery', 'Co-assessment']);
  });

  it('has young people score every co-production criterion', () => {
    const coProduction = scoredOf(t).filter((n) => n.category === 'co_production');
    expect(coProduction.length).toBe(scoredOf(t).length);
    for (const n of coProduction) expect(n.scoredBy).toContain('lived_experience');
  });

  it('has a safeguarding gate', () => {
    expect(t.flat.find((n) => n.kind === 'pass_fail' && /safeguarding/i.test(n.title))).toMatchObject({
      weightHundredths: 0,
      category: 'compliance',
    });
  });
});
