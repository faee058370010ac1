import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { leaves } from '../criteria/domain';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { scoreKeys } from '../scoring/score-queries';
import type { TenderResponse } from '../tenders/dto/tender.response';
import type { Tender } from '../tenders/tender.entity';
import { TendersService } from '../tenders/tenders.service';
import { assertQuorate, type QuorumInput } from './domain/quorum';

/**
 * evaluation → moderation, refused (409 naming the shortfall) until the panel is quorate:
 * lived-experience members have scored what they are asked to score on every bid, and,
 * with equal representation, they are at least as many as the professionals.
 */
@Injectable()
export class StartModerationService {
  constructor(
    private readonly tenders: TendersService,
    private readonly access: TenderAccess,
    private readonly clock: Clock,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  start(caller: Caller, tenderId: string): Promise<TenderResponse> {
    return this.tenders.changeStatus(caller, tenderId, 'start_moderation', async (em, tender) => {
      const input = await this.quorumInput(em, tender);
      assertQuorate(input);
      tender.moderationStartedAt = this.clock.now();
      return {
        quorum: {
          bids: input.bids.length,
          livedExperienceMembers: input.members.filter((m) => m.group === 'lived_experience').length,
          professionalMembers: input.members.filter((m) => m.group === 'professional').length,
        },
      };
    });
  }

  private async quorumInput(em: EntityManager, tender: Tender): Promise<QuorumInput> {
    const bids = await this.access.panelBids(em, tender);
    const criteria = leaves((await this.criteria.all(em, tender.id)).map(toFlat)).filter((c) => c.kind === 'scored');
    const members = await this.directory.members(em, tender.id);
    const scores = await scoreKeys(em, tender.id, { submitted: true });
    const conflicts = (await this.directory.declarations(em, tender.id)).filter((d) => d.conflict);
    return {
      bids: bids.map((bid) => ({ id: bid.id, name: bid.bidderName })),
      criteria: criteria.map((c) => ({ id: c.id, code: c.code, scoredBy: c.scoredBy })),
      members: members.map((m) => ({ id: m.id, group: m.group })),
      scores,
      conflicts,
      equalRepresentation: tender.equalRepresentation,
    };
  }
}
