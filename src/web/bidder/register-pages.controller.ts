import { Body, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService } from '../../sign-in/auth.service';
import { RegisterDto } from '../../sign-in/dto/register.dto';
import { DomainError } from '../../common/domain/domain-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UsersService } from '../../users/users.service';
import { sessionCookie } from '../configure-web';
import { addError, noErrors, validateForm } from '../form';
import { formValue, WebPages } from '../web-page';
import { WebSessionService } from '../web-session.service';

export const ORGANISATION_TYPE_ITEMS = [
  {
    value: 'vcse',
    text: 'Voluntary, community or social enterprise (VCSE)',
    hint: { text: 'A charity, community group, social enterprise or co-operative' },
  },
  { value: 'sme', text: 'Small or medium business (SME)', hint: { text: 'Fewer than 250 staff' } },
  { value: 'large', text: 'Large business' },
  { value: 'public', text: 'Public body', hint: { text: 'For example an NHS trust or another council' } },
];

const PLAIN = {
  name: 'Enter your name',
  email: 'Enter an email address, like name@example.org',
  password: 'Choose a password of 12 characters or more',
  organisationName: 'Enter the name of your organisation',
  organisationType: 'Select the type of organisation',
};

/** A supplier registers its organisation (POST /api/auth/register) and is signed in. */
@WebPages('register')
export class RegisterPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: WebSessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  page(@Res() res: Response): void {
    res.render('bidder/views/register.njk', {
      pageTitle: 'Register your organisation',
      values: {},
      items: ORGANISATION_TYPE_ITEMS,
      ...noErrors(),
    });
  }

  @Post()
  async register(@Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const values = {
      name: formValue(body, 'name').trim(),
      email: formValue(body, 'email').trim(),
      password: formValue(body, 'password'),
      organisationName: formValue(body, 'organisationName').trim(),
      organisationType: formValue(body, 'organisationType'),
    };
    const { value, form } = validateForm(RegisterDto, values, PLAIN);
    if (form.errors.length === 0) {
      try {
        await this.auth.register(value);
        const user = await this.users.findByEmail(value.email);
        const opened = await this.sessions.signIn(req.web?.session ?? null, user!);
        const cookie = sessionCookie(this.config);
        res.cookie(cookie.name, opened.token, cookie.options);
        return res.redirect(303, '/opportunities?registered=1');
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
        addError(form, 'email', 'An account already uses this email address. Sign in instead, or use another address.');
      }
    }
    res.status(400).render('bidder/views/register.njk', {
      pageTitle: 'Register your organisation',
      values: { ...values, password: '' },
      items: ORGANISATION_TYPE_ITEMS,
      ...form,
    });
  }
}
