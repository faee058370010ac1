import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import { responsesOf } from '../bids/bid-directory';
import type { Bid } from '../bids/bid.entity';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { Criterion } from '../criteria/criterion.entity';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { leaves } from '../criteria/domain';
import { Db } from '../database/db.service';
import { guidanceFor, outstandingDeclarations, scaleLevelsFor } from '../panel/domain/panel-rules';
import type { PanelMember } from '../panel/panel-member.entity';
import { PanelDirectory } from '../panel/panel-directory.service';
import { assertScoringOpen, criteriaForGroup } from '../scoring/domain/scoring-rules';
import { DraftScoreWriter } from '../scoring/draft-score-writer';
import { memberScores } from '../scoring/score-queries';
import type { Tender } from '../tenders/tender.entity';
import {
  formulaProblems,
  identityProblems,
  nothingFilled,
  planImport,
  workbookRefused,
  type ImportFrame,
} from './domain/workbook-import-rules';
import { signatureMatches, signWorkbook, workbookKey, WORKBOOK_FORMAT } from './domain/workbook-identity';
import { zipRefused } from './domain/workbook-limits';
import type { WorkbookImportResponse } from './dto/workbook-import.response';
import { ImportProvenance } from './import-provenance';
import { readOfflineWorkbook } from './workbook-reader';
import { writeOfflineWorkbook, type WorkbookRow } from './workbook-writer';
import { inspectWorkbookZip } from './zip-inspector';

/** The member's work as the workbook carries it. */
interface Work {
  tender: Tender;
  member: PanelMember;
  memberName: string;
  bids: Bid[];
  bidNames: Map<string, string>;
  criteria: Criterion[];
}

/**
 * The offline workbook (issue 17 part 4): a member's criteria × bids as an xlsx to fill in
 * away from the service, and its import as draft scores through the scoring rules
 * (`DraftScoreWriter`, as a save in the pages), all or nothing, audited. The team exports and
 * imports for any member of its panel; a member for their own seat.
 */
