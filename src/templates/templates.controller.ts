import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../auth/auth.decorators';
import { DomainError } from '../common/domain/domain-error';
import { TemplateResponse, TemplateSummaryResponse } from './dto/template.response';
import { TemplatesService } from './templates.service';

@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'List the tender templates' })
  @ApiOkResponse({ type: [TemplateSummaryResponse] })
  list(): TemplateSummaryResponse[] {
    return this.templates.list().map(TemplateSummaryResponse.from);
  }

  @Get(':key')
  @Auth()
  @ApiOperation({ summary: 'One template: its scale, settings and criteria tree' })
  @ApiOkResponse({ type: TemplateResponse })
  get(@Param('key') key: string): TemplateResponse {
    const template = this.templates.get(key);
    if (!template) throw new DomainError('not_found', `Template ${key} not found.`);
    return TemplateResponse.from(template);
  }
}
