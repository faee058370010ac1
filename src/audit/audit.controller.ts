import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenderAccess } from '../access/tender-access.service';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import { AuditService } from './audit.service';
import { AuditEventResponse, ChainVerificationResponse } from './dto/audit-event.response';
import { trailRedaction } from './trail-rules';

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
  @ApiOperation({ summary: "The tender's audit trail (team)", description: 'While bids are sealed no bid content is shown, and until moderation no score values.' })
  @ApiOkResponse({ type: [AuditEventResponse] })
  async forTender(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<AuditEventResponse[]> {
    const { tender } = await this.db.read((em) => this.access.require(em, caller, tenderId, 'team'));
    const events = await this.audit.listForTender(tenderId);
    const hide = trailRedaction(tender);
    return events.map((event) => AuditEventResponse.from(event, hide));
  }

  /** Re-computes the whole hash chain (admins keep the system honest; no tender content shown). */
  @Get('audit/verify')
  @Auth('admin')
  @ApiOperation({ summary: 'Re-compute the whole audit hash chain (admin)', description: 'Shows no tender content: only whether every link holds.' })
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(): Promise<ChainVerificationResponse> {
    return this.audit.verify();
  }
}
