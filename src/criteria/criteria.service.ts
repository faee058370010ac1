import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { fromHundredths, toHundredthsExact } from '../common/domain/decimals';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { assertDraft } from '../tenders/domain/tender-lifecycle';
import type { Tender } from '../tenders/tender.entity';
import {
  buildTree,
  defaultCategory,
  defaultScoredBy,
  validateForPublish,
  validateNodeShape,
  type FlatCriterion,
  type TreeNode,
  type Violation,
} from './domain';
import { Criterion } from './criterion.entity';
import type { CreateCriterionDto } from './dto/create-criterion.dto';
import { CriterionResponse } from './dto/criterion.response';
import type { UpdateCriterionDto } from './dto/update-criterion.dto';

/** A template's node as the templates feature hands it over (ids are the template's codes). */
export type TemplateNode = FlatCriterion & { guidance?: string | null; plainGuidance?: string | null };

export function toFlat(criterion: Criterion): FlatCriterion {
  return {
    id: criterion.id,
    parentId: criterion.parentId,
    code: criterion.code,
    title: criterion.title,
    kind: criterion.kind,
    category: criterion.category,
    weightHundredths: criterion.weightHundredths,
    threshold: criterion.thresholdHundredths === null ? null : fromHundredths(criterion.thresholdHundredths),
    scoredBy: criterion.scoredBy,
    groupWeights: criterion.groupWeights,
    maxWords: criterion.maxWords,
    order: criterion.order,
  };
}

function violationsProblem(detail: string, violations: Violation[]): DomainError {
  return new DomainError('rule_violation', detail, {
    errors: violations.map((v) => ({ field: v.code ? `criteria.${v.code}` : 'criteria', message: v.message })),
    violations,
  });
}

