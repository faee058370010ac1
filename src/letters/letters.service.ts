import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import type { PanelMember } from '../panel/panel-member.entity';
import { InvitationsService } from '../panel/invitations.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import type { Tender } from '../tenders/tender.entity';
import { deadlineInWords } from '../common/domain/time-in-words';
import { invitationLetter } from './domain/invitation-letter';
import type { LetterFormat } from './domain/letter-formats';
import { dayInWords, memberNamed, safeName, tenderPeople } from './letter-facts';
import { renderLetters, type PrintableLetter } from './letter-pdf';
import { LetterFormatPreference, LetterPaymentWording } from './letter-seams';

export interface PrintedFile {
  pdf: Buffer;
  fileName: string;
}

export interface PrintedLetter extends PrintedFile {
  format: LetterFormat;
  invitationId: string;
}

/**
 * Printed invitation letters. Invitations keep only hashes of their token and code, so a
 * letter cannot reprint an old link: printing one issues a new invitation (revoking the
 * member's open one, exactly as "send a new link" does) and lays the letter out from it in
 * the same transaction; the audit has `panel_invitation.issued` and `panel_letter.printed`.
 * A letter that fails to render rolls the new invitation back, so the old link still works.
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly invitations: InvitationsService,
    private readonly directory: PanelDirectory,
    private readonly payment: LetterPaymentWording,
    private readonly preference: LetterFormatPreference,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async printLetter(caller: Caller, tenderId: string, memberId: string, format?: LetterFormat): Promise<PrintedLetter> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const { member, name } = memberNamed(await this.directory.members(em, tenderId), memberId);
      const printed = await this.letterFor(em, caller, tender, member, name, format);
      return {
        pdf: await renderLetters([printed]),
        fileName: `invitation-letter-${safeName(tender.reference)}-${member.joinOrder}${printed.format === 'large-print' ? '-large-print' : ''}.pdf`,
        format: printed.format,
        invitationId: printed.invitationId,
      };
    });
  }

  /**
   * Letters for every member who has not accepted their seat and signs in by link (no
   * password, account active): one page each, in `format` or each member's preferred one, each
   * from a new invitation. 409 when there is no one to print for.
   */
  async printUnaccepted(caller: Caller, tenderId: string, format?: LetterFormat): Promise<PrintedFile & { members: number }> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const members = (await this.directory.members(em, tenderId)).filter(
        (m) => m.acceptedAt === null && m.user !== undefined && m.user.passwordHash === null && m.user.active,
      );
      if (members.length === 0) {
        throw new DomainError(
          'invalid_state',
          'Everyone on the panel has signed in or signs in with a password, so there are no letters to print.',
        );
      }
      // One member at a time through the one issuing rule: a panel is a dozen people, not thousands.
      const printed: (PrintableLetter & { invitationId: string })[] = [];
      for (const member of members) {
        printed.push(await this.letterFor(em, caller, tender, member, memberNamed(members, member.id).name, format));
      }
      return {
        pdf: await renderLetters(printed),
        fileName: `invitation-letters-${safeName(tender.reference)}.pdf`,
        members: printed.length,
      };
    });
  }

  /** Issues the member a new invitation and lays their letter out from it, on the audit trail. */
  private async letterFor(
    em: EntityManager,
    caller: Caller,
    tender: Tender,
    member: PanelMember,
    name: string,
    format: LetterFormat | undefined,
  ): Promise<PrintableLetter & { invitationId: string }> {
    // The nested transaction joins this one: issuing and printing commit together.
    const invitation = await this.invitations.issue(caller, tender.id, member.id);
    const chosen = format ?? (await this.preference.preferredFormat(em, tender.id, member.id));
    const people = await tenderPeople(em, tender);
    const letter = invitationLetter({
      memberName: name,
      organisation: people.organisation,
      tenderTitle: tender.title,
      url: invitation.url,
      codeUrl: `${this.config.publicUrl}/invitation`,
      code: invitation.code,
      linkExpires: deadlineInWords(new Date(invitation.expiresAt)),
      scoringDeadline: tender.scoringDeadline ? deadlineInWords(tender.scoringDeadline) : null,
      contact: people.contact,
      paymentParagraph: await this.payment.paragraphFor(em, tender.id, member.group),
      printedOn: dayInWords(this.clock.now()),
    });
    await this.audit.record(em, {
      actorId: caller.id,
      action: 'panel_letter.printed',
      entityType: 'panel_member',
      entityId: member.id,
      tenderId: tender.id,
      // The invitation's id, never its token or code.
      after: { panelMemberId: member.id, invitationId: invitation.id, format: chosen },
    });
    return { letter, format: chosen, invitationId: invitation.id };
  }
}
