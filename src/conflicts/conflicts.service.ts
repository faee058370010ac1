import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { retryOnUniqueViolation } from '../database/unique-violation';
import { DeclarationHooks, type DeclarationRecorded } from '../panel/declaration-hooks';
import { ConflictMitigation, ConflictReview, DeclarationVersion } from './conflict-register.entity';
import { ConflictRegisterReader } from './conflict-register-reader';
import { assessment, nextVersion, teamDeclarationChange, type Assessment } from './domain/conflict-register';
import type { DeclareTeamInterestDto, RecordMitigationDto, RecordReviewDto } from './dto/conflicts.dto';
import type {
  ConflictsAssessmentResponse,
  MitigationResponse,
  ReviewResponse,
  TeamDeclarationResponse,
} from './dto/conflicts.response';
import { renderConflictsAssessment } from './conflicts-pdf';

const iso = (date: Date): string => date.toISOString();

/**
 * The conflicts assessment (ss.81–83, docs/AFTER-AWARD.md): the append-only declarations
 * register (the panel's statements arrive through DeclarationHooks, in the declaring
 * transaction; the team declares here), the team's mitigations and reviews, and the document.
 * The team's, from the draft tender on; every change audited in its own transaction.
 */
@Injectable()
export class ConflictsService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reader: ConflictRegisterReader,
    private readonly declarations: DeclarationHooks,
  ) {}

  onModuleInit(): void {
    this.declarations.on((em, event) => this.recordPanelVersion(em, event));
  }

  get(caller: Caller, tenderId: string): Promise<ConflictsAssessmentResponse> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const input = await this.reader.read(em, caller, tenderId);
      const mine = input.teamVersions.filter((row) => row.userId === caller.id).sort((a, b) => b.version - a.version)[0];
      return present(tenderId, tender.title, assessment(input), mine ? { ...mine, bidderName: null } : null);
    });
  }

  /** The assessment as a PDF, its download on the audit trail. */
  document(caller: Caller, tenderId: string): Promise<{ pdf: Buffer; fileName: string }> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const result = assessment(await this.reader.read(em, caller, tenderId));
      const pdf = await renderConflictsAssessment(tender.title, tender.reference, result, this.clock.now());
      const revision = result.lastReview?.revision ?? 0;
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'conflict_assessment.downloaded',
        entityType: 'tender',
        entityId: tenderId,
        tenderId,
        after: { revision, persons: result.persons.length, conflicts: result.conflicts.length },
      });
      return {
        pdf,
        fileName: `conflicts-assessment-${tender.reference}-revision-${revision}.pdf`.replace(/[^A-Za-z0-9._-]/g, '-'),
      };
    });
  }

  /** A team member's own declaration: a new version whenever it differs from their newest. */
  declareTeam(caller: Caller, tenderId: string, dto: DeclareTeamInterestDto): Promise<TeamDeclarationResponse> {
    const next = { conflict: dto.conflict, details: dto.details?.trim() ?? null };
    return retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        await this.access.require(em, caller, tenderId, 'team');
        const repo = em.getRepository(DeclarationVersion);
        const series = await repo.find({ where: { tenderId, subject: 'team', subjectId: caller.id } });
        const latest = [...series].sort((a, b) => b.version - a.version)[0] ?? null;
        const change = teamDeclarationChange(latest, next);
        if (change === 'unchanged') return { ...statement(latest), changed: false };
        const row = repo.create({
          id: newId(),
          tenderId,
          subject: 'team',
          subjectId: caller.id,
          panelMemberId: null,
          bidId: null,
          userId: caller.id,
          version: nextVersion(series),
          conflict: next.conflict,
          details: next.details,
          declaredAt: this.clock.now(),
        });
        await repo.insert(row);
        await this.audit.record(em, {
          actorId: caller.id,
          action: change === 'declared' ? 'conflict_register.team_declared' : 'conflict_register.team_redeclared',
          entityType: 'conflict_declaration_version',
          entityId: row.id,
          tenderId,
          before: latest ? { version: latest.version, conflict: latest.conflict, details: latest.details } : null,
          after: { version: row.version, conflict: row.conflict, details: row.details },
        });
        return { ...statement(row), changed: true };
      }),
    );
  }

  mitigate(caller: Caller, tenderId: string, dto: RecordMitigationDto): Promise<MitigationResponse> {
    return retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        await this.access.require(em, caller, tenderId, 'team');
        const result = assessment(await this.reader.read(em, caller, tenderId));
        const conflict = result.conflicts.find((entry) => entry.subject === dto.subject && entry.subjectId === dto.subjectId);
        if (!conflict) {
          throw new DomainError(
            'rule_violation',
            'There is no declared conflict with that subject and subjectId on this tender.',
            {
              errors: [{ field: 'subjectId', message: 'Choose a declared conflict from the conflicts assessment.' }],
            },
          );
        }
        const row = em.getRepository(ConflictMitigation).create({
          id: newId(),
          tenderId,
          subject: dto.subject,
          subjectId: dto.subjectId,
          version: nextVersion(conflict.mitigations),
          text: dto.text.trim(),
          recordedById: caller.id,
          recordedAt: this.clock.now(),
        });
        await em.getRepository(ConflictMitigation).insert(row);
        await this.audit.record(em, {
          actorId: caller.id,
          action: 'conflict_mitigation.recorded',
          entityType: 'conflict_mitigation',
          entityId: row.id,
          tenderId,
          before: conflict.mitigations[0]
            ? { version: conflict.mitigations[0].version, text: conflict.mitigations[0].text }
            : null,
          after: { subject: row.subject, subjectId: row.subjectId, version: row.version, text: row.text },
        });
        return { version: row.version, text: row.text, recordedBy: caller.name, recordedAt: iso(row.recordedAt) };
      }),
    );
  }

  review(caller: Caller, tenderId: string, dto: RecordReviewDto): Promise<ReviewResponse> {
    return retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        await this.access.require(em, caller, tenderId, 'team');
        const repo = em.getRepository(ConflictReview);
        const earlier = await repo.find({ where: { tenderId }, select: { id: true, revision: true } });
        const row = repo.create({
          id: newId(),
          tenderId,
          revision: earlier.reduce((highest, entry) => Math.max(highest, entry.revision), 0) + 1,
          note: dto.note?.trim() ?? null,
          reviewedById: caller.id,
          reviewedAt: this.clock.now(),
        });
        await repo.insert(row);
        await this.audit.record(em, {
          actorId: caller.id,
          action: 'conflict_assessment.reviewed',
          entityType: 'conflict_review',
          entityId: row.id,
          tenderId,
          after: { revision: row.revision, note: row.note },
        });
        return { revision: row.revision, note: row.note, reviewedBy: caller.name, reviewedAt: iso(row.reviewedAt) };
      }),
    );
  }

  /** A panel member's statement, kept as the next version of its declaration (the hook runs in the declaring transaction). */
  private async recordPanelVersion(em: EntityManager, event: DeclarationRecorded): Promise<void> {
    const repo = em.getRepository(DeclarationVersion);
    const series = await repo.find({ where: { tenderId: event.tenderId, subject: 'panel_bid', subjectId: event.declarationId } });
    const base = { tenderId: event.tenderId, subject: 'panel_bid' as const, subjectId: event.declarationId };
    const who = { panelMemberId: event.panelMemberId, bidId: event.bidId, userId: null };
    const rows: DeclarationVersion[] = [];
    // A declaration from before the register: its earlier statement becomes version 1 now.
    if (series.length === 0 && event.before) {
      rows.push(
        repo.create({
          ...base,
          ...who,
          id: newId(),
          version: 1,
          conflict: event.before.conflict,
          details: event.before.details,
          declaredAt: event.before.at,
        }),
      );
    }
    rows.push(
      repo.create({
        ...base,
        ...who,
        id: newId(),
        version: nextVersion([...series, ...rows]),
        conflict: event.conflict,
        details: event.details,
        declaredAt: event.at,
      }),
    );
    await repo.insert(rows);
  }
}