@Injectable()
export class CriteriaService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
  ) {}

  async tree(caller: Caller, tenderId: string): Promise<CriterionResponse[]> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'view');
      return this.treeOf(await this.all(em, tenderId));
    });
  }

  all(em: EntityManager, tenderId: string): Promise<Criterion[]> {
    return em.getRepository(Criterion).find({ where: { tenderId }, order: { order: 'ASC', code: 'ASC' } });
  }

  /** A criterion by id or code; 422 naming it when the tender has no such criterion. */
  async resolve(em: EntityManager, tenderId: string, ref: string, field = 'criterion'): Promise<Criterion> {
    const repo = em.getRepository(Criterion);
    // One query for either spelling; an id match wins over a code that happens to equal it.
    const matches = await repo.find({
      where: [
        { tenderId, id: ref },
        { tenderId, code: ref },
      ],
    });
    const found = matches.find((criterion) => criterion.id === ref) ?? matches[0];
    if (!found) {
      throw new DomainError('rule_violation', `This tender has no criterion "${ref}".`, {
        errors: [{ field, message: `This tender has no criterion "${ref}": use one of its codes or ids.` }],
      });
    }
    return found;
  }

  async create(caller: Caller, tenderId: string, dto: CreateCriterionDto): Promise<CriterionResponse> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertDraft(tender.status, 'Criteria');
      const parent = dto.parentId ? await this.resolveParent(em, tenderId, dto.parentId) : null;
      await this.assertCodeFree(em, tenderId, dto.code);
      const criterion = em.getRepository(Criterion).create({
        id: newId(),
        tenderId,
        parentId: parent?.id ?? null,
        code: dto.code,
        title: dto.title.trim(),
        kind: dto.kind,
        category: dto.category ?? defaultCategory(dto.kind),
        weightHundredths: toHundredthsExact(dto.weight),
        thresholdHundredths: dto.threshold == null ? null : toHundredthsExact(dto.threshold),
        scoredBy: dto.scoredBy ?? defaultScoredBy(dto.kind),
        groupWeights: dto.groupWeights ? { ...dto.groupWeights } : null,
        maxWords: dto.maxWords ?? null,
        guidance: dto.guidance ?? null,
        plainGuidance: dto.plainGuidance ?? null,
        order: dto.order ?? (await em.getRepository(Criterion).count({ where: { tenderId } })),
      });
      this.assertShape(criterion, tender);
      await em.getRepository(Criterion).insert(criterion);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'criterion.created',
        entityType: 'criterion',
        entityId: criterion.id,
        tenderId,
        after: toFlat(criterion),
      });
      return CriterionResponse.from(criterion);
    });
  }

  async update(caller: Caller, tenderId: string, ref: string, dto: UpdateCriterionDto): Promise<CriterionResponse> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const criterion = await this.findVisible(em, tenderId, ref);
      assertDraft(tender.status, 'Criteria');
      const before = toFlat(criterion);
      if (dto.code !== undefined && dto.code !== criterion.code) {
        await this.assertCodeFree(em, tenderId, dto.code);
        criterion.code = dto.code;
      }
      if (dto.parentId !== undefined) {
        const parent = dto.parentId ? await this.resolveParent(em, tenderId, dto.parentId) : null;
        if (parent) await this.assertNotDescendant(em, tenderId, criterion, parent);
        criterion.parentId = parent?.id ?? null;
      }
      if (dto.title !== undefined) criterion.title = dto.title.trim();
      if (dto.kind !== undefined) {
        criterion.kind = dto.kind;
        if (dto.category === undefined) criterion.category = defaultCategory(dto.kind) ?? criterion.category;
        if (dto.scoredBy === undefined && dto.kind !== 'scored') criterion.scoredBy = [];
      }
      if (dto.category !== undefined) criterion.category = dto.category;
      if (dto.weight !== undefined) criterion.weightHundredths = toHundredthsExact(dto.weight);
      if (dto.threshold !== undefined)
        criterion.thresholdHundredths = dto.threshold === null ? null : toHundredthsExact(dto.threshold);
      if (dto.scoredBy !== undefined) criterion.scoredBy = dto.scoredBy;
      if (dto.groupWeights !== undefined) criterion.groupWeights = dto.groupWeights ? { ...dto.groupWeights } : null;
      if (dto.maxWords !== undefined) criterion.maxWords = dto.maxWords;
      if (dto.guidance !== undefined) criterion.guidance = dto.guidance;
      if (dto.plainGuidance !== undefined) criterion.plainGuidance = dto.plainGuidance;
      if (dto.order !== undefined) criterion.order = dto.order;
      this.assertShape(criterion, tender);
      if (
        criterion.kind !== 'section' &&
        (await em.getRepository(Criterion).exist({ where: { tenderId, parentId: criterion.id } }))
      ) {
        throw violationsProblem(`${criterion.code} has children, so it must stay a section.`, [
          {
            code: criterion.code,
            rule: 'leaf_with_children',
            message: `${criterion.code} has children, so it must stay a section.`,
          },
        ]);
      }
      await em.getRepository(Criterion).save(criterion);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'criterion.updated',
        entityType: 'criterion',
        entityId: criterion.id,
        tenderId,
        before,
        after: toFlat(criterion),
      });
      return CriterionResponse.from(criterion);
    });
  }

  /** Deletes the node and, for a section, everything under it. */
  async remove(caller: Caller, tenderId: string, ref: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const criterion = await this.findVisible(em, tenderId, ref);
      assertDraft(tender.status, 'Criteria');
      const all = await this.all(em, tenderId);
      const doomed = [criterion, ...descendantsOf(all, criterion.id)];
      await em.getRepository(Criterion).delete(doomed.map((c) => c.id));
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'criterion.deleted',
        entityType: 'criterion',
        entityId: criterion.id,
        tenderId,
        before: { removed: doomed.map(toFlat) },
      });
    });
  }

  /** Copies a template's flat tree into a new tender, parents first. */
  async copyFromTemplate(em: EntityManager, tenderId: string, nodes: TemplateNode[]): Promise<void> {
    const idByTemplateId = new Map<string, string>();
    for (const node of nodes) idByTemplateId.set(node.id, newId());
    const rows = nodes.map((node) =>
      em.getRepository(Criterion).create({
        id: idByTemplateId.get(node.id)!,
        tenderId,
        parentId: node.parentId ? idByTemplateId.get(node.parentId)! : null,
        code: node.code,
        title: node.title,
        kind: node.kind,
        category: node.category,
        weightHundredths: node.weightHundredths,
        thresholdHundredths: node.threshold === null ? null : toHundredthsExact(node.threshold),
        scoredBy: node.scoredBy,
        groupWeights: node.groupWeights,
        maxWords: node.maxWords,
        guidance: node.guidance ?? null,
        plainGuidance: node.plainGuidance ?? null,
        order: node.order,
      }),
    );
    // Parents before children so the foreign key holds at every insert.
    const inserted = new Set<string | null>([null]);
    while (inserted.size <= rows.length) {
      const ready = rows.filter((row) => !inserted.has(row.id) && inserted.has(row.parentId));
      if (ready.length === 0) break;
      await em.getRepository(Criterion).insert(ready);
      ready.forEach((row) => inserted.add(row.id));
    }
  }

  /** 422 listing every violation of SCORING.md §2 (node codes, expected and found sums). */
  async assertPublishable(em: EntityManager, tender: Tender): Promise<void> {
    const criteria = (await this.all(em, tender.id)).map(toFlat);
    const violations = validateForPublish(criteria, { min: tender.scaleMin, max: tender.scaleMax });
    if (violations.length > 0) {
      throw violationsProblem(
        `The tender cannot be published: ${violations.length} problem${violations.length === 1 ? '' : 's'} in its criteria. ${violations.map((v) => v.message).join(' ')}`,
        violations,
      );
    }
  }

  treeOf(criteria: Criterion[]): CriterionResponse[] {
    const byId = new Map(criteria.map((c) => [c.id, c]));
    const render = (node: TreeNode): CriterionResponse => CriterionResponse.from(byId.get(node.id)!, node.children.map(render));
    return buildTree(criteria.map(toFlat)).map(render);
  }

  private assertShape(criterion: Criterion, tender: Tender): void {
    const violations = validateNodeShape(toFlat(criterion), { min: tender.scaleMin, max: tender.scaleMax });
    if (violations.length > 0) throw violationsProblem(violations.map((v) => v.message).join(' '), violations);
  }

  private async findVisible(em: EntityManager, tenderId: string, ref: string): Promise<Criterion> {
    const repo = em.getRepository(Criterion);
    // One query for either spelling; an id match wins over a code that happens to equal it.
    const matches = await repo.find({
      where: [
        { tenderId, id: ref },
        { tenderId, code: ref },
      ],
    });
    const found = matches.find((criterion) => criterion.id === ref) ?? matches[0];
    if (!found) throw new DomainError('not_found', `Criterion ${ref} not found on this tender.`);
    return found;
  }

  private async resolveParent(em: EntityManager, tenderId: string, ref: string): Promise<Criterion> {
    const parent = await this.resolve(em, tenderId, ref, 'parentId');
    if (parent.kind !== 'section') {
      throw violationsProblem(`${parent.code} is a ${parent.kind} criterion; only sections can have children.`, [
        {
          code: parent.code,
          rule: 'leaf_with_children',
          message: `${parent.code} is a ${parent.kind} criterion; only sections can have children.`,
        },
      ]);
    }
    return parent;
  }

  private async assertCodeFree(em: EntityManager, tenderId: string, code: string): Promise<void> {
    if (await em.getRepository(Criterion).exist({ where: { tenderId, code } })) {
      throw violationsProblem(`This tender already has a criterion coded ${code}.`, [
        { code, rule: 'duplicate_code', message: `This tender already has a criterion coded ${code}.` },
      ]);
    }
  }

  private async assertNotDescendant(em: EntityManager, tenderId: string, node: Criterion, parent: Criterion): Promise<void> {
    const below = new Set([node.id, ...descendantsOf(await this.all(em, tenderId), node.id).map((c) => c.id)]);
    if (below.has(parent.id)) {
      throw violationsProblem(`${parent.code} is ${node.code} itself or inside it: a section cannot be its own ancestor.`, [
        {
          code: node.code,
          rule: 'unreachable',
          message: `${parent.code} is ${node.code} itself or inside it: a section cannot be its own ancestor.`,
        },
      ]);
    }
  }
}

function descendantsOf(all: Criterion[], id: string): Criterion[] {
  const out: Criterion[] = [];
  const queue = [id];
  while (queue.length) {
    const current = queue.shift()!;
    for (const child of all.filter((c) => c.parentId === current)) {
      out.push(child);
      queue.push(child.id);
    }
  }
  return out;
}
