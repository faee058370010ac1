import { Body, Get, Inject, Ip, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain/domain-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { InvitationsService, type RedeemedSeat } from '../../panel/invitations.service';
import { sessionCookie } from '../configure-web';
import { addError, noErrors } from '../form';
import { DEVICE_COOKIE } from '../web-request';
import { formValue, WebPages } from '../web-page';
import { WebSessionService } from '../web-session.service';
import { InvitationPreviewService } from './invitation-preview.service';
import { PanelDevicesService } from './panel-devices.service';
import { countInWords, deadlineInWords, timeToAllow } from './panel-view';
import { HelpDirectory } from '../help-directory.service';

/**
 * Arriving on the panel (issue 13, step 1): the link's start page, the code page, "Start"
 * (which redeems the invitation through the same InvitationsService as the API), and
 * "Carry on scoring" from a remembered device.
 */
@WebPages('invitation')
export class InvitationPagesController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly previews: InvitationPreviewService,
    private readonly devices: PanelDevicesService,
    private readonly sessions: WebSessionService,
    private readonly help: HelpDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  codePage(@Req() req: Request, @Res() res: Response): void {
    res.render('panel/views/code.njk', { pageTitle: 'Enter your code', values: {}, ...noErrors(), canContinue: hasDevice(req) });
  }

  /** Start, with the link's token or the typed code: one redemption, one seat session. */
  @Post('start')
  async start(@Req() req: Request, @Res() res: Response, @Body() body: unknown, @Ip() clientAddress: string): Promise<void> {
    const token = formValue(body, 'token');
    const code = formValue(body, 'code').trim();
    if (!token && !code) {
      const form = addError(noErrors(), 'code', 'Enter the code from your letter or message');
      res
        .status(400)
        .render('panel/views/code.njk', { pageTitle: 'Enter your code', values: {}, ...form, canContinue: hasDevice(req) });
      return;
    }
    let redeemed: RedeemedSeat;
    try {
      redeemed = await this.invitations.redeemSeat(token ? { token } : { code }, clientAddress);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'unauthorized' && !token) {
        const form = addError(noErrors(), 'code', 'That code is not right, or it has been used. Check it and try again.');
        res.status(400).render('panel/views/code.njk', {
          pageTitle: 'Enter your code',
          values: { code },
          ...form,
          canContinue: hasDevice(req),
        });
        return;
      }
      if (error.code === 'unauthorized') return this.linkNotValid(req, res);
      if (error.code === 'invalid_state') return this.scoringFinished(res);
      throw error;
    }
    await this.open(req, res, redeemed, true);
  }

  /** "Carry on scoring" on a device that redeemed a link before. */
  @Post('continue')
  async carryOn(@Req() req: Request, @Res() res: Response): Promise<void> {
    const returning = await this.devices.returnTo(req.cookies?.[DEVICE_COOKIE] as string | undefined);
    if (!returning) {
      res.clearCookie(DEVICE_COOKIE, this.deviceCookieOptions());
      res.status(403).render('views/error.njk', {
        pageTitle: 'You need a new link',
        lines: [
          'We cannot open your scoring on this phone or computer any more.',
          'This happens when scoring has closed, or when the team sent you a new link.',
          'Your saved scores are safe. Ask the team for a new link.',
        ],
      });
      return;
    }
    await this.open(req, res, returning, false);
  }

  @Get(':token')
  async startPage(@Req() req: Request, @Res() res: Response, @Param('token') token: string): Promise<void> {
    // The address holds the token: it must not travel on in a Referer header.
    res.setHeader('Referrer-Policy', 'no-referrer');
    const preview = await this.previews.preview(token);
    if (!preview) return this.linkNotValid(req, res);
    // The header names who is asking, as on every page of the tender.
    res.locals.organisationName = await this.help.buyerOf(preview.tenderId);
    res.render('panel/views/start.njk', {
      pageTitle: 'Help choose who runs a service',
      preview,
      token,
      bidsInWords: countInWords(preview.bids),
      criteriaInWords: countInWords(preview.criteria),
      time: timeToAllow(preview.criteria, preview.bids),
      finishBy: preview.scoringDeadline ? deadlineInWords(preview.scoringDeadline) : null,
    });
  }

  private async open(req: Request, res: Response, redeemed: RedeemedSeat, remember: boolean): Promise<void> {
    const opened = await this.sessions.signIn(req.web?.session ?? null, redeemed.user, redeemed.seat);
    const cookie = sessionCookie(this.config);
    res.cookie(cookie.name, opened.token, cookie.options);
    if (remember) {
      const device = await this.devices.remember(redeemed.seat);
      res.cookie(DEVICE_COOKIE, device.token, { ...this.deviceCookieOptions(), expires: device.expires });
    }
    res.redirect(303, `/panel/${redeemed.seat.tenderId}`);
  }

  private deviceCookieOptions() {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.config.publicUrl.startsWith('https:'), path: '/' };
  }

  private linkNotValid(req: Request, res: Response): void {
    res.setHeader('Referrer-Policy', 'no-referrer');
    res
      .status(404)
      .render('panel/views/link-not-valid.njk', { pageTitle: 'This link does not work', canContinue: hasDevice(req) });
  }

  private scoringFinished(res: Response): void {
    res.status(409).render('views/error.njk', {
      pageTitle: 'Scoring has finished',
      lines: ['The team has finished choosing a provider, so you cannot score now.', 'Thank you for your help.'],
    });
  }
}

const hasDevice = (req: Request): boolean => Boolean(req.cookies?.[DEVICE_COOKIE]);
