import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { versionsOf } from '../bids/bid-directory';
import type { Caller } from '../common/caller';
import { fromHundredths } from '../common/domain/decimals';
import { leaves } from '../criteria/domain';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { guidanceFor, outstandingDeclarations, scaleLevelsFor } from '../panel/domain/panel-rules';
import type { AssignmentsResponse } from './dto/score.response';
import { memberScores } from './score-queries';
import { criteriaForGroup, itemStatus } from './domain/scoring-rules';

/**
 * What a panel member has to do: the bids they score × the criteria their group scores,
 * in their group's wording, with where they are on each. Bids appear only once every
 * declaration of interest is made; prices only when the tender shows them to the panel.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  async forCaller(caller: Caller, tenderId: string): Promise<AssignmentsResponse> {
    return this.db.read(async (em) => {
      const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
      const all = await this.criteria.all(em, tenderId);
      const byId = new Map(all.map((c) => [c.id, c]));
      const assigned = criteriaForGroup(leaves(all.map(toFlat)), member.group).map((flat) => byId.get(flat.id)!);
      const panelBids = await this.access.panelBids(em, tender);
      const declarations = await this.directory.declarations(em, tenderId, member.id);
      const outstanding = outstandingDeclarations(
        panelBids.map((bid) => bid.id),
        new Set(declarations.map((d) => d.bidId)),
      );
      const conflicted = new Set(declarations.filter((d) => d.conflict).map((d) => d.bidId));
      const bids = outstanding.length === 0 ? panelBids.filter((bid) => !conflicted.has(bid.id)) : [];
      const names = await this.directory.panelBidNames(em, tender);
      const scores = await memberScores(em, member.id, bids.map((b) => b.id));
      const prices = new Map<string, number>();
      if (tender.priceVisibleToPanel && bids.length) {
        const versions = await versionsOf(em, { ids: bids.map((b) => b.submittedVersionId!) });
        for (const version of versions) prices.set(version.bidId, fromHundredths(version.pricePence));
      }
      return {
        tenderId,
        tenderStatus: tender.status,
        group: member.group,
        role: member.roleLabel,
        scoringOpen: tender.status === 'evaluation',
        declarationsComplete: outstanding.length === 0,
        declarationsOutstanding: outstanding.length,
        priceVisible: tender.priceVisibleToPanel,
        scale: scaleLevelsFor(member.group, { min: tender.scaleMin, max: tender.scaleMax, labels: tender.scaleLabels }),
        criteria: assigned.map((criterion) => ({
          criterionId: criterion.id,
          code: criterion.code,
          title: criterion.title,
          guidance: guidanceFor(member.group, criterion),
        })),
        bids: bids.map((bid) => {
          const own = new Map(scores.filter((s) => s.bidId === bid.id).map((s) => [s.criterionId, s]));
          const items = assigned.map((criterion) => {
            const score = own.get(criterion.id);
            return {
              criterionId: criterion.id,
              code: criterion.code,
              status: itemStatus(score),
              score: score?.score ?? null,
              rationale: score?.rationale ?? null,
            };
          });
          return {
            bidId: bid.id,
            bid: names.get(bid.id) ?? bid.bidderName,
            price: prices.get(bid.id) ?? null,
            submitted: items.length > 0 && items.every((item) => item.status === 'submitted'),
            items,
          };
        }),
      };
    });
  }
}
