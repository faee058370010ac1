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
import { PageCaller, WebPages } from '../web-page';
import { moveAmongSiblings } from './criteria-order';
import {
  checkBothShares,
  CRITERION_WORDS,
  criterionValues,
  GROUP_SHARE_FIELDS,
  groupWeightValues,
  refusal,
  SCORED_CATEGORY,
  toDto,
} from './criterion-form';
import { teamTender } from './team-frame';
import { CATEGORY_WORDS, criteriaRows, GROUP_WORDS, KIND_WORDS, treeTotals } from './team-view';

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

  /**
   * Move up / Move down within its section: the API's own change of `order` (PATCH with
   * `order`, CriteriaService.update), one call per criterion whose position changes.
   */
  @Post(':tenderId/criteria/:code/move')
  async move(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('code') code: string,
    @Body('direction') direction: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.teamTender(caller, tenderId, res);
    if (direction !== 'up' && direction !== 'down') throw new DomainError('validation', 'Choose to move it up or down.');
    const tree = await this.criteria.tree(caller, tenderId);
    const node = find(tree, code);
    for (const change of moveAmongSiblings(siblingsOf(tree, node), node.id, direction)) {
      await this.criteria.update(caller, tenderId, change.id, { order: change.order });
    }
    res.redirect(303, `/tenders/${tenderId}/criteria?done=moved#criterion-${encodeURIComponent(node.code)}`);
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

/** The node's section's children (or the top level), in display order. */
function siblingsOf(tree: CriterionResponse[], node: CriterionResponse): CriterionResponse[] {
  if (node.parentId === null) return tree;
  const walk = (nodes: CriterionResponse[]): CriterionResponse[] | null => {
    for (const candidate of nodes) {
      if (candidate.id === node.parentId) return candidate.children;
      const inner = walk(candidate.children);
      if (inner) return inner;
    }
    return null;
  };
  return walk(tree) ?? [node];
}

function findOrNull(tree: CriterionResponse[], code: string): CriterionResponse | null {
  try {
    return find(tree, code);
  } catch {
    return null;
  }
}
