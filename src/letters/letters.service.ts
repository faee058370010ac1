import { Inject, Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import { InvitationsService } from '../panel/invitations.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { deadlineInWords } from '../common/domain/time-in-words';
import { invitationLetter } from './domain/invitation-letter';
import type { LetterFormat } from './domain/letter-formats';
import { dayInWords, memberNamed, safeName, tenderPeople } from './letter-facts';
import { renderLetters } from './letter-pdf';
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
      // The nested transaction joins this one: issuing and printing commit together.
      const invitation = await this.invitations.issue(caller, tenderId, member.id);
      const chosen = format ?? (await this.preference.preferredFormat(em, tenderId, member.id));
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
        paymentParagraph: await this.payment.paragraphFor(em, tenderId, member.id),
        printedOn: dayInWords(this.clock.now()),
      });
      const pdf = await renderLetters([letter], chosen);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'panel_letter.printed',
        entityType: 'panel_member',
        entityId: member.id,
        tenderId,
        // The invitation's id, never its token or code.
        after: { panelMemberId: member.id, invitationId: invitation.id, format: chosen },
      });
      return {
        pdf,
        fileName: `invitation-letter-${safeName(tender.reference)}-${member.joinOrder}${chosen === 'large-print' ? '-large-print' : ''}.pdf`,
        format: chosen,
        invitationId: invitation.id,
      };
    });
  }
}
