import { ApiProperty } from '@nestjs/swagger';

export class ImportedBidResponse {
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' })
  bidId: string;

  @ApiProperty({ example: 'Bid 1', description: 'The bid as the member sees it.' })
  bid: string;

  @ApiProperty({ example: 3, description: 'Draft scores imported on this bid.' })
  scores: number;
}

export class WorkbookImportResponse {
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' })
  memberId: string;

  @ApiProperty({ example: 'Lived experience 1', description: 'The member as the record names them.' })
  member: string;

  @ApiProperty({ example: 6, description: 'Draft scores written (new or changed).' })
  imported: number;

  @ApiProperty({ type: [ImportedBidResponse] })
  bids: ImportedBidResponse[];

  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description: 'SHA-256 of the file.',
  })
  sha256: string;
}
