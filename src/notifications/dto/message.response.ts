import { ApiProperty } from '@nestjs/swagger';
import { MESSAGE_KINDS, MESSAGE_STATUSES, type MessageKind, type MessageStatus } from '../domain/outbox-rules';

export class MessageResponse {
  @ApiProperty({ example: '5d0c2f8e-1b7a-4c3d-9e2f-0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ enum: MESSAGE_KINDS, example: 'panel_invitation' }) kind: MessageKind;
  @ApiProperty({ example: 'jordan.reid@example.org', description: 'The address; empty when there is none.' }) recipient: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Lived experience 1',
    description: 'A panel member as the record names them (lived-experience members by pseudonym); null for others.',
  })
  recipientName: string | null;
  @ApiProperty({ example: 'You are invited to score bids for Community mental health support' }) subject: string;
  @ApiProperty({
    example: 'Hello Jordan,\n\nTo start, open this link:\nhttps://tenders.example.gov.uk/invitation/••••••••',
    description: 'As sent; a one-time link and its code are masked (masked: true).',
  })
  body: string;
  @ApiProperty({ example: true, description: 'The body held a one-time link or code, shown masked.' }) masked: boolean;
  @ApiProperty({
    enum: MESSAGE_STATUSES,
    example: 'sent',
    description:
      'queued: waiting to send; sent: the mail server took it; failed: given up (try again with …/retry); suppressed: not emailed (their needs say no email, or no address); logged: no mail server configured, it went to the log.',
  })
  status: MessageStatus;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why the last attempt failed, or why it was not sent.',
  })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-01T10:00:05.000Z' }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-01T10:00:00.000Z' }) createdAt: string;
}

export class MessagesResponse {
  @ApiProperty({
    enum: ['smtp', 'notify', 'log'],
    example: 'smtp',
    description: 'How this service sends email: a mail server, GOV.UK Notify, or the log (none configured).',
  })
  transport: 'smtp' | 'notify' | 'log';
  @ApiProperty({ example: 0, description: 'Messages given up on: the team pages show a warning while any remain.' })
  failed: number;
  @ApiProperty({ type: [MessageResponse] }) messages: MessageResponse[];
}

export class NotificationSettingsResponse {
  @ApiProperty({
    type: [Number],
    example: [7, 1],
    description: 'Days before the scoring deadline a reminder goes to each member with bids still to score; [] for none.',
  })
  reminderDaysBefore: number[];
}

export class UnscoredRemindersResponse {
  @ApiProperty({ example: 3, description: 'How many members were sent a reminder (each with bids still to score).' })
  queued: number;
}
