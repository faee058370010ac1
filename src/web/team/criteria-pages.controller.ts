import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { CATEGORIES, CRITERION_KINDS, PANEL_GROUPS } from '../../criteria/domain';
import { CriteriaService } from '../../criteria/criteria.service';
import { CreateCriterionDto } from '../../criteria/dto/create-criterion.dto';
import type { CriterionResponse } from '../../criteria/dto/criterion.response';
import { UpdateCriterionDto } from '../../criteria/dto/update-criterion.dto';
import { guidanceFor, scaleLevelsFor } from '../../panel/domain/panel-rules';
import { RATIONALE_MAX_LENGTH } from '../../scoring/dto/save-score.dto';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { fieldProblems, teamTender } from './team-frame';
import { CATEGORY_WORDS, criteriaRows, GROUP_WORDS, KIND_WORDS, treeTotals } from './team-view';

const SCORED_CATEGORY = 'Choose a category for a scored question: quality, co-production or a social value outcome';

const CRITERION_WORDS: Record<string, string> = {
  code: 'Enter a code of 1 to 30 letters or digits, like Q1 or CP2',
  title: 'Enter the question or the section’s title',
  kind: 'Choose what kind of criterion it is',
  category: 'Choose a category',
  weight: 'Enter a weight from 0 to 100, with at most 2 decimal places',
  threshold: 'Enter a threshold score with at most 2 decimal places',
  scoredBy: 'Choose who scores it',
  maxWords: 'Enter a word limit from 1 to 20,000',
  guidance: 'The guidance must be 10,000 characters or fewer',
  plainGuidance: 'The plain guidance must be 10,000 characters or fewer',
  groupWeights: 'Enter each group’s share as a whole number of percent, like 60 and 40',
  parentId: 'Choose the section it belongs to',
};

/**
 * Issue 14, page 4: the criteria tree. Add, change and remove criteria, each section with
 * the sum of its children against its own weight, the Social Value share (PPN 002), and
 * "Preview as a panelist" with the panel's own criterion page. CriteriaService is the API's.
 */
