import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import { responsesOf } from '../bids/bid-directory';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { leaves } from '../criteria/domain';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { guidanceFor, scaleLevelsFor } from '../panel/domain/panel-rules';
import { criteriaForGroup, scoringIsOpen } from '../scoring/domain/scoring-rules';
import { statusWords } from '../tenders/domain/tender-lifecycle';
import { deadlineInWords } from '../common/domain/time-in-words';
import { contactSentence } from './domain/invitation-letter';
import { scoringPack } from './domain/scoring-pack';
import { dayInWords, memberNamed, safeName, tenderPeople } from './letter-facts';
import type { PrintedFile } from './letters.service';
import { renderScoringPack } from './scoring-pack-pdf';

/**
 * A member's paper scoring pack: exactly the work their panel pages give them — the panel
 * bids (named as they see them: "Bid 1"… under blind marking) less every bid they declared a
 * conflict with, the criteria their group scores in their group's wording and scale, and each
 * bid's answers (the submitted version, as the criterion page shows it). Answers are bid
 * content, so a pack is printed only while scoring is open (the box is open, evaluation, before
 * the scoring deadline); every print is on the audit trail (`panel_scoring_pack.printed`).
 */
@Injectable()
export class ScoringPackService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  async print(caller: Caller, tenderId: string, memberId: string): Promise<PrintedFile> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const { member, name } = memberNamed(await this.directory.members(em, tenderId), memberId);
      if (!scoringIsOpen(tender, this.clock.now())) {
        const why =
          tender.status === 'evaluation'
            ? ': the scoring deadline has passed'
            : `, and the tender is ${statusWords(tender.status)}`;
        throw new DomainError('invalid_state', `A scoring pack can be printed only while scoring is open${why}.`);
      }
      const declarations = await this.directory.declarations(em, tenderId, member.id);
      const conflicted = new Set(declarations.filter((d) => d.conflict).map((d) => d.bidId));
      const bids = (await this.access.panelBids(em, tender)).filter((bid) => !conflicted.has(bid.id));
      const names = await this.directory.panelBidNames(em, tender);
      const all = await this.criteria.all(em, tenderId);
      const byId = new Map(all.map((c) => [c.id, c]));
      const assigned = criteriaForGroup(leaves(all.map(toFlat)), member.group).map((flat) => byId.get(flat.id)!);
      const responses = await responsesOf(
        em,
        bids.map((bid) => bid.submittedVersionId!),
      );
      const people = await tenderPeople(em, tender);
      const pack = scoringPack({
        memberName: name,
        organisation: people.organisation,
        tenderTitle: tender.title,
        scoringDeadline: tender.scoringDeadline ? deadlineInWords(tender.scoringDeadline) : null,
        scale: scaleLevelsFor(member.group, { min: tender.scaleMin, max: tender.scaleMax, labels: tender.scaleLabels }),
        criteria: assigned.map((criterion) => ({
          criterionId: criterion.id,
          code: criterion.code,
          title: criterion.title,
          guidance: guidanceFor(member.group, criterion),
        })),
        bids: bids.map((bid) => ({
          name: names.get(bid.id) ?? bid.bidderName,
          answers: new Map(
            responses.filter((r) => r.versionId === bid.submittedVersionId).map((r) => [r.criterionId, r.text] as const),
          ),
        })),
        contactSentence: contactSentence(people.contact),
        printedOn: dayInWords(this.clock.now()),
      });
      const pdf = await renderScoringPack(pack, name);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'panel_scoring_pack.printed',
        entityType: 'panel_member',
        entityId: member.id,
        tenderId,
        after: { panelMemberId: member.id, bids: bids.length, criteria: assigned.length },
      });
      return { pdf, fileName: `scoring-pack-${safeName(tender.reference)}-${member.joinOrder}.pdf` };
    });
  }
}
