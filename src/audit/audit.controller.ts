import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { AuditService } from './audit.service';
import { AuditEventResponse, ChainVerificationResponse } from './dto/audit-event.response';
import { TenderAuditTrailService } from './tender-audit-trail.service';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly trails: TenderAuditTrailService,
  ) {}

  /** The tender's trail. While bids are sealed no bid content; until moderation no score values. */
  @Get('tenders/:tenderId/audit')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: "The tender's audit trail (team)",
    description: 'While bids are sealed no bid content is shown, and until moderation no score values.',
  })
  @ApiOkResponse({ type: [AuditEventResponse] })
  async forTender(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<AuditEventResponse[]> {
    return (await this.trails.trail(caller, tenderId)).events;
  }

  /** Re-computes the whole hash chain (admins keep the system honest; no tender content shown). */
  @Get('audit/verify')
  @Auth('admin')
  @ApiOperation({
    summary: 'Re-compute the whole audit hash chain (admin)',
    description: 'Shows no tender content: only whether every link holds.',
  })
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(): Promise<ChainVerificationResponse> {
    return this.audit.verify();
  }
}
