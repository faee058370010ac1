import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { AccountAdminService } from './account-admin.service';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UserFilterQuery } from './dto/user-filter.query';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';
import { ApiProblems } from '../openapi/problem-details';
import { Idempotent } from '../idempotency/idempotent.decorator';

const LOCKOUT = 'Not for your own account, and never the last active admin.';

@ApiTags('accounts')
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountAdminService,
  ) {}

  @Post('users')
  @Idempotent()
  @Auth('admin')
  @ApiOperation({ summary: 'Create an account (admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems({ 409: 'An account with this email address already exists.', 422: 'A bidder account needs its organisation.' })
  async create(@CurrentUser() caller: Caller, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.create(caller, dto));
  }

  @Get('users')
  @Auth('admin')
  @ApiOperation({ summary: 'List accounts (admin), optionally by role and by active or deactivated' })
  @ApiOkResponse({ type: [UserResponse] })
  async list(@Query() filter: UserFilterQuery): Promise<UserResponse[]> {
    return (await this.accounts.list(filter)).map(UserResponse.from);
  }

  @Get('users/:userId')
  @Auth('admin')
  @ApiOperation({ summary: 'One account (admin)' })
  @ApiOkResponse({ type: UserResponse })
  async get(@Param('userId') userId: string): Promise<UserResponse> {
    return UserResponse.from(await this.accounts.get(userId));
  }

  @Post('users/:userId/deactivate')
  @Auth('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate an account (admin): its tokens stop working at once, and it can no longer sign in',
    description: 'Nothing is deleted: the account stays on every record. Deactivating an inactive account changes nothing.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiConflictResponse({ description: LOCKOUT })
  async deactivate(@CurrentUser() caller: Caller, @Param('userId') userId: string): Promise<UserResponse> {
    return UserResponse.from(await this.accounts.setActive(caller, userId, false));
  }

  @Post('users/:userId/reactivate')
  @Auth('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a deactivated account (admin): it can sign in again' })
  @ApiOkResponse({ type: UserResponse })
  async reactivate(@CurrentUser() caller: Caller, @Param('userId') userId: string): Promise<UserResponse> {
    return UserResponse.from(await this.accounts.setActive(caller, userId, true));
  }

  @Put('users/:userId/role')
  @Auth('admin')
  @ApiOperation({
    summary: "Change an account's role (admin)",
    description: 'Takes effect on the next request, even with a token issued before.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiConflictResponse({ description: LOCKOUT })
  @ApiUnprocessableEntityResponse({ description: 'Bidder accounts keep the bidder role; other accounts cannot become bidders.' })
  async changeRole(
    @CurrentUser() caller: Caller,
    @Param('userId') userId: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.accounts.changeRole(caller, userId, dto.role));
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentUser() caller: Caller): Promise<UserResponse> {
    const user = await this.users.findById(caller.id);
    return UserResponse.from(user!);
  }
}
