import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { PanelDirectory } from '../panel/panel-directory.service';
import { TendersService } from '../tenders/tenders.service';
import { ConflictMitigation, ConflictReview, DeclarationVersion } from './conflict-register.entity';
import type { Act, DecisionAct, PanelVersion, RegisterInput, TeamVersion } from './domain/conflict-register';

/** The audit actions that make a team member an approver of the decision. */
const ACTS: Record<string, DecisionAct> = {
  'tender.opening_approved': 'approved_opening',
  'tender.close': 'opened_bids',
  'tender.award': 'awarded',
};

/**
 * Reads everything the conflicts assessment is made of, in the caller's unit of work: the
 * team (TendersService.listTeam), the panel with its names on the record and its declarations
 * (PanelDirectory: lived-experience members by pseudonym), the register's own versions,
 * mitigations and reviews, and who approved opening or awarded (the audit trail).
 */
@Injectable()
export class ConflictRegisterReader {
  constructor(
    private readonly tenders: TendersService,
    private readonly panel: PanelDirectory,
    private readonly audit: AuditService,
  ) {}

  async read(em: EntityManager, caller: Caller, tenderId: string): Promise<RegisterInput & { names: Map<string, string> }> {
    const team = await this.tenders.listTeam(caller, tenderId);
    const names = new Map(team.map((member) => [member.userId, member.name]));
    const nameOf = (userId: string): string => names.get(userId) ?? 'A former team member';
    const members = await this.panel.members(em, tenderId);
    const recordNames = this.panel.namesOnRecord(members);
    const declarations = await this.panel.declarations(em, tenderId);
    const versions = await em
      .getRepository(DeclarationVersion)
      .find({ where: { tenderId }, order: { declaredAt: 'ASC', version: 'ASC' } });
    const panelVersions: PanelVersion[] = versions
      .filter((row) => row.subject === 'panel_bid')
      .map((row) => ({
        declarationId: row.subjectId,
        panelMemberId: row.panelMemberId ?? '',
        bidId: row.bidId ?? '',
        version: row.version,
        conflict: row.conflict,
        details: row.details,
        at: row.declaredAt,
      }));
    // A declaration made before the register existed has no version yet: its current statement is version 1.
    const versioned = new Set(panelVersions.map((row) => row.declarationId));
    for (const declaration of declarations.filter((row) => !versioned.has(row.id))) {
      panelVersions.push({
        declarationId: declaration.id,
        panelMemberId: declaration.panelMemberId,
        bidId: declaration.bidId,
        version: 1,
        conflict: declaration.conflict,
        details: declaration.details,
        at: declaration.escalatedAt ?? declaration.declaredAt,
      });
    }
    const teamVersions: TeamVersion[] = versions
      .filter((row) => row.subject === 'team')
      .map((row) => ({
        userId: row.subjectId,
        version: row.version,
        conflict: row.conflict,
        details: row.details,
        at: row.declaredAt,
      }));
    // Bidder names only once bids are declared on (after the box opens): a sealed tender reads no bid.
    const bidderNames = new Map<string, string>();
    if (panelVersions.length > 0) {
      for (const bid of await this.panel.countedBids(em, tenderId)) bidderNames.set(bid.id, bid.bidderName);
    }
    const mitigations = await em.getRepository(ConflictMitigation).find({ where: { tenderId } });
    const reviews = await em.getRepository(ConflictReview).find({ where: { tenderId } });
    const acts: Act[] = (await this.audit.actorsOf(em, tenderId, Object.keys(ACTS))).map((row) => ({
      userId: row.actorId,
      act: ACTS[row.action],
      at: row.at,
    }));
    return {
      names,
      team: team.map((member) => ({ userId: member.userId, name: member.name, role: member.role })),
      panel: members.map((member) => ({
        panelMemberId: member.id,
        recordName: recordNames.get(member.id) ?? 'Panel member',
        livedExperience: member.group === 'lived_experience',
      })),
      bidderNames,
      panelVersions,
      teamVersions,
      mitigations: mitigations.map((row) => ({
        subject: row.subject,
        subjectId: row.subjectId,
        version: row.version,
        text: row.text,
        byName: nameOf(row.recordedById),
        at: row.recordedAt,
      })),
      reviews: reviews.map((row) => ({
        revision: row.revision,
        note: row.note,
        byName: nameOf(row.reviewedById),
        at: row.reviewedAt,
      })),
      acts,
    };
  }
}
