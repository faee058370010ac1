import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserResponse } from '../../users/dto/user.response';

export class SeatResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: '5d0c8a52-0f55-4d8e-9a3c-1d2f3a4b5c6d' }) panelMemberId: string;
}

export class SessionResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…', description: 'Bearer token, valid 8 hours.' })
  accessToken: string;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;

  @ApiPropertyOptional({
    type: SeatResponse,
    description:
      'Only for a session obtained by an invitation: the token is good for this panel seat only (other tenders answer 404).',
  })
  seat?: SeatResponse;
}