@WebPages('pages/tenders')
export class CriteriaPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly criteria: CriteriaService,
  ) {}

  @Get(':tenderId/criteria')
  async tree(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res);
    const tree = await this.criteria.tree(caller, tenderId);
    res.render('team/views/criteria.njk', {
      pageTitle: 'Criteria',
      tender,
      draft: tender.status === 'draft',
      rows: criteriaRows(tree),
      totals: treeTotals(tree),
      done,
    });
  }

  @Get(':tenderId/criteria/new')
  async newPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('parent') parent: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res);
    const tree = await this.criteria.tree(caller, tenderId);
    this.renderForm(res, tender, tree, null, { parentId: parent ?? '', kind: 'scored', scoredBy: 'both' }, noErrors());
  }

  @Post(':tenderId/criteria/new')
  async create(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res);
    const values = criterionValues(body);
    const { value, form } = validateForm(CreateCriterionDto, toDto(values, false), CRITERION_WORDS, {
      scoredBy: 'scoredBy',
      kind: 'kind',
      category: 'category',
      groupWeights: GROUP_SHARE_FIELDS.professional,
    });
    if (values.kind === 'scored' && !values.category) addError(form, 'category', SCORED_CATEGORY);
    checkBothShares(form, values);
    if (form.errors.length === 0) {
      try {
        await this.criteria.create(caller, tenderId, value);
        return res.redirect(303, `/tenders/${tenderId}/criteria?done=added#criterion-${encodeURIComponent(value.code)}`);
      } catch (error) {
        refusal(form, error, values);
      }
    }
    this.renderForm(res.status(400), tender, await this.criteria.tree(caller, tenderId), null, values, form);
  }

  @Get(':tenderId/criteria/:code')
  async editPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('code') code: string,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res);
    const tree = await this.criteria.tree(caller, tenderId);
    const node = find(tree, code);
    this.renderForm(
      res,
      tender,
      tree,
      node,
      {
        parentId: node.parentId ?? '',
        code: node.code,
        title: node.title,
        kind: node.kind,
        category: node.category ?? '',
        weight: String(node.weight),
        threshold: node.threshold === null ? '' : String(node.threshold),
        scoredBy: node.scoredBy.length === 2 ? 'both' : (node.scoredBy[0] ?? ''),
        maxWords: node.maxWords === null ? '' : String(node.maxWords),
        guidance: node.guidance ?? '',
        plainGuidance: node.plainGuidance ?? '',
        ...groupWeightValues(node),
      },
      noErrors(),
    );
  }

  @Post(':tenderId/criteria/:code')
  async update(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res);
    const tree = await this.criteria.tree(caller, tenderId);
    const node = find(tree, code);
    const values = criterionValues(body);
    const { value, form } = validateForm(UpdateCriterionDto, toDto(values, true), CRITERION_WORDS, {
      scoredBy: 'scoredBy',
      kind: 'kind',
      category: 'category',
      groupWeights: GROUP_SHARE_FIELDS.professional,
    });
    if (values.kind === 'scored' && !values.category) addError(form, 'category', SCORED_CATEGORY);
    checkBothShares(form, values);
    if (form.errors.length === 0) {
      try {
        await this.criteria.update(caller, tenderId, node.id, value);
        return res.redirect(
          303,
          `/tenders/${tenderId}/criteria?done=changed#criterion-${encodeURIComponent(values.code || code)}`,
        );
      } catch (error) {
        refusal(form, error, values);
      }
    }
    this.renderForm(res.status(400), tender, tree, node, values, form);
  }

  @Post(':tenderId/criteria/:code/remove')
  async remove(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('code') code: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.teamTender(caller, tenderId, res);
    await this.criteria.remove(caller, tenderId, code);
    res.redirect(303, `/tenders/${tenderId}/criteria?done=removed`);
  }

  /** A criterion exactly as a lived-experience member sees it: the panel's own page, in preview mode. */
  @Get(':tenderId/criteria/:code/preview')
  async preview(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('code') code: string,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.teamTender(caller, tenderId, res);
    const node = find(await this.criteria.tree(caller, tenderId), code);
    res.locals.tenderNavigation = null;
    res.render('panel/views/criterion.njk', {
      pageTitle: `Preview: ${node.title}`,
      preview: { back: `/tenders/${tenderId}/criteria#criterion-${encodeURIComponent(node.code)}` },
      bid: { bid: 'Bid 1' },
      position: 1,
      total: 1,
      criterion: { title: node.title, guidance: guidanceFor('lived_experience', node) },
      answer: 'The bidder’s answer to this question appears here.',
      scale: scaleLevelsFor('lived_experience', tender.scale).reverse(),
      maxLength: RATIONALE_MAX_LENGTH,
      values: {},
      fieldErrors: {},
      errors: [],
    });
  }

  /* ------------------------------------------------------------------ helpers ---------- */

  private teamTender(caller: Caller, tenderId: string, res: Response): Promise<TenderResponse> {
    return teamTender(this.tenders, caller, tenderId, res, 'criteria');
  }

  private renderForm(
    res: Response,
    tender: TenderResponse,
    tree: CriterionResponse[],
    node: CriterionResponse | null,
    values: Record<string, string>,
    form: FormErrors,
  ): void {
    const sections = criteriaRows(tree).filter((row) => row.kind === KIND_WORDS.section && row.code !== node?.code);
    const option = (value: string, text: string, key: string, hint?: string) => ({
      value,
      text,
      checked: values[key] === value,
      hint: hint ? { text: hint } : undefined,
    });
    res.render('team/views/criterion-form.njk', {
      pageTitle: node ? `Change ${node.code}` : 'Add a criterion',
      tender,
      node,
      values,
      parents: [
        { value: '', text: 'None: a top-level criterion' },
        ...sections.map((row) => ({
          value: row.id,
          text: `${row.code} ${row.title}`,
          selected: values.parentId === row.id || values.parentId === row.code,
        })),
      ],
      kinds: CRITERION_KINDS.map((kind) => option(kind, KIND_WORDS[kind], 'kind')),
      categories: [
        { value: '', text: 'Choose (price and gates have their own)' },
        ...CATEGORIES.map((category) => ({
          value: category,
          text: CATEGORY_WORDS[category],
          selected: values.category === category,
        })),
      ],
      scoredBy: [
        option('both', 'Both groups', 'scoredBy'),
        ...PANEL_GROUPS.map((group) => option(group, `${GROUP_WORDS[group]} members only`, 'scoredBy')),
      ],
      ...form,
    });
  }
}

function find(tree: CriterionResponse[], code: string): CriterionResponse {
  for (const node of tree) {
    if (node.code === code) return node;
    const inner = node.children.length ? findOrNull(node.children, code) : null;
    if (inner) return inner;
  }
  throw new DomainError('not_found', 'Criterion not found.');
}

function findOrNull(tree: CriterionResponse[], code: string): CriterionResponse | null {
  try {
    return find(tree, code);
  } catch {
    return null;
  }
}

function criterionValues(body: unknown): Record<string, string> {
  const keys = [
    'parentId',
    'code',
    'title',
    'kind',
    'category',
    'weight',
    'threshold',
    'scoredBy',
    'maxWords',
    'guidance',
    'plainGuidance',
    GROUP_SHARE_FIELDS.professional,
    GROUP_SHARE_FIELDS.lived_experience,
  ];
  return Object.fromEntries(
    keys.map((key) => [key, key === 'guidance' || key === 'plainGuidance' ? formValue(body, key) : formValue(body, key).trim()]),
  );
}

