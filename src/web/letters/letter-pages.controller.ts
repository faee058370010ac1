import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { isLetterFormat } from '../../letters/domain/letter-formats';
import { LettersService, type PrintedFile } from '../../letters/letters.service';
import { ScoringPackService } from '../../letters/scoring-pack.service';
import { TendersService } from '../../tenders/tenders.service';
import { formValue, PageCaller, WebPages } from '../web-page';
import { teamTender } from '../team/team-frame';

/**
 * The team panel page's print actions (issue 17 parts 3 and 4): a letter (POST: it issues a
 * new invitation) and a scoring pack (GET). Each answers the PDF itself; a refusal (409)
 * is a page in plain words with the way back. The services are the API's.
 */
@WebPages('pages/tenders')
export class LetterPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly letters: LettersService,
    private readonly packs: ScoringPackService,
  ) {}

  @Post(':tenderId/panel/:memberId/letter')
  async letter(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'panel');
    const format = formValue(body, 'format');
    // Anything but a known format is the member's preferred one (a form only sends known ones).
    await this.send(res, tender.id, 'The letter could not be printed', () =>
      this.letters.printLetter(caller, tenderId, memberId, isLetterFormat(format) ? format : undefined),
    );
  }

  @Post(':tenderId/panel/letters')
  async unacceptedLetters(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'panel');
    const format = formValue(body, 'format');
    await this.send(res, tender.id, 'The letters could not be printed', () =>
      this.letters.printUnaccepted(caller, tenderId, isLetterFormat(format) ? format : undefined),
    );
  }

  @Get(':tenderId/panel/:memberId/scoring-pack')
  async scoringPack(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await teamTender(this.tenders, caller, tenderId, res, 'panel');
    await this.send(res, tender.id, 'The scoring pack could not be printed', () => this.packs.print(caller, tenderId, memberId));
  }

  private async send(res: Response, tenderId: string, title: string, print: () => Promise<PrintedFile>): Promise<void> {
    try {
      const file = await print();
      res
        .status(200)
        .set({
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${file.fileName}"`,
          'Cache-Control': 'no-store',
        })
        .send(file.pdf);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      res.status(409).render('letters/views/print-refused.njk', {
        pageTitle: title,
        title,
        detail: error.detail,
        back: `/tenders/${tenderId}/panel`,
      });
    }
  }
}
