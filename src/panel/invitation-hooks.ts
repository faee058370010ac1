import { Injectable } from '@nestjs/common';
import { Hooks } from '../common/hooks';
import type { Tender } from '../tenders/tender.entity';
import type { User } from '../users/user.entity';
import type { PanelMember } from './panel-member.entity';

/** An invitation just issued: the only moment its token and code exist in the clear. */
export interface InvitationIssued {
  tender: Tender;
  member: PanelMember;
  user: User;
  url: string;
  code: string;
  expiresAt: Date;
}

/** Run inside the issuing unit of work (the notifications feature emails the invitation). */
@Injectable()
export class InvitationHooks extends Hooks<InvitationIssued> {}
