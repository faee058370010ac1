import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { CreateUserDto } from './dto/create-user.dto';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('users')
  @Idempotent()
  @Auth('admin')
  async create(@CurrentUser() caller: Caller, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.create(caller, dto));
  }

  @Get('users')
  @Auth('admin')
  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(UserResponse.from);
  }

  @Get('me')
  @Auth()
  async me(@CurrentUser() caller: Caller): Promise<UserResponse> {
    const user = await this.users.findById(caller.id);
    return UserResponse.from(user!);
  }
}
