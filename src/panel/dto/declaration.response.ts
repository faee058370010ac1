import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ConflictDeclaration } from '../conflict-declaration.entity';

export class DeclarationStatementResponse {
  @ApiProperty({ example: false }) conflict: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) details: string | null;
  @ApiProperty({ example: '2027-02-01T10:00:00.000Z' }) declaredAt: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'When "no conflict" was changed to a conflict.',
  })
  escalatedAt: string | null;

  static from(declaration: ConflictDeclaration): DeclarationStatementResponse {
    return {
      conflict: declaration.conflict,
      details: declaration.details,
      declaredAt: declaration.declaredAt.toISOString(),
      escalatedAt: declaration.escalatedAt ? declaration.escalatedAt.toISOString() : null,
    };
  }
}

export class DeclarationItemResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({
    example: 'Mind in Camden',
    description: 'Always the bidder name, even under blind marking: you cannot judge a conflict with "Bid 2".',
  })
  bidderName: string;
  @ApiPropertyOptional({ type: DeclarationStatementResponse, nullable: true, description: 'null: not declared yet.' })
  declaration: DeclarationStatementResponse | null;
}

export class DeclarationsResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: false, description: 'true once every bid has a declaration: then the bids open for you.' })
  complete: boolean;
  @ApiProperty({ example: 2, description: 'Bids still to declare on.' }) outstanding: number;
  @ApiProperty({ type: [DeclarationItemResponse] }) bids: DeclarationItemResponse[];
}

export class DeclarationResponse extends DeclarationStatementResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({ example: 'Mind in Camden' }) bidderName: string;
  @ApiProperty({ example: 1, description: 'Bids still to declare on after this one.' }) outstanding: number;
}