@Injectable()
export class OfflineWorkbookService {
  private readonly key: Buffer;

  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
    private readonly drafts: DraftScoreWriter,
    private readonly provenance: ImportProvenance,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = workbookKey(config.jwtSecret);
  }

  async export(caller: Caller, tenderId: string, memberId: string): Promise<{ file: Buffer; fileName: string }> {
    return this.db.transaction(async (em) => {
      const work = await this.work(em, caller, tenderId, memberId);
      const scores = await memberScores(
        em,
        work.member.id,
        work.bids.map((bid) => bid.id),
      );
      const own = new Map(scores.map((score) => [`${score.bidId}:${score.criterionId}`, score]));
      const answers = new Map(
        (
          await responsesOf(
            em,
            work.bids.map((bid) => bid.submittedVersionId!),
          )
        ).map((r) => [`${r.versionId}:${r.criterionId}`, r.text]),
      );
      const rows: WorkbookRow[] = [];
      for (const bid of work.bids) {
        for (const criterion of work.criteria) {
          const score = own.get(`${bid.id}:${criterion.id}`);
          // A submitted score never changes: its row is left out of a new workbook.
          if (score?.status === 'submitted') continue;
          rows.push({
            bidId: bid.id,
            bid: work.bidNames.get(bid.id) ?? bid.bidderName,
            criterionId: criterion.id,
            code: criterion.code,
            title: criterion.title,
            guidance: guidanceFor(work.member.group, criterion),
            answer: answers.get(`${bid.submittedVersionId}:${criterion.id}`) ?? null,
            score: score?.score ?? null,
            reason: score?.rationale ?? null,
          });
        }
      }
      const identity = { format: WORKBOOK_FORMAT, tenderId, memberId: work.member.id };
      const { tender } = work;
      const file = await writeOfflineWorkbook({
        tenderTitle: tender.title,
        tenderReference: tender.reference,
        member: work.memberName,
        scale: scaleLevelsFor(work.member.group, { min: tender.scaleMin, max: tender.scaleMax, labels: tender.scaleLabels }),
        scoringDeadline: tender.scoringDeadline
          ? tender.scoringDeadline.toISOString().replace('T', ' ').slice(0, 16) + ' UTC'
          : null,
        rows,
        identity: { ...identity, signature: signWorkbook(this.key, identity, rows) },
      });
      const sha256 = createHash('sha256').update(file).digest('hex');
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'offline_workbook.exported',
        entityType: 'panel_member',
        entityId: work.member.id,
        tenderId,
        sensitivity: 'bid_content',
        after: { panelMemberId: work.member.id, rows: rows.length, bytes: file.length, sha256 },
      });
      const safeReference = tender.reference.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40) || 'tender';
      return { file, fileName: `${safeReference}-scoring-workbook-${work.member.joinOrder}.xlsx` };
    });
  }

  async import(caller: Caller, tenderId: string, memberId: string, file: Buffer): Promise<WorkbookImportResponse> {
    // Who may import is checked before the file is opened: a stranger's upload costs nothing.
    await this.db.read((em) => this.seatFor(em, caller, tenderId, memberId));
    await inspectWorkbookZip(file);
    const read = await readOfflineWorkbook(file);
    if (!read) {
      throw zipRefused([
        { field: 'workbook', message: 'The file could not be read as an Excel workbook (.xlsx). Save it again and upload that.' },
      ]);
    }
    const sha256 = createHash('sha256').update(file).digest('hex');
    return this.db.transaction(async (em) => {
      const work = await this.work(em, caller, tenderId, memberId);
      const keyed = read.rows.filter((row) => row.bidId !== '' || row.criterionId !== '');
      const valid = read.identity !== null && signatureMatches(this.key, read.identity, keyed);
      const frame = await this.frame(em, work);
      const identity = identityProblems(read, frame, valid);
      if (identity.length > 0) throw workbookRefused(identity);
      const formulas = formulaProblems(read);
      if (formulas.length > 0) throw workbookRefused(formulas);
      const plan = planImport(read, frame);
      if (plan.problems.length > 0) throw workbookRefused([...plan.problems, ...plan.submitted]);
      if (plan.submitted.length > 0) throw workbookRefused(plan.submitted, 'invalid_state');
      if (plan.scores.length === 0) throw nothingFilled();
      const criteria = new Map(work.criteria.map((criterion) => [criterion.id, criterion]));
      const scoreIds: string[] = [];
      const perBid = new Map<string, number>();
      for (const entry of plan.scores) {
        try {
          const written = await this.drafts.write(em, {
            tender: work.tender,
            member: work.member,
            bidId: entry.bidId,
            criterion: criteria.get(entry.criterionId)!,
            score: entry.score,
            rationale: entry.reason,
            actorId: caller.id,
            auditNote: { source: 'offline_workbook', cell: entry.scoreCell, importedById: caller.id },
            fields: { score: entry.scoreCell, rationale: entry.reasonCell },
          });
          scoreIds.push(written.id);
          perBid.set(entry.bidId, (perBid.get(entry.bidId) ?? 0) + 1);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const errors = (error.extensions.errors as { field: string; message: string }[] | undefined) ?? [
            { field: entry.scoreCell, message: `${entry.scoreCell}: ${error.detail}` },
          ];
          throw workbookRefused(errors, error.code === 'invalid_state' ? 'invalid_state' : 'rule_violation');
        }
      }
      await this.provenance.record(em, {
        method: 'offline_workbook',
        tenderId,
        panelMemberId: work.member.id,
        enteredById: caller.id,
        byMember: caller.id === work.member.userId,
        scoreIds,
        sha256,
      });
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'offline_workbook.imported',
        entityType: 'panel_member',
        entityId: work.member.id,
        tenderId,
        sensitivity: 'score',
        after: {
          panelMemberId: work.member.id,
          source: 'offline_workbook',
          note: `Draft scores imported from the offline workbook by ${caller.id === work.member.userId ? 'the member' : 'the tender team, for the member'}.`,
          importedBy: caller.id === work.member.userId ? 'member' : 'team',
          scores: scoreIds.length,
          bytes: file.length,
          sha256,
        },
      });
      return {
        memberId: work.member.id,
        member: work.memberName,
        imported: scoreIds.length,
        bids: [...perBid].map(([bidId, scores]) => ({ bidId, bid: work.bidNames.get(bidId) ?? '', scores })),
        sha256,
      };
    });
  }

  /**
   * The member whose workbook this is, if the caller may act for them: the tender's team for
   * any member of its panel, a panelist for their own seat (another seat: 404). Others: 403.
   */
  private async seatFor(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    memberId: string,
  ): Promise<{ tender: Tender; member: PanelMember }> {
    const { tender, relation } = await this.access.require(em, caller, tenderId, 'view');
    if (relation.teamRole === null && relation.panelMemberId === null) {
      throw new DomainError('forbidden', "Only the tender's team, or the panel member themself, can do this.");
    }
    if (relation.teamRole === null && relation.panelMemberId !== memberId) throw memberNotFound();
    const member = (await this.directory.members(em, tenderId)).find((candidate) => candidate.id === memberId);
    if (!member) throw memberNotFound();
    return { tender, member };
  }

  /** The member's bids (declared on every one, conflicts out) and criteria, while scoring is open. */
  private async work(em: EntityManager, caller: Caller, tenderId: string, memberId: string): Promise<Work> {
    const { tender, member } = await this.seatFor(em, caller, tenderId, memberId);
    assertScoringOpen(tender, this.clock.now());
    const panelBids = await this.access.panelBids(em, tender);
    const declarations = await this.directory.declarations(em, tenderId, member.id);
    const outstanding = outstandingDeclarations(
      panelBids.map((bid) => bid.id),
      new Set(declarations.map((d) => d.bidId)),
    );
    if (outstanding.length > 0) {
      throw new DomainError(
        'invalid_state',
        `The member has not yet declared their interests on ${outstanding.length} bid${outstanding.length > 1 ? 's' : ''}: they declare first, then the workbook lists the bids they score.`,
      );
    }
    const conflicted = new Set(declarations.filter((d) => d.conflict).map((d) => d.bidId));
    const all = await this.criteria.all(em, tenderId);
    const byId = new Map(all.map((c) => [c.id, c]));
    return {
      tender,
      member,
      memberName: (await this.directory.recordNames(em, tenderId)).get(member.id) ?? '',
      bids: panelBids.filter((bid) => !conflicted.has(bid.id)),
      bidNames: await this.directory.panelBidNames(em, tender),
      criteria: criteriaForGroup(leaves(all.map(toFlat)), member.group).map((flat) => byId.get(flat.id)!),
    };
  }

  private async frame(em: EntityManager, work: Work): Promise<ImportFrame> {
    const scorable = new Set<string>();
    for (const bid of work.bids) for (const criterion of work.criteria) scorable.add(`${bid.id}:${criterion.id}`);
    const submitted = new Set(
      (await memberScores(em, work.member.id))
        .filter((score) => score.status === 'submitted')
        .map((score) => `${score.bidId}:${score.criterionId}`),
    );
    return {
      tenderId: work.tender.id,
      memberId: work.member.id,
      scale: { min: work.tender.scaleMin, max: work.tender.scaleMax },
      scorable,
      submitted,
      bidNames: work.bidNames,
    };
  }
}

function memberNotFound(): DomainError {
  return new DomainError('not_found', 'There is no such member on this panel.');
}
