import { Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { UserResponse } from '../../users/dto/user.response';
import { UsersService } from '../../users/users.service';
import { PageCaller, WebPages } from '../web-page';
import { bidderOnly } from './bidder-frame';
import { ORGANISATION_TYPE_ITEMS } from './register-pages.controller';

/**
 * A bidder's account: who they are and for which organisation (GET /api/me's own read), the
 * change-password page (/account/password, PasswordsService.changeOwn, shared with the team),
 * and what to do when the password is forgotten: a reset link from the service's admin,
 * redeemed at /reset-password/:token (PasswordsService.redeemReset), as for every account.
 */
@WebPages('account')
export class BidderAccountPagesController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async account(@PageCaller() caller: Caller, @Res() res: Response): Promise<void> {
    bidderOnly(caller, res);
    const me = UserResponse.from((await this.users.findById(caller.id))!);
    const type = ORGANISATION_TYPE_ITEMS.find((item) => item.value === me.organisation?.type);
    res.render('bidder/views/account.njk', {
      pageTitle: 'Your account',
      me,
      organisationType: type?.text ?? null,
    });
  }
}
