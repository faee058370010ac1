import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { completeOperations } from './complete-operations';

/** Every tag the controllers use, with what it groups (a tag without one fails the build of the document). */
export const API_TAGS: Record<string, string> = {
  accounts: 'Signing in, registering a bidder organisation, accounts and passwords.',
  health: 'Whether the service and its database answer.',
  templates: 'Ready-made tender outlines (criteria, weights and settings) to start a tender from.',
  tenders: 'A tender from draft to award: its settings, team and lifecycle.',
  criteria: "The tender's weighted criteria tree, edited while the tender is a draft.",
  bids: 'Bids: drafts, sealed submission, withdrawal, compliance checks and disqualification.',
  clarifications:
    'Clarification questions: bidders ask until the clarification deadline, the team answers (published to every bidder, or privately) and publishes its own.',
  'easy-read':
    "Easy-read summaries of bids: one template for every bid, versions the team writes, the bidder's fact-check, the version the panel reads.",
  panel: 'The evaluation panel: members, invitations and conflict-of-interest declarations.',
  scoring: "Panelists' individual scores with their rationale.",
  moderation: 'Moderation: the panel agrees one score per bid and criterion.',
  results: 'Exact, explainable results and the award.',
  'after award':
    'After the award (Procurement Act 2023): the standstill, challenges, entering into the contract, the termination notice.',
  'open data':
    'Open data: OCDS 1.1 release packages with the UK profile (the data of the tender, award and contract notices), never scores.',
  exports: 'Auditable downloads of the evaluation: Excel workbook, CSV and JSON.',
  payments:
    'Payment for involvement: the tender’s rates, lived-experience members’ ledgers of time and costs, approvals, their choice, the finance CSV.',
  audit: 'The audit trail: a hash chain per tender, anchored in the service chain.',
  notifications:
    "The tender's emails (sent, would have been sent, failed), trying a failed one again, and the reminder schedule.",
};

export const BEARER = 'bearer';

/**
 * The OpenAPI document, the one way it is built: served at /api/docs-json by configureApp,
 * written to docs/openapi.json by `npm run openapi`, and checked against that file in the tests.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Tender Scorer')
    .setDescription(
      'Outcomes-based commissioning: weighted tenders, sealed bids, mixed lived-experience and professional panels, ' +
        'exact and explainable results, auditable exports. Errors are application/problem+json (RFC 9457), all in the ' +
        'one ProblemDetails shape. The contract is docs/API.md and every number is defined in docs/SCORING.md, in the ' +
        'Tender Scorer repository.',
    )
    .setVersion('0.1.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', 'This service (the paths include the /api prefix)')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The accessToken from POST /api/auth/login or /api/auth/invitation.',
      },
      BEARER,
    );
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  return completeOperations(document, Object.keys(API_TAGS));
}
