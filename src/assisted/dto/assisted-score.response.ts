import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ScoreResponse } from '../../scoring/dto/score.response';
import { SCORE_ENTRY_METHODS, type ScoreEntryMethod } from '../domain/assisted-rules';

/** Who entered a score on the member's behalf, how, and whether the member has confirmed it. */
export class ScoreEntryResponse {
  @ApiProperty({ enum: SCORE_ENTRY_METHODS, example: 'present' }) method: ScoreEntryMethod;
  @ApiProperty({ example: '5b0c7e8a-3f4d-4e21-9a6b-1c2d3e4f5a6b' }) enteredById: string;
  @ApiProperty({ example: 'Amara Okafor' }) enteredBy: string;
  @ApiProperty({ example: '2027-02-02T10:00:00.000Z' }) enteredAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null }) confirmedByMemberAt: string | null;
  @ApiProperty({ example: false, description: 'true once the member saved the score again themselves: it is theirs again.' })
  changedByMemberSince: boolean;
  @ApiProperty({ example: 'Entered by Amara Okafor with Lived experience 1 present.' }) words: string;
}

export class AssistedScoreResponse extends ScoreResponse {
  @ApiProperty({ example: 'Lived experience 1', description: 'The member, by the name on the record.' }) member: string;
  @ApiPropertyOptional({
    type: ScoreEntryResponse,
    nullable: true,
    description: 'null for a score the member entered themselves.',
  })
  entry: ScoreEntryResponse | null;
}

export class AssistedSubmittedResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({ example: 'Bid 2' }) bid: string;
  @ApiProperty({ example: '2027-02-03T16:00:00.000Z' }) submittedAt: string;
  @ApiProperty({ type: [AssistedScoreResponse] }) scores: AssistedScoreResponse[];
}

export class ConfirmedEntriesResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({ example: 3, description: 'How many scores entered for you this confirmed.' }) confirmed: number;
  @ApiProperty({ example: '2027-02-04T09:30:00.000Z' }) confirmedAt: string;
}
