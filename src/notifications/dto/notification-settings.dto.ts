import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, Max, Min } from 'class-validator';
import { MAX_REMINDER_DAYS } from '../domain/outbox-rules';

export class NotificationSettingsDto {
  @ApiProperty({
    type: [Number],
    example: [7, 1],
    description: `Days before the scoring deadline (1 to ${MAX_REMINDER_DAYS}, at most 5 of them) a reminder goes to each member with bids still to score; [] for none.`,
  })
  @IsArray()
  @ArrayMaxSize(5, { message: 'Choose at most 5 reminders.' })
  @ArrayUnique({ message: 'Give each number of days once.' })
  @IsInt({ each: true, message: 'Each reminder is a whole number of days before the deadline, such as 7.' })
  @Min(1, { each: true, message: 'A reminder is at least 1 day before the deadline.' })
  @Max(MAX_REMINDER_DAYS, { each: true, message: `A reminder is at most ${MAX_REMINDER_DAYS} days before the deadline.` })
  reminderDaysBefore: number[];
}
