import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../../access/tender-access.service';
import { Clock } from '../../common/clock';
import { leaves } from '../../criteria/domain';
import { CriteriaService, toFlat } from '../../criteria/criteria.service';
import { Db } from '../../database/db.service';
import { invitationState } from '../../panel/domain/panel-rules';
import { invitationByToken, memberById } from '../../panel/panel-directory.service';
import type { PanelMember } from '../../panel/panel-member.entity';
import { criteriaForGroup } from '../../scoring/domain/scoring-rules';
import { tenderById } from '../../tenders/tender-directory';

export interface InvitationPreview {
  tenderId: string;
  tenderTitle: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  group: PanelMember['group'];
  bids: number;
  criteria: number;
  /** When scoring must be finished, if the tender says. */
  scoringDeadline: Date | null;
}

/**
 * What the start page says before anything is redeemed: who is asking, how much there is to
 * do, who to call. Reading it changes nothing; an invalid link gets null (the page then says
 * so in the same words whatever the reason, as redemption does).
 */
@Injectable()
export class InvitationPreviewService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: TenderAccess,
    private readonly criteria: CriteriaService,
  ) {}

  preview(token: string): Promise<InvitationPreview | null> {
    return this.db.read(async (em) => {
      const invitation = await invitationByToken(em, token);
      if (!invitation || invitationState(invitation, this.clock.now()) !== 'pending') return null;
      const member = await memberById(em, invitation.panelMemberId);
      const tender = await tenderById(em, invitation.tenderId);
      if (!member || !tender) return null;
      const all = await this.criteria.all(em, tender.id);
      return {
        tenderId: tender.id,
        tenderTitle: tender.title,
        contactName: tender.contactName,
        contactPhone: tender.contactPhone,
        contactEmail: tender.contactEmail,
        group: member.group,
        bids: (await this.access.panelBids(em, tender)).length,
        criteria: criteriaForGroup(leaves(all.map(toFlat)), member.group).length,
        scoringDeadline: tender.scoringDeadline,
      };
    });
  }
}
