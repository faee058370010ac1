import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import {
  MessageResponse,
  MessagesResponse,
  NotificationSettingsResponse,
  UnscoredRemindersResponse,
} from './dto/message.response';
import { NotificationSettingsDto } from './dto/notification-settings.dto';
import { MessagesService } from './messages.service';

@ApiTags('notifications')
@Controller('tenders/:tenderId')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('messages')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'The tender’s emails: sent, would have been sent, failed',
    description:
      'Team only, newest first. A body holding a one-time invitation link or code shows it masked. `transport` says how the service sends (log: no mail server configured).',
  })
  @ApiOkResponse({ type: MessagesResponse })
  list(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<MessagesResponse> {
    return this.messages.list(caller, tenderId);
  }

  @Post('messages/:messageId/retry')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Try a failed email again',
    description: 'Team only: the message goes back in the queue with its attempts counted afresh; audited.',
  })
  @ApiOkResponse({ type: MessageResponse })
  @ApiProblems({ 409: 'The message has not failed (only a failed message can be tried again).' })
  retry(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('messageId') messageId: string,
  ): Promise<MessageResponse> {
    return this.messages.retry(caller, tenderId, messageId);
  }

  @Post('messages/unscored-reminders')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Remind the panel members who still have bids to score, now',
    description:
      'Team only, while scoring is open (evaluation, before the scoring deadline): one "you have bids to score" email to each member with bids neither submitted nor declared a conflict on. Audited with the number queued.',
  })
  @ApiOkResponse({ type: UnscoredRemindersResponse })
  @ApiProblems({ 409: 'The panel is not scoring: reminders go while the tender is in evaluation, before the scoring deadline.' })
  remindUnscored(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<UnscoredRemindersResponse> {
    return this.messages.remindUnscored(caller, tenderId);
  }

  @Get('notification-settings')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'When reminders go before the scoring deadline',
    description: 'Team only. Default: 7 days and 1 day before.',
  })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  settings(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<NotificationSettingsResponse> {
    return this.messages.settings(caller, tenderId);
  }

  @Put('notification-settings')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Set when reminders go before the scoring deadline',
    description: 'Team only; audited. Each member with bids still to score gets each reminder once.',
  })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  updateSettings(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: NotificationSettingsDto,
  ): Promise<NotificationSettingsResponse> {
    return this.messages.updateSettings(caller, tenderId, dto);
  }
}
