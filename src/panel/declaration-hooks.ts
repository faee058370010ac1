import { Injectable } from '@nestjs/common';
import { Hooks } from '../common/hooks';

/** A panel member's declaration just written: its first statement, or "no conflict" turned into a conflict. */
export interface DeclarationRecorded {
  declarationId: string;
  tenderId: string;
  panelMemberId: string;
  bidId: string;
  conflict: boolean;
  details: string | null;
  at: Date;
  actorId: string;
  /** The statement this one replaced in conflict_declarations (an escalation), else null. */
  before: { conflict: boolean; details: string | null; at: Date } | null;
}

/**
 * Run inside the declaring unit of work: the conflicts feature keeps every statement as a
 * version of the register (the row in conflict_declarations holds only the current one).
 */
@Injectable()
export class DeclarationHooks extends Hooks<DeclarationRecorded> {}
