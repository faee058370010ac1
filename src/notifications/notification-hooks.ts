import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ClarificationHooks } from '../clarifications/clarification-hooks';
import { InvitationHooks } from '../panel/invitation-hooks';
import { ScoringHooks } from '../scoring/scoring-hooks';
import { enqueueInvitation } from './invitation-notice';
import { Notices } from './notices.service';
import { Outbox } from './outbox.service';

/**
 * Registers the notices with the features that tell of a change: each runs inside that
 * change's unit of work, so a rolled-back change enqueues nothing. The features know
 * nothing of email (the dependency points from here to them).
 */
@Injectable()
export class NotificationHooks implements OnModuleInit {
  constructor(
    private readonly outbox: Outbox,
    private readonly notices: Notices,
    private readonly invitations: InvitationHooks,
    private readonly scoring: ScoringHooks,
    private readonly clarifications: ClarificationHooks,
  ) {}

  onModuleInit(): void {
    this.invitations.on((em, issued) => enqueueInvitation(this.outbox, em, issued));
    this.scoring.on((em, { tender }) => this.notices.scoresSubmitted(em, tender));
    this.clarifications.on((em, entry) => this.notices.clarificationPublished(em, entry));
  }
}
