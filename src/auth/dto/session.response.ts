import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '../../users/dto/user.response';

export class SessionResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…', description: 'Bearer token, valid 8 hours.' })
  accessToken: string;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}
