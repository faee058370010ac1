import type { EntityManager } from 'typeorm';
import { seatContact } from '../panel/domain/panel-rules';
import type { PanelMember } from '../panel/panel-member.entity';
import type { Tender } from '../tenders/tender.entity';
import type { User } from '../users/user.entity';
import { deadlineInWords } from '../common/domain/time-in-words';
import { invitationEmail } from './domain/templates';
import type { Outbox } from './outbox.service';

/**
 * The invitation email, enqueued where the invitation is issued: the token and code exist
 * only then (the database keeps their hashes). The row keeps the body to send it; the
 * team's pages show it masked.
 */
export async function enqueueInvitation(
  outbox: Outbox,
  em: EntityManager,
  input: { tender: Tender; member: PanelMember; user: User; url: string; code: string; expiresAt: Date },
): Promise<void> {
  const contact = seatContact(input.member, input.user);
  await outbox.enqueue(em, {
    tenderId: input.tender.id,
    kind: 'panel_invitation',
    to: contact.email,
    recipientId: input.member.id,
    panelMemberId: input.member.id,
    secret: true,
    email: invitationEmail({
      name: contact.name,
      tender: {
        title: input.tender.title,
        team: 'the tender team',
        deadline: input.tender.scoringDeadline ? `Please finish by ${deadlineInWords(input.tender.scoringDeadline)}.` : null,
      },
      url: input.url,
      code: input.code,
      expires: deadlineInWords(input.expiresAt),
    }),
  });
}
