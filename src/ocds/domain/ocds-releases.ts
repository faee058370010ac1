/*
 * The service's facts as OCDS 1.1 releases with the UK profile (cabinetoffice/ocds_uk_extension,
 * the data of Find a Tender's Procurement Act 2023 notices): the tender notice (UK4), the contract
 * award notice (UK6) and the contract details notice (UK7). Pure: the same facts always give the
 * same releases, ids included. Scores never appear: the UK profile has no field for them.
 *
 * Extensions used, beside the UK profile: lots (the award criteria sit on a lot), awardCriteria
 * (criteria and their weights), bid (bid statistics) and metrics (the KPIs of a contract).
 */
import { fromHundredths, penceToPounds } from '../../common/domain/decimals';
import type { Category } from '../../criteria/domain';
import type {
  OcdsAwardFacts,
  OcdsCommitment,
  OcdsContractFacts,
  OcdsCriterion,
  OcdsPublisher,
  OcdsTenderFacts,
} from './ocds-facts';
import { ocidOf, releaseIdOf, type ReleaseStage } from './ocds-ids';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OcdsRelease extends JsonObject {
  ocid: string;
  id: string;
  date: string;
  tag: ReleaseStage[];
}

const CATEGORY_WORDS: Record<Category, string> = {
  quality: 'Quality',
  co_production: 'Co-production',
  social_outcome: 'Social value: social outcome',
  economic_outcome: 'Social value: economic outcome',
  environmental_outcome: 'Social value: environmental outcome',
  price: 'Price',
  compliance: 'Pass or fail',
};

/** The one lot of a tender: the service runs a tender as a single lot. */
export const LOT_ID = '1';
export const BUYER_PARTY_ID = 'buyer';
const CURRENCY = 'GBP';

const iso = (date: Date): string => date.toISOString();
const supplierPartyId = (bidId: string): string => `supplier-${bidId}`;
const awardIdOf = (ocid: string): string => `${ocid}-award-1`;

function release(publisher: OcdsPublisher, tenderId: string, stage: ReleaseStage, date: Date): OcdsRelease {
  const ocid = ocidOf(publisher.ocidPrefix, tenderId);
  return { ocid, id: releaseIdOf(ocid, stage), date: iso(date), tag: [stage], initiationType: 'tender', language: 'en' };
}

function buyerParty(publisher: OcdsPublisher, tender: OcdsTenderFacts | null): JsonObject {
  const contact = tender?.contact;
  const contactPoint: JsonObject = {};
  if (contact?.name) contactPoint.name = contact.name;
  if (contact?.email) contactPoint.email = contact.email;
  if (contact?.phone) contactPoint.telephone = contact.phone;
  return {
    id: BUYER_PARTY_ID,
    name: publisher.name,
    roles: ['buyer', 'procuringEntity'],
    ...(Object.keys(contactPoint).length > 0 ? { contactPoint } : {}),
  };
}

/** An award criterion per weighted leaf (scored and price); gates weigh nothing and are described instead. */
function awardCriterion(criterion: OcdsCriterion, scale: OcdsTenderFacts['scale']): JsonObject {
  const numbers: JsonObject[] = [{ number: fromHundredths(criterion.weightHundredths), weight: 'percentageExact' }];
  if (criterion.threshold !== null) numbers.push({ number: criterion.threshold, threshold: 'minimumScore' });
  const category = criterion.category ? CATEGORY_WORDS[criterion.category] : null;
  const how =
    criterion.kind === 'price'
      ? 'Scored from the bid price by the published price formula.'
      : `Scored by the evaluation panel from ${scale.min} to ${scale.max}.`;
  const threshold = criterion.threshold === null ? '' : ` A bid must score at least ${criterion.threshold} on it to be ranked.`;
  return {
    type: criterion.kind === 'price' ? 'price' : 'quality',
    name: `${criterion.code} ${criterion.title}`,
    description: [
      criterion.sectionTitle ? `Section: ${criterion.sectionTitle}.` : '',
      category ? `${category}.` : '',
      how + threshold,
    ]
      .filter(Boolean)
      .join(' '),
    numbers,
  };
}

/** The tender notice (UK4): the lot with its award criteria and weights, and the submission terms. */
export function tenderRelease(publisher: OcdsPublisher, tender: OcdsTenderFacts): OcdsRelease {
  const weighted = tender.criteria.filter((criterion) => criterion.kind === 'scored' || criterion.kind === 'price');
  const gates = tender.criteria.filter((criterion) => criterion.kind === 'pass_fail');
  const gateWords = gates.length
    ? ` Pass or fail, before any scoring: ${gates.map((gate) => `${gate.code} ${gate.title}`).join('; ')}.`
    : '';
  const awardCriteria: JsonObject = {
    description:
      `The most advantageous tender: the highest total of the weighted criteria below (percentages of the whole). ` +
      `Panel scores are on a scale of ${tender.scale.min} to ${tender.scale.max}.${gateWords}`,
    ...(weighted.length > 0 ? { criteria: weighted.map((criterion) => awardCriterion(criterion, tender.scale)) } : {}),
  };
  const enquiriesEnd = tender.clarificationDeadline ?? tender.bidDeadline;
  return {
    ...release(publisher, tender.id, 'tender', tender.publishedAt),
    parties: [buyerParty(publisher, tender)],
    buyer: { id: BUYER_PARTY_ID, name: publisher.name },
    tender: {
      id: tender.id,
      title: tender.title,
      ...(tender.description.trim() ? { description: tender.description } : {}),
      status: 'active',
      procuringEntity: { id: BUYER_PARTY_ID, name: publisher.name },
      procurementMethod: 'open',
      mainProcurementCategory: 'services',
      awardCriteria: 'ratedCriteria',
      submissionMethod: ['electronicSubmission'],
      submissionMethodDetails: `${publisher.publicUrl}/opportunities/${tender.id}`,
      tenderPeriod: { startDate: iso(tender.publishedAt), endDate: iso(tender.bidDeadline) },
      enquiryPeriod: { startDate: iso(tender.publishedAt), endDate: iso(enquiriesEnd) },
      lots: [{ id: LOT_ID, title: tender.title, status: 'active', awardCriteria }],
    },
  };
}

