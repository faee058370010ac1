import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApiProblem, ApiProblems } from '../openapi/problem-details';
import { UserResponse } from '../users/dto/user.response';
import { Public } from '../auth/auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { SessionResponse } from './dto/session.response';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('accounts')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email address and password',
    description: 'Answers an accessToken to send as Authorization: Bearer <accessToken>.',
  })
  @ApiProblem(401, 'The email address or password is not right.')
  @ApiOkResponse({ type: SessionResponse })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed attempts for this account from this client address (locked 15 minutes), or for this account ' +
      'from every address together (slowed: one attempt per 30 seconds); see Retry-After.',
  })
  login(@Body() dto: LoginDto, @Ip() clientAddress: string): Promise<SessionResponse> {
    return this.auth.login(dto, clientAddress);
  }

  @Post('register')
  @Idempotent()
  @Public()
  @ApiOperation({ summary: 'Register a bidder organisation and its first account' })
  @ApiProblems({ 409: 'An account with this email address already exists.' })
  @ApiCreatedResponse({ type: UserResponse, description: 'A bidder account for a supplier organisation.' })
  register(@Body() dto: RegisterDto): Promise<UserResponse> {
    return this.auth.register(dto);
  }
}
