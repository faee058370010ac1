import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { AuditService } from '../audit/audit.service';
import { AuditEventResponse, ChainVerificationResponse } from '../audit/dto/audit-event.response';
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

  /** The tender's own chain and the service chain's anchors of it (the team checks its trail). */
  @Get('tenders/:tenderId/audit/verify')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: "Re-compute the tender's audit hash chain (team)",
    description:
      "Checks the tender's own chain, the service chain, and the anchors the service chain holds of the tender's chain. Shows no content: only whether every link holds.",
  })
  @ApiOkResponse({ type: ChainVerificationResponse })
  async verifyTender(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<ChainVerificationResponse> {
    return this.trails.verify(caller, tenderId);
  }

  /** Re-computes the whole hash chain (admins keep the system honest; no tender content shown). */
  @Get('audit/verify')
  @Auth('admin')
  @ApiOperation({
    summary: 'Re-compute every audit hash chain (admin)',
    description:
      "Checks the service chain, every tender's chain and the service chain's anchors of them. Shows no tender content: only whether every link holds.",
  })
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(): Promise<ChainVerificationResponse> {
    return this.audit.verify();
  }
}
