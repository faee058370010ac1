import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { IfPresent, NotBlank } from '../../common/validators';

export const MAX_QUESTION = 5000;
export const MAX_ANSWER = 20_000;

/** A bidder's question about a tender. */
export class AskQuestionDto {
  @ApiProperty({
    example: 'Can the service be delivered from two sites rather than one?',
    description: `At most ${MAX_QUESTION} characters. Other bidders see it without your name if it is published.`,
  })
  @IsString()
  @NotBlank({ message: 'Write your question.' })
  @MaxLength(MAX_QUESTION)
  question: string;
}

/** The team's answer to a question. */
export class AnswerQuestionDto {
  @ApiProperty({
    example: 'Yes. Both sites must be within the borough and open the same hours.',
    description: `At most ${MAX_ANSWER} characters.`,
  })
  @IsString()
  @NotBlank({ message: 'Write the answer.' })
  @MaxLength(MAX_ANSWER)
  answer: string;

  @ApiPropertyOptional({
    example: false,
    description:
      "true: the answer goes to the asker only, because the question reveals the asker's commercial detail (privateReason required). Default false: published to every bidder, the question without the asker's name.",
  })
  @IfPresent()
  @IsBoolean()
  private?: boolean;

  @ApiPropertyOptional({
    example: 'The question names the bidder’s subcontractor and its rates.',
    description: 'Required when private is true.',
  })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(2000)
  privateReason?: string;
}

/** A clarification the team publishes on its own initiative. */
export class IssueClarificationDto {
  @ApiProperty({
    example: 'The TUPE list has been updated: see the revised annex C, dated 10 January.',
    description: `At most ${MAX_ANSWER} characters.`,
  })
  @IsString()
  @NotBlank({ message: 'Write the clarification.' })
  @MaxLength(MAX_ANSWER)
  text: string;
}
