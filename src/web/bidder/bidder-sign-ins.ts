import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ClarificationNewsService } from '../../clarifications/clarification-news.service';
import { SignInHooks } from '../sign-in-hooks';

/** Keeps each bidder's sign-ins, so the opportunities page can tell of answers published since the last one. */
@Injectable()
export class BidderSignIns implements OnModuleInit {
  constructor(
    private readonly signIns: SignInHooks,
    private readonly news: ClarificationNewsService,
  ) {}

  onModuleInit(): void {
    this.signIns.on(async (em, { user }) => {
      if (user.role === 'bidder') await this.news.recordSignIn(em, user.id);
    });
  }
}
