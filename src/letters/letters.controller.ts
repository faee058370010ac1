import { Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import { LetterFormatQuery } from './dto/letter-format.query';
import { LettersService, type PrintedFile } from './letters.service';
import { ScoringPackService } from './scoring-pack.service';

const PDF = { status: 200, description: 'The PDF (A4).', schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('panel')
@Controller('tenders/:tenderId/panel/:memberId')
@Auth('commissioner', 'procurement')
export class LettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly packs: ScoringPackService,
  ) {}

  @Post('letter')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Print an invitation letter (team): issues a new invitation, revoking the old link',
    description:
      'One A4 page for the member: who is asking and why, what they will do, by when (the scoring deadline), the link with its ' +
      'QR code, the typeable code, who to call and being paid. Invitations keep only hashes of their token and code, so printing ' +
      'issues a new invitation exactly as POST …/invitation does (the member’s open link stops working) and lays the letter out ' +
      'from it in the same transaction. Audited as panel_invitation.issued and panel_letter.printed (format and invitation id; ' +
      'never the token or code). Only for members who sign in by link (409 for a password account).',
  })
  @ApiProduces('application/pdf')
  @ApiResponse(PDF)
  @ApiProblems({ 409: 'The person signs in with a password, the account is deactivated, or the tender is awarded or cancelled.' })
  async letter(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Query() query: LetterFormatQuery,
  ): Promise<StreamableFile> {
    return pdfFile(await this.letters.printLetter(caller, tenderId, memberId, query.format));
  }

  @Get('scoring-pack')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Print a member’s paper scoring pack (team, while scoring is open)',
    description:
      'The bids the member scores, named as their panel pages name them (blind labels under blind marking), less every bid they ' +
      'declared a conflict with; the criteria their group scores in their group’s wording, the scale in words, each bid’s answer ' +
      'and boxes for a score and a reason per criterion. Audited as panel_scoring_pack.printed.',
  })
  @ApiProduces('application/pdf')
  @ApiResponse(PDF)
  @ApiProblems({ 409: 'Scoring is not open: before evaluation, after the scoring deadline, or from moderation on.' })
  async scoringPack(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
  ): Promise<StreamableFile> {
    return pdfFile(await this.packs.print(caller, tenderId, memberId));
  }
}

@ApiTags('panel')
@Controller('tenders/:tenderId/panel')
@Auth('commissioner', 'procurement')
export class PanelLettersController {
  constructor(private readonly letters: LettersService) {}

  @Post('letters')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Print letters for every member who has not signed in yet (team): a new invitation each',
    description:
      'One A4 page per member who has not accepted their seat and signs in by link (no password, account active), in `format` ' +
      'or each member’s preferred one. Each letter issues a new invitation as POST …/:memberId/letter does (their open links ' +
      'stop working); all or none are issued. Audited per member as panel_invitation.issued and panel_letter.printed.',
  })
  @ApiProduces('application/pdf')
  @ApiResponse(PDF)
  @ApiProblems({
    409: 'No one to print for (everyone has signed in or signs in with a password), or the tender is awarded or cancelled.',
  })
  async unaccepted(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query() query: LetterFormatQuery,
  ): Promise<StreamableFile> {
    return pdfFile(await this.letters.printUnaccepted(caller, tenderId, query.format));
  }
}

export function pdfFile(file: PrintedFile): StreamableFile {
  return new StreamableFile(file.pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.pdf.length,
  });
}