function statement(row: Pick<DeclarationVersion, 'version' | 'conflict' | 'details' | 'declaredAt'>) {
  return {
    version: row.version,
    conflict: row.conflict,
    details: row.details,
    declaredAt: iso(row.declaredAt),
    bidderName: null,
  };
}

function present(
  tenderId: string,
  title: string,
  result: Assessment,
  mine: { version: number; conflict: boolean; details: string | null; at: Date; bidderName: null } | null,
): ConflictsAssessmentResponse {
  const review = (entry: Assessment['reviews'][number]): ReviewResponse => ({
    revision: entry.revision,
    note: entry.note,
    reviewedBy: entry.byName,
    reviewedAt: iso(entry.at),
  });
  const mitigation = (entry: Assessment['conflicts'][number]['mitigations'][number]): MitigationResponse => ({
    version: entry.version,
    text: entry.text,
    recordedBy: entry.byName,
    recordedAt: iso(entry.at),
  });
  return {
    tenderId,
    title,
    revision: result.lastReview?.revision ?? 0,
    lastReview: result.lastReview ? review(result.lastReview) : null,
    persons: result.persons.map((person) => ({
      name: person.name,
      role: person.role,
      state: person.state,
      acts: person.acts.map((act) => ({ act: act.act, at: iso(act.at) })),
      declarations: person.declarations.map((entry) => ({
        version: entry.version,
        conflict: entry.conflict,
        details: entry.details,
        declaredAt: iso(entry.at),
        bidderName: entry.bidderName,
      })),
    })),
    conflicts: result.conflicts.map((entry) => ({
      subject: entry.subject,
      subjectId: entry.subjectId,
      name: entry.name,
      bidderName: entry.bidderName,
      details: entry.details,
      declaredAt: iso(entry.declaredAt),
      mitigation: entry.mitigations[0] ? mitigation(entry.mitigations[0]) : null,
      mitigations: entry.mitigations.map(mitigation),
    })),
    unmitigated: result.unmitigated,
    actedBeforeDeclaring: result.actedBeforeDeclaring.map((entry) => ({ name: entry.name, act: entry.act, at: iso(entry.at) })),
    reviews: result.reviews.map(review),
    myDeclaration: mine
      ? { version: mine.version, conflict: mine.conflict, details: mine.details, declaredAt: iso(mine.at), bidderName: null }
      : null,
  };
}
