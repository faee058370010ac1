import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { HelpDirectory } from './help-directory.service';
import { PageNotFound } from './page-not-found';
import { ShellController } from './shell.controller';
import { SignInHooks } from './sign-in-hooks';
import { WebSessionService } from './web-session.service';

/** The web shell (docs/WEB.md): sessions, the shell's pages; journeys add their own modules. */
@Module({
  imports: [AccessModule],
  controllers: [ShellController],
  providers: [WebSessionService, HelpDirectory, PageNotFound, SignInHooks],
  exports: [WebSessionService, HelpDirectory, SignInHooks],
})
export class WebModule {}
