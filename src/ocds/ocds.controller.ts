import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import { RELEASE_STAGES } from './domain/ocds-ids';
import type { OcdsReleasePackage } from './domain/ocds-package';
import { OcdsService } from './ocds.service';

const PACKAGE_EXAMPLE = {
  uri: 'https://tenders.camden.gov.uk/api/tenders/0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b/ocds',
  version: '1.1',
  publishedDate: '2027-01-07T09:00:00.000Z',
  publisher: { name: 'London Borough of Camden' },
  extensions: ['https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json'],
  releases: [
    {
      ocid: 'ocds-tscore-0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b',
      id: 'ocds-tscore-0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b-tender',
      date: '2026-11-23T09:00:00.000Z',
      tag: ['tender'],
      initiationType: 'tender',
    },
  ],
};
const PACKAGE_SCHEMA = {
  type: 'object',
  description:
    'An OCDS 1.1 release package (release-package-schema.json) with the UK profile, lots, awardCriteria, bid and metrics extensions. No scores.',
  example: PACKAGE_EXAMPLE,
};

@ApiTags('open data')
@Controller('tenders/:tenderId/ocds')
@Auth('commissioner', 'procurement')
export class OcdsController {
  constructor(private readonly ocds: OcdsService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The OCDS release package: every release so far (team)',
    description:
      'The tender release (UK4: the lot with its award criteria and weights, the submission terms) from publication, the ' +
      'award release (UK6: supplier, value, standstill period, bid statistics) from the award, and the contract release ' +
      '(UK7: the winning bid’s outcome commitments as KPIs and milestones) once the contract is entered into.',
  })
  @ApiOkResponse({ description: 'The release package.', schema: PACKAGE_SCHEMA })
  @ApiProblems({
    403: 'Signed in, but not a commissioner or procurement officer.',
    404: 'No such tender, not visible to you, or not published yet.',
  })
  releases(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<OcdsReleasePackage> {
    return this.ocds.releases(caller, tenderId);
  }

  @Get(':tag')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'One release in a package: tender, award or contract (team)',
    description: 'A package holding the one release; 404 in plain words while the tender has not reached that stage.',
  })
  @ApiParam({ name: 'tag', enum: RELEASE_STAGES })
  @ApiOkResponse({ description: 'The release package with the one release.', schema: PACKAGE_SCHEMA })
  @ApiProblems({
    403: 'Signed in, but not a commissioner or procurement officer.',
    404: 'No such tender or release, or not there yet.',
  })
  release(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('tag') tag: string,
  ): Promise<OcdsReleasePackage> {
    return this.ocds.release(caller, tenderId, tag);
  }
}
