import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { Db } from '../database/db.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Db) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the service and its database answer' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  async health(): Promise<{ status: 'ok' }> {
    await this.db.read((em) => em.query('SELECT 1'));
    return { status: 'ok' };
  }
}
