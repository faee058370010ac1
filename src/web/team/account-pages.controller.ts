import { Body, Get, Ip, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ChangePasswordDto, RedeemPasswordResetDto } from '../../sign-in/dto/password.dto';
import { PasswordsService } from '../../sign-in/passwords.service';
import { ROLES, type Caller, type Role } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { AccountAdminService } from '../../users/account-admin.service';
import { ChangeRoleDto } from '../../users/dto/change-role.dto';
import { CreateUserDto } from '../../users/dto/create-user.dto';
import { UserFilterQuery } from '../../users/dto/user-filter.query';
import { ORGANISATION_TYPES } from '../../users/organisation.entity';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { pageError } from '../web-error.filter';
import { fieldProblems, plainRefusal, requireRole, teamFrame } from './team-frame';
import { ORGANISATION_WORDS, ROLE_WORDS, dateWords } from './team-view';

const PASSWORD_WORDS = 'Enter a first password of at least 12 characters (a panel member needs none)';

/**
 * Issue 14, page 1: change your own password; the admin's account pages (create, list with
 * filters, deactivate and reactivate, change role, send a reset link); the reset link's own
 * page. The same services as /api/users, /api/me/password and /api/auth/password-reset.
 */
@WebPages()
export class AccountPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountAdminService,
    private readonly passwords: PasswordsService,
  ) {}

  /* ------------------------------------------------------------ own password ---------- */

  @Get('account/password')
  passwordPage(@PageCaller() caller: Caller, @Query('changed') changed: string | undefined, @Res() res: Response): void {
    if (caller.seat) throw seatHasNoPassword();
    teamFrame(res, caller, '/account/password');
    res.render('team/views/change-password.njk', { pageTitle: 'Change your password', changed: changed === '1', ...noErrors() });
  }

  @Post('account/password')
  async changePassword(@PageCaller() caller: Caller, @Body() body: unknown, @Res() res: Response): Promise<void> {
    if (caller.seat) throw seatHasNoPassword();
    teamFrame(res, caller, '/account/password');
    const { value, form } = validateForm(
      ChangePasswordDto,
      { currentPassword: formValue(body, 'currentPassword'), newPassword: formValue(body, 'newPassword') },
      {
        currentPassword: 'Enter your current password',
        newPassword: 'Your new password must be 12 to 200 characters long. A few words make a good one.',
      },
    );
    if (!formValue(body, 'currentPassword')) addError(form, 'currentPassword', 'Enter your current password');
    if (form.errors.length === 0) {
      try {
        await this.passwords.changeOwn(caller, value.currentPassword, value.newPassword);
        return res.redirect(303, '/account/password?changed=1');
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'rule_violation') throw error;
        const [problem] = fieldProblems(error);
        if (problem?.field === 'newPassword')
          addError(form, 'newPassword', 'Choose a new password that is not the same as your current one');
        else addError(form, 'currentPassword', 'Your current password is not right. Type the password you signed in with.');
      }
    }
    res.status(400).render('team/views/change-password.njk', { pageTitle: 'Change your password', changed: false, ...form });
  }

  /* ----------------------------------------------------------- reset link page ---------- */

  @Get('reset-password/:token')
  resetPage(@Param('token') _token: string, @Res() res: Response): void {
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.render('team/views/reset-password.njk', { pageTitle: 'Choose a new password', ...noErrors() });
  }

  @Post('reset-password/:token')
  async reset(
    @Param('token') token: string,
    @Body() body: unknown,
    @Ip() clientAddress: string,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('Referrer-Policy', 'no-referrer');
    const { value, form } = validateForm(
      RedeemPasswordResetDto,
      { token, password: formValue(body, 'password') },
      {
        password: 'Your new password must be 12 to 200 characters long. A few words make a good one.',
        token: 'This link does not work',
      },
    );
    if (form.errors.length === 0) {
      try {
        await this.passwords.redeemReset(value.token, value.password, clientAddress);
        return res.render('team/views/password-set.njk', { pageTitle: 'Your password is set' });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'unauthorized') throw error;
        throw pageError(400, {
          pageTitle: 'This link does not work',
          lines: [
            'The link may be old, or it was used already. A link works once, for one hour.',
            'Ask your admin to send you a new one.',
          ],
          next: { href: '/sign-in', text: 'Go to sign in' },
        });
      }
    }
    res.status(400).render('team/views/reset-password.njk', { pageTitle: 'Choose a new password', ...form });
  }

  /* ------------------------------------------------------------ admin: accounts ---------- */

  @Get('accounts')
  async list(@PageCaller() caller: Caller, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    requireRole(caller, 'admin');
    teamFrame(res, caller, '/accounts');
    const filter = {
      role: typeof query.role === 'string' && query.role ? query.role : undefined,
      active: typeof query.active === 'string' && query.active ? query.active : undefined,
    };
    const { value, form } = validateForm(UserFilterQuery, filter, {
      role: 'Choose a role from the list',
      active: 'Choose active or deactivated',
    });
    const accounts = form.errors.length === 0 ? await this.accounts.list(value) : [];
    res.status(form.errors.length ? 400 : 200).render('team/views/accounts.njk', {
      pageTitle: 'Accounts',
      filter,
      roles: ROLES.map((role) => ({ value: role, text: ROLE_WORDS[role], selected: filter.role === role })),
      rows: accounts.map((user) => accountRow(user)),
      ...form,
    });
  }

  @Get('accounts/new')
  newAccountPage(@PageCaller() caller: Caller, @Res() res: Response): void {
    requireRole(caller, 'admin');
    this.renderNew(res, caller, {}, noErrors());
  }

  @Post('accounts/new')
  async createAccount(@PageCaller() caller: Caller, @Body() body: unknown, @Res() res: Response): Promise<void> {
    requireRole(caller, 'admin');
    const values = {
      name: formValue(body, 'name').trim(),
      email: formValue(body, 'email').trim(),
      role: formValue(body, 'role'),
      organisationName: formValue(body, 'organisationName').trim(),
      organisationType: formValue(body, 'organisationType'),
    };
    const password = formValue(body, 'password');
    const bidder = values.role === 'bidder';
    const { value, form } = validateForm(
      CreateUserDto,
      {
        name: values.name,
        email: values.email,
        role: values.role || undefined,
        ...(password ? { password } : {}),
        ...(bidder
          ? { organisationName: values.organisationName || undefined, organisationType: values.organisationType || undefined }
          : {}),
      },
      {
        name: 'Enter the person’s full name',
        email: 'Enter an email address in the right form, like name@example.org',
        role: 'Choose what the person does',
        organisationName: 'Enter the name of the bidder’s organisation',
        organisationType: 'Choose the kind of organisation',
        password: PASSWORD_WORDS,
      },
    );
    if (!password && values.role && values.role !== 'panelist') addError(form, 'password', PASSWORD_WORDS);
    if (bidder && !values.organisationName) addError(form, 'organisationName', 'Enter the name of the bidder’s organisation');
    if (bidder && !values.organisationType) addError(form, 'organisationType', 'Choose the kind of organisation');
    if (form.errors.length === 0) {
      try {
        const user = await this.users.create(caller, value);
        return res.redirect(303, `/accounts/${user.id}?created=1`);
      } catch (error) {
        if (!(error instanceof DomainError) || !['invalid_state', 'rule_violation'].includes(error.code)) throw error;
        const [problem] = fieldProblems(error);
        if (problem?.field === 'email' || /email/i.test(error.detail))
          addError(form, 'email', 'There is already an account with this email address');
        else addError(form, problem?.field ?? 'name', error.detail);
      }
    }
    this.renderNew(res.status(400), caller, values, form);
  }

  @Get('accounts/:userId')
  async account(
    @PageCaller() caller: Caller,
    @Param('userId') userId: string,
    @Query() query: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    requireRole(caller, 'admin');
    const user = await this.accounts.get(userId);
    this.renderAccount(res, caller, user, noErrors(), { created: query.created === '1', changed: query.changed });
  }

  @Post('accounts/:userId/deactivate')
  async deactivate(@PageCaller() caller: Caller, @Param('userId') userId: string, @Res() res: Response): Promise<void> {
    await this.accountChange(caller, userId, res, 'active', () => this.accounts.setActive(caller, userId, false), 'deactivated');
  }

  @Post('accounts/:userId/reactivate')
  async reactivate(@PageCaller() caller: Caller, @Param('userId') userId: string, @Res() res: Response): Promise<void> {
    await this.accountChange(caller, userId, res, 'active', () => this.accounts.setActive(caller, userId, true), 'reactivated');
  }

  @Post('accounts/:userId/role')
  async changeRole(
    @PageCaller() caller: Caller,
    @Param('userId') userId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    requireRole(caller, 'admin');
    const { value, form } = validateForm(
      ChangeRoleDto,
      { role: formValue(body, 'role') || undefined },
      { role: 'Choose the new role' },
    );
    if (form.errors.length > 0) return this.renderAccount(res.status(400), caller, await this.accounts.get(userId), form, {});
    await this.accountChange(caller, userId, res, 'role', () => this.accounts.changeRole(caller, userId, value.role), 'role');
  }

  @Post('accounts/:userId/password-reset')
  async sendReset(@PageCaller() caller: Caller, @Param('userId') userId: string, @Res() res: Response): Promise<void> {
    requireRole(caller, 'admin');
    const user = await this.accounts.get(userId);
    try {
      const link = await this.passwords.issueReset(caller, userId);
      teamFrame(res, caller, '/accounts');
      res.render('team/views/reset-link.njk', {
        pageTitle: `Password reset link for ${user.name}`,
        user,
        link,
        expires: dateWords(link.expiresAt),
      });
    } catch (error) {
      const form = addError(noErrors(), 'reset', plainRefusal(error, ['invalid_state']), 'send-reset');
      this.renderAccount(res.status(409), caller, user, form, {});
    }
  }

  /* ------------------------------------------------------------------ helpers ---------- */

  private async accountChange(
    caller: Caller,
    userId: string,
    res: Response,
    field: string,
    change: () => Promise<User>,
    changed: string,
  ): Promise<void> {
    requireRole(caller, 'admin');
    try {
      await change();
      res.redirect(303, `/accounts/${userId}?changed=${changed}`);
    } catch (error) {
      const form = addError(
        noErrors(),
        field,
        plainRefusal(error, ['invalid_state', 'rule_violation']),
        field === 'role' ? 'role' : 'active-change',
      );
      this.renderAccount(res.status(409), caller, await this.accounts.get(userId), form, {});
    }
  }

  private renderNew(res: Response, caller: Caller, values: Record<string, string>, form: FormErrors): void {
    teamFrame(res, caller, '/accounts');
    res.render('team/views/account-new.njk', {
      pageTitle: 'Create an account',
      values,
      roles: ROLES.map((role) => ({ value: role, text: ROLE_WORDS[role], checked: values.role === role })),
      organisationTypes: ORGANISATION_TYPES.map((type) => ({
        value: type,
        text: ORGANISATION_WORDS[type] ?? type,
        checked: values.organisationType === type,
      })),
      ...form,
    });
  }

  private renderAccount(
    res: Response,
    caller: Caller,
    user: User,
    form: FormErrors,
    notice: { created?: boolean; changed?: string },
  ): void {
    teamFrame(res, caller, '/accounts');
    res.render('team/views/account.njk', {
      pageTitle: user.name,
      user,
      row: accountRow(user),
      own: user.id === caller.id,
      notice,
      roles: ROLES.map((role: Role) => ({ value: role, text: ROLE_WORDS[role], checked: user.role === role })),
      ...form,
    });
  }
}

function accountRow(user: User) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: ROLE_WORDS[user.role] ?? user.role,
    active: user.active,
    organisation: user.organisation?.name ?? null,
    created: dateWords(user.createdAt.toISOString()),
  };
}

const seatHasNoPassword = (): DomainError =>
  pageError(403, {
    pageTitle: 'You do not have a password',
    lines: ['You signed in with a link, which is only for scoring.', 'Ask the tender team if you need a password.'],
  });
