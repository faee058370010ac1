import { ApiProperty } from '@nestjs/swagger';
import { BID_STATUSES } from '../domain';

export class BidReceiptResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: '5f0c2d1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f' }) bidId: string;
  @ApiProperty({ enum: BID_STATUSES, example: 'submitted', description: 'The bid now (withdrawn after a withdrawal).' })
  bidStatus: string;
  @ApiProperty({ example: 2, description: 'The version that counts: the last one submitted.' }) version: number;
  @ApiProperty({ example: '2027-01-30T16:42:10.123Z', format: 'date-time', description: 'Server time of receipt.' })
  submittedAt: string;
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 (hex) of content as UTF-8.',
  })
  sha256: string;
  @ApiProperty({
    example:
      '{"tender":"0b6f…","bid":"5f0c…","version":2,"submittedAt":"2027-01-30T16:42:10.123Z","bidderName":"Camden Mind","organisationType":"vcse","consortium":[],"price":"1249500.50","responses":[],"commitments":[]}',
    description: 'The canonical content of the submitted version (docs/BIDS.md "Receipts").',
  })
  content: string;
}