/** The form as the API's body: numbers as numbers, blanks as "not given" (or, on a change, "none"). */
function toDto(values: Record<string, string>, change: boolean): Record<string, unknown> {
  const number = (text: string) => (text === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  const cleared = (text: string, convert: (t: string) => unknown) => (text === '' ? (change ? null : undefined) : convert(text));
  const kind = values.kind;
  return {
    ...(values.parentId ? { parentId: values.parentId } : {}),
    code: values.code || undefined,
    title: values.title || undefined,
    kind: kind || undefined,
    ...(values.category ? { category: values.category } : {}),
    weight: number(values.weight),
    threshold: kind === 'scored' ? cleared(values.threshold, number) : change ? null : undefined,
    ...(kind === 'scored' && values.scoredBy
      ? { scoredBy: values.scoredBy === 'both' ? [...PANEL_GROUPS] : [values.scoredBy] }
      : {}),
    groupWeights: groupWeightsDto(values, number, change),
    maxWords: cleared(values.maxWords, number),
    guidance: cleared(values.guidance.trim(), () => values.guidance),
    plainGuidance: cleared(values.plainGuidance.trim(), () => values.plainGuidance),
  };
}

/** The form's two share boxes, by group (the API's `groupWeights` keys). */
const GROUP_SHARE_FIELDS = {
  professional: 'groupWeights-professional',
  lived_experience: 'groupWeights-lived_experience',
} as const;

/** Both groups score it: the split as typed, or nothing when both boxes are empty. */
function sharesTyped(values: Record<string, string>): { professional: string; lived_experience: string } | null {
  if (values.kind !== 'scored' || values.scoredBy !== 'both') return null;
  const professional = values[GROUP_SHARE_FIELDS.professional];
  const lived = values[GROUP_SHARE_FIELDS.lived_experience];
  return professional === '' && lived === '' ? null : { professional, lived_experience: lived };
}

/**
 * The API's `groupWeights`: only for a question both groups score (the boxes are ignored
 * otherwise, so a criterion scored by one group never keeps a split); null clears it on a change.
 */
function groupWeightsDto(
  values: Record<string, string>,
  number: (text: string) => unknown,
  change: boolean,
): Record<string, unknown> | null | undefined {
  const shares = sharesTyped(values);
  if (!shares) return change ? null : undefined;
  return { professional: number(shares.professional), lived_experience: number(shares.lived_experience) };
}

/** One box filled and the other empty: ask for both (the API would name the missing group). */
function checkBothShares(form: FormErrors, values: Record<string, string>): void {
  const shares = sharesTyped(values);
  if (!shares || (shares.professional !== '' && shares.lived_experience !== '')) return;
  const missing = shares.professional === '' ? 'professional' : 'lived_experience';
  addError(
    form,
    'groupWeights',
    'Enter both shares, or leave both empty to count every panel member’s score the same',
    GROUP_SHARE_FIELDS[missing],
  );
}

function groupWeightValues(node: CriterionResponse): Record<string, string> {
  const share = (group: 'professional' | 'lived_experience') => {
    const weight = node.groupWeights?.[group];
    return weight === undefined ? '' : String(weight);
  };
  return {
    [GROUP_SHARE_FIELDS.professional]: share('professional'),
    [GROUP_SHARE_FIELDS.lived_experience]: share('lived_experience'),
  };
}

/** The service's group-weight rule (criterion-shape.ts, the API's), in words for the form. */
function groupWeightRefusal(violation: { expected?: string; found?: string }): string {
  if (violation.expected === '100' && violation.found !== undefined)
    return `The two shares must add up to 100%. They add up to ${violation.found}%`;
  return 'Each share must be a whole number from 1 to 100. To leave a group out, choose who scores it instead';
}

/** A rule of the tree broken (422) or the tender no longer a draft (409), in the service's own sentence on the field. */
function refusal(form: FormErrors, error: unknown, values: Record<string, string>): void {
  if (!(error instanceof DomainError) || !['invalid_state', 'rule_violation', 'validation'].includes(error.code)) throw error;
  const violations = Array.isArray(error.extensions.violations)
    ? (error.extensions.violations as { rule: string; expected?: string; found?: string }[])
    : [];
  const split = violations.find((violation) => violation.rule === 'group_weights');
  if (split && sharesTyped(values)) {
    addError(form, 'groupWeights', groupWeightRefusal(split), GROUP_SHARE_FIELDS.professional);
    return;
  }
  const [problem] = fieldProblems(error);
  const field = problem && problem.field in CRITERION_WORDS ? problem.field : 'title';
  addError(form, field, problem?.message ?? error.detail, field === 'kind' || field === 'scoredBy' ? field : field);
}
