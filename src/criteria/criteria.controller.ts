import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { CriteriaService } from './criteria.service';
import { CreateCriterionDto } from './dto/create-criterion.dto';
import { CriterionResponse } from './dto/criterion.response';
import { UpdateCriterionDto } from './dto/update-criterion.dto';
import { ApiProblems } from '../openapi/problem-details';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('criteria')
@Controller('tenders/:tenderId/criteria')
export class CriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "The tender's criteria, in tree order" })
  @ApiOkResponse({ type: [CriterionResponse], description: 'The criteria tree (team, panel, bidders of a published tender).' })
  tree(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<CriterionResponse[]> {
    return this.criteria.tree(caller, tenderId);
  }

  @Post()
  @Idempotent()
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Add a criterion (draft tender)',
    description: 'Weights are checked when the tender is published, not on each edit.',
  })
  @ApiCreatedResponse({ type: CriterionResponse })
  @ApiProblems(409, 422)
  create(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: CreateCriterionDto,
  ): Promise<CriterionResponse> {
    return this.criteria.create(caller, tenderId, dto);
  }

  @Patch(':criterion')
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: 'Change a criterion (draft tender); null clears a nullable field' })
  @ApiOkResponse({ type: CriterionResponse })
  @ApiProblems(409, 422)
  update(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('criterion') criterion: string,
    @Body() dto: UpdateCriterionDto,
  ): Promise<CriterionResponse> {
    return this.criteria.update(caller, tenderId, criterion, dto);
  }

  @Delete(':criterion')
  @Auth('commissioner', 'procurement')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a criterion and its children (draft tender)' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(409)
  async remove(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('criterion') criterion: string,
  ): Promise<void> {
    await this.criteria.remove(caller, tenderId, criterion);
  }
}
