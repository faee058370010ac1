import { Module } from '@nestjs/common';
import { AccountAdminService } from './account-admin.service';
import { UsersController } from './users.controller';
import { UserNames } from './user-names.service';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, AccountAdminService, UserNames],
  exports: [UsersService, AccountAdminService, UserNames],
})
export class UsersModule {}
