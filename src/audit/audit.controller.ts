import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenderAccess } from '../access/tender-access.service';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import { boxIsOpen } from '../bids/bid-rules';
import { reached } from '../tenders/tender-lifecycle';
import { AuditService } from './audit.service';
import { AuditEventResponse, ChainVerificationResponse } from './dto/audit-event.response';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: TenderAccess,
    private readonly db: Db,
  ) {}

  /** The tender's trail. While bids are sealed no bid content; until moderation no score values. */
  @Get('tenders/:tenderId/audit')
  @Auth('commissioner', 'procurement')
  @ApiOkResponse({ type: [AuditEventResponse] })
  async forTender(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<AuditEventResponse[]> {
    const { tender } = await this.db.read((em) => this.access.require(em, caller, tenderId, 'team'));
    const events = await this.audit.listForTender(tenderId);
    const hide = {
      bid_content: !boxIsOpen(tender),
      // a tender cancelled during evaluation never reveals its scores either
      score: !reached(tender.status, 'moderation'),
    };
    return events.map((event) => AuditEventResponse.from(event, hide));
  }

  /** Re-computes the whole hash chain (admins keep the system honest; no tender content shown). */
  @Get('audit/verify')
  @Auth('admin')
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(): Promise<ChainVerificationResponse> {
    return this.audit.verify();
  }
}