/** The bid statistics of UK6: every bid, and the bids assessed (not disqualified), from SMEs and from VCSEs. */
export function bidStatistics(award: OcdsAwardFacts): JsonObject[] {
  const assessed = award.bids.filter((bid) => bid.status !== 'disqualified');
  const count = (type: string) => assessed.filter((bid) => bid.organisationType === type).length;
  const statistic = (measure: string, value: number): JsonObject => ({ id: measure, measure, value, relatedLot: LOT_ID });
  return [
    statistic('bids', award.bids.length),
    statistic('finalStageBids', assessed.length),
    statistic('smeFinalStageBids', count('sme')),
    statistic('vcseFinalStageBids', count('vcse')),
  ];
}

/** The contract award notice (UK6): the supplier, the value, the standstill and the bid statistics. */
export function awardRelease(publisher: OcdsPublisher, tender: OcdsTenderFacts, award: OcdsAwardFacts): OcdsRelease {
  const base = release(publisher, tender.id, 'award', award.awardedAt);
  const { winner } = award;
  const supplier = { id: supplierPartyId(winner.bidId), name: winner.bidderName };
  return {
    ...base,
    parties: [
      buyerParty(publisher, tender),
      {
        ...supplier,
        roles: ['supplier', 'tenderer'],
        ...(winner.organisationType ? { details: { vcse: winner.organisationType === 'vcse' } } : {}),
      },
    ],
    buyer: { id: BUYER_PARTY_ID, name: publisher.name },
    tender: { id: tender.id, status: 'complete' },
    awards: [
      {
        id: awardIdOf(base.ocid),
        title: tender.title,
        status: 'active',
        date: iso(award.awardedAt),
        value: { amount: penceToPounds(winner.pricePence), currency: CURRENCY },
        suppliers: [supplier],
        relatedLots: [LOT_ID],
        ...(award.standstill
          ? { standstillPeriod: { startDate: iso(award.standstill.startDate), endDate: iso(award.standstill.endDate) } }
          : {}),
        ...(award.assessmentSummariesDateSent ? { assessmentSummariesDateSent: iso(award.assessmentSummariesDateSent) } : {}),
      },
    ],
    bids: { statistics: bidStatistics(award) },
  };
}

/** A commitment's calendar date as an OCDS date-time: midnight UTC of that day (the bid gave a date, no time). */
const dueDate = (byDate: string): string => `${byDate}T00:00:00Z`;

/** A commitment as a KPI (an agreed metric): its target, and its baseline when the bid gave one. */
export function commitmentMetric(commitment: OcdsCommitment, number: number): JsonObject {
  const id = `kpi-${number}`;
  const observations: JsonObject[] = [];
  if (commitment.baseline !== null) {
    observations.push({ id: `${id}-baseline`, measure: Number(commitment.baseline), notes: 'Baseline, as stated in the bid.' });
  }
  observations.push({
    id: `${id}-target`,
    measure: Number(commitment.target),
    notes: 'Target committed to in the bid.',
    ...(commitment.byDate ? { period: { endDate: dueDate(commitment.byDate) } } : {}),
  });
  return {
    id,
    title: commitment.outcome,
    description: commitment.criterionCode
      ? `${commitment.measure} (committed under award criterion ${commitment.criterionCode}).`
      : commitment.measure,
    observations,
  };
}

/** The contract details notice (UK7): the winning bid's outcome commitments as KPIs, and the dated ones as milestones. */
export function contractRelease(
  publisher: OcdsPublisher,
  tender: OcdsTenderFacts,
  award: OcdsAwardFacts,
  contract: OcdsContractFacts,
): OcdsRelease {
  const base = release(publisher, tender.id, 'contract', contract.enteredAt);
  // Numbered 1, 2, … in the bid's order: a KPI and its milestone share the number.
  const numbered = contract.commitments.map((commitment, index) => ({ commitment, number: index + 1 }));
  const dated = numbered.filter(({ commitment }) => commitment.byDate !== null);
  return {
    ...base,
    parties: [buyerParty(publisher, tender)],
    buyer: { id: BUYER_PARTY_ID, name: publisher.name },
    contracts: [
      {
        id: `${base.ocid}-contract-1`,
        awardID: awardIdOf(base.ocid),
        title: tender.title,
        status: 'active',
        dateSigned: iso(contract.enteredAt),
        value: { amount: penceToPounds(award.winner.pricePence), currency: CURRENCY },
        ...(contract.commitments.length > 0
          ? { agreedMetrics: numbered.map(({ commitment, number }) => commitmentMetric(commitment, number)) }
          : { noAgreedMetricsRationale: 'The winning bid made no outcome commitments.' }),
        ...(dated.length > 0
          ? {
              milestones: dated.map(({ commitment, number }) => ({
                id: `milestone-${number}`,
                title: commitment.outcome,
                type: 'delivery',
                description: `${commitment.measure}: ${commitment.target} by ${commitment.byDate}.`,
                dueDate: dueDate(commitment.byDate!),
                status: 'scheduled',
              })),
            }
          : {}),
      },
    ],
  };
}
