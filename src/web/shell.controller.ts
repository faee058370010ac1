import { Body, Get, Inject, Ip, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService } from '../sign-in/auth.service';
import { DomainError } from '../common/domain/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersService } from '../users/users.service';
import { sessionCookie } from './configure-web';
import { HelpDirectory } from './help-directory.service';
import { DEVICE_COOKIE } from './web-request';
import { formValue, PageCaller, WebPages } from './web-page';
import { WebSessionService } from './web-session.service';
import { landingFor } from './team/team-frame';
import type { Caller } from '../common/caller';

/** Where a signed-in person's pages start: a bidder's opportunities, everyone else's panel work. */
const homeOf = (caller: Caller): string => (caller.seat ? '/panel' : landingFor(caller.role));

/** The shell's own pages: start, sign in and out, session, and the footer pages. */
@WebPages()
export class ShellController {
  constructor(
    private readonly sessions: WebSessionService,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly help: HelpDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response): void {
    if (req.web?.caller) return res.redirect(303, homeOf(req.web.caller));
    res.render('views/home.njk', { pageTitle: 'Score bids for a tender', canContinue: Boolean(req.cookies?.[DEVICE_COOKIE]) });
  }

  @Get('sign-in')
  signInPage(@Res() res: Response): void {
    res.render('views/sign-in.njk', { pageTitle: 'Sign in', values: {}, fieldErrors: {} });
  }

  @Post('sign-in')
  async signIn(@Req() req: Request, @Res() res: Response, @Body() body: unknown, @Ip() clientAddress: string): Promise<void> {
    const email = formValue(body, 'email').trim();
    const password = formValue(body, 'password');
    const fieldErrors: Record<string, { text: string }> = {};
    if (!email) fieldErrors.email = { text: 'Enter your email address' };
    if (!password) fieldErrors.password = { text: 'Enter your password' };
    if (Object.keys(fieldErrors).length === 0) {
      try {
        // The same check (and the same throttle) as POST /api/auth/login.
        const session = await this.auth.login({ email, password }, clientAddress);
        const user = await this.users.findByEmail(session.user.email);
        const opened = await this.sessions.signIn(req.web?.session ?? null, user!);
        const cookie = sessionCookie(this.config);
        res.cookie(cookie.name, opened.token, cookie.options);
        return res.redirect(303, landingFor(user!.role));
      } catch (error) {
        if (!(error instanceof DomainError) || (error.code !== 'unauthorized' && error.code !== 'validation')) throw error;
        fieldErrors.email = { text: 'The email address or password is not right. Check them and try again.' };
      }
    }
    const errors = Object.entries(fieldErrors).map(([field, message]) => ({ text: message.text, href: `#${field}` }));
    res.status(400).render('views/sign-in.njk', { pageTitle: 'Sign in', values: { email }, fieldErrors, errors });
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (req.web?.session) await this.sessions.end(req.web.session);
    const cookie = sessionCookie(this.config);
    res.clearCookie(cookie.name, cookie.options);
    res.redirect(303, '/signed-out');
  }

  @Get('signed-out')
  signedOut(@Req() req: Request, @Res() res: Response, @Query('reason') reason?: string): void {
    const timedOut = reason === 'timeout';
    res.render('views/signed-out.njk', {
      pageTitle: timedOut ? 'You have been signed out' : 'You are signed out',
      timedOut,
      idleMinutes: this.config.sessionIdleMinutes,
      canContinue: Boolean(req.cookies?.[DEVICE_COOKIE]),
    });
  }

  /** "Stay signed in" (the timeout warning): any page request restarts the clock; this one says so. */
  @Post('session/extend')
  async extend(@PageCaller() _caller: Caller, @Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    await this.sessions.extend(req.web!.session!);
    const back = formValue(body, 'back');
    res.redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : homeOf(req.web!.caller!));
  }

  @Get('help')
  async helpPage(@Req() req: Request, @Res() res: Response): Promise<void> {
    const contacts = req.web?.caller ? await this.help.contactsFor(req.web.caller) : [];
    res.render('views/help.njk', { pageTitle: 'Get help', contacts });
  }

  @Get('accessibility')
  accessibility(@Res() res: Response): void {
    res.render('views/accessibility.njk', { pageTitle: 'Accessibility statement' });
  }

  @Get('privacy')
  privacy(@Res() res: Response): void {
    res.render('views/privacy.njk', { pageTitle: 'Privacy' });
  }

  @Get('cookies')
  cookies(@Res() res: Response): void {
    res.render('views/cookies.njk', {
      pageTitle: 'Cookies',
      sessionCookie: sessionCookie(this.config).name,
      deviceCookie: DEVICE_COOKIE,
      idleMinutes: this.config.sessionIdleMinutes,
    });
  }
}
