import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { reached } from '../tenders/domain/tender-lifecycle';
import { ConflictDeclaration } from './conflict-declaration.entity';
import type { DeclareInterestDto } from './dto/declare-interest.dto';
import { DeclarationStatementResponse, type DeclarationResponse, type DeclarationsResponse } from './dto/declaration.response';
import { PanelDirectory } from './panel-directory.service';
import { DeclarationHooks } from './declaration-hooks';
import { assertDeclarationsOpen, declarationChange, outstandingDeclarations } from './domain/panel-rules';
import { retryOnUniqueViolation } from '../database/unique-violation';

/**
 * Conflicts of interest first: a panel member declares on every bid, by bidder name,
 * before any bid content or scoring opens for them (TenderAccess.panelBidAccess).
 */
@Injectable()
export class DeclarationsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: PanelDirectory,
    private readonly hooks: DeclarationHooks,
  ) {}

  async list(caller: Caller, tenderId: string): Promise<DeclarationsResponse> {
    return this.db.read(async (em) => {
      const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
      if (!reached(tender.status, 'evaluation')) assertDeclarationsOpen(tender.status);
      const bids = await this.access.panelBids(em, tender);
      const declarations = new Map((await this.directory.declarations(em, tenderId, member.id)).map((d) => [d.bidId, d]));
      const outstanding = outstandingDeclarations(
        bids.map((bid) => bid.id),
        new Set(declarations.keys()),
      );
      return {
        tenderId,
        complete: outstanding.length === 0,
        outstanding: outstanding.length,
        bids: bids.map((bid) => {
          const declaration = declarations.get(bid.id);
          return {
            bidId: bid.id,
            bidderName: bid.bidderName,
            declaration: declaration ? DeclarationStatementResponse.from(declaration) : null,
          };
        }),
      };
    });
  }

  async declare(caller: Caller, tenderId: string, bidId: string, dto: DeclareInterestDto): Promise<DeclarationResponse> {
    const next = { conflict: dto.conflict, details: dto.details?.trim() ?? null };
    return retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
        assertDeclarationsOpen(tender.status);
        const bids = await this.access.panelBids(em, tender);
        const bid = bids.find((candidate) => candidate.id === bidId);
        if (!bid) throw new DomainError('not_found', 'Bid not found.');
        const repo = em.getRepository(ConflictDeclaration);
        const existing = await repo.findOne({ where: { panelMemberId: member.id, bidId } });
        const change = declarationChange(existing, next);
        const now = this.clock.now();
        let declaration: ConflictDeclaration;
        if (change === 'created') {
          declaration = repo.create({
            id: newId(),
            tenderId,
            panelMemberId: member.id,
            bidId,
            conflict: next.conflict,
            details: next.details,
            declaredAt: now,
            escalatedAt: null,
          });
          await repo.insert(declaration);
        } else if (change === 'escalated') {
          declaration = { ...existing!, conflict: true, details: next.details, escalatedAt: now };
          await repo.update({ id: declaration.id }, { conflict: true, details: next.details, escalatedAt: now });
        } else {
          declaration = existing!;
        }
        if (change !== 'unchanged') {
          await this.hooks.run(em, {
            declarationId: declaration.id,
            tenderId,
            panelMemberId: member.id,
            bidId,
            conflict: declaration.conflict,
            details: declaration.details,
            at: now,
            actorId: caller.id,
            before: existing
              ? { conflict: existing.conflict, details: existing.details, at: existing.escalatedAt ?? existing.declaredAt }
              : null,
          });
          await this.audit.record(em, {
            actorId: caller.id,
            action: change === 'created' ? 'conflict_declaration.declared' : 'conflict_declaration.escalated',
            entityType: 'conflict_declaration',
            entityId: declaration.id,
            tenderId,
            before: existing ? { conflict: existing.conflict, details: existing.details } : null,
            after: { panelMemberId: member.id, bidId, conflict: declaration.conflict, details: declaration.details },
          });
        }
        const declared = new Set((await this.directory.declarations(em, tenderId, member.id)).map((d) => d.bidId));
        return {
          ...DeclarationStatementResponse.from(declaration),
          bidId,
          bidderName: bid.bidderName,
          outstanding: outstandingDeclarations(
            bids.map((b) => b.id),
            declared,
          ).length,
        };
      }),
    );
  }
}
