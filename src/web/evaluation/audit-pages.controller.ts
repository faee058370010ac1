import { Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { TenderAuditTrailService } from '../../audit-trail/tender-audit-trail.service';
import type { Caller } from '../../common/caller';
import { PageCaller, WebPages } from '../web-page';
import { AUDIT_KINDS, auditKind, auditSentence, chainSentence, when } from './evaluation-view';
import { TenderFrame } from './tender-frame';

const PER_PAGE = 100;

/**
 * The audit trail (issue 14, page 11): the tender's events as GET /api/tenders/:id/audit gives
 * them (withheld content stays withheld), in plain words with people's names, newest first,
 * filtered by kind, and whether the tender's hash chain still holds (TenderAuditTrailService.verify: its own chain and the service chain's anchors of it, which
 * shows no tender content).
 */
@WebPages('pages/tenders')
export class AuditPagesController {
  constructor(
    private readonly frame: TenderFrame,
    private readonly trails: TenderAuditTrailService,
  ) {}

  @Get(':id/audit')
  async trail(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Query('kind') kindQuery: string | undefined,
    @Query('page') pageQuery: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'audit');
    const [{ events, names }, chain] = await Promise.all([
      this.trails.trail(caller, tenderId),
      this.trails.verify(caller, tenderId),
    ]);
    const kind = kindQuery && AUDIT_KINDS[kindQuery] ? kindQuery : '';
    const chosen = events.filter((event) => !kind || auditKind(event.action) === kind).reverse();
    const pages = Math.max(1, Math.ceil(chosen.length / PER_PAGE));
    const page = Math.min(pages, Math.max(1, Number.parseInt(pageQuery ?? '1', 10) || 1));
    const link = (n: number) =>
      `/tenders/${tenderId}/audit?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(n) }).toString()}`;
    res.render('evaluation/views/audit.njk', {
      pageTitle: 'Audit trail',
      tenderId,
      chain: { ok: chain.ok, sentence: chainSentence(chain) },
      total: events.length,
      shown: chosen.length,
      kind,
      kinds: [
        { value: '', text: 'Everything' },
        ...Object.entries(AUDIT_KINDS).map(([value, text]) => ({ value, text, selected: value === kind })),
      ],
      rows: chosen.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((event) => ({
        seq: event.seq,
        at: when(event.occurredAt),
        sentence: auditSentence(
          event.action,
          event.actorId ? (names.get(event.actorId) ?? 'A former user') : null,
          event.entityId,
        ),
        withheld: event.redacted,
      })),
      pagination:
        pages > 1
          ? {
              previous: page > 1 ? { href: link(page - 1) } : undefined,
              next: page < pages ? { href: link(page + 1) } : undefined,
              items: Array.from({ length: pages }, (_, index) => ({
                number: index + 1,
                href: link(index + 1),
                current: index + 1 === page,
              })),
            }
          : null,
    });
  }
}
