import { ApiProperty } from '@nestjs/swagger';

/** One member of a tender's team. */
export class TeamMemberResponse {
  @ApiProperty({ example: '4b7c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4' }) id: string;
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' }) userId: string;
  @ApiProperty({ enum: ['owner', 'commissioner', 'procurement'], example: 'procurement' }) role: string;
  @ApiProperty({ example: 'Priya Shah' }) name: string;
  @ApiProperty({ example: 'priya.shah@camden.gov.uk' }) email: string;
}
