import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { criteriaOfTender } from '../criteria/criteria-directory';
import { Db } from '../database/db.service';
import { summariesSentOn } from '../assessment-summaries/summary-queries';
import { Evaluation } from '../results/evaluation/evaluation.service';
import { afterAwardOf } from '../standstill/standstill-directory';
import type { Tender } from '../tenders/tender.entity';
import type {
  OcdsAwardFacts,
  OcdsContractFacts,
  OcdsCriterion,
  OcdsFacts,
  OcdsPublisher,
  OcdsTenderFacts,
} from './domain/ocds-facts';
import { DEFAULT_OCID_PREFIX, RELEASE_STAGES, type ReleaseStage } from './domain/ocds-ids';
import { NOT_YET, releaseOf, releasePackage, releasesOf, type OcdsReleasePackage } from './domain/ocds-package';

/**
 * The tender's open data (docs/AFTER-AWARD.md "Open data"): OCDS release packages with the UK
 * profile, built by the pure mapper (`domain/ocds-releases.ts`) from the tender, its criteria,
 * the evaluation read model (`Evaluation.record`, the same as the exports) and the after-award
 * record, all read in one unit of work. The team's, as the exports; reading changes nothing.
 */
@Injectable()
export class OcdsService {
  private readonly publisher: OcdsPublisher;

  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly evaluation: Evaluation,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publisher = {
      ocidPrefix: config.ocds.ocidPrefix ?? DEFAULT_OCID_PREFIX,
      name: config.ocds.publisherName,
      publicUrl: config.publicUrl,
    };
  }

  /** Every release the tender has reached, in one package; 404 before publication. */
  releases(caller: Caller, tenderId: string): Promise<OcdsReleasePackage> {
    return this.db.read(async (em) => {
      const facts = await this.facts(em, caller, tenderId);
      const releases = releasesOf(this.publisher, facts);
      if (releases.length === 0) throw new DomainError('not_found', NOT_YET.tender);
      return releasePackage(this.publisher, this.uri(tenderId), releases);
    });
  }

  /** One stage's release in a package; 404 while the stage is not reached (or the tag is not a stage). */
  release(caller: Caller, tenderId: string, tag: string): Promise<OcdsReleasePackage> {
    if (!isStage(tag)) {
      throw new DomainError('not_found', `There is no release "${tag}": the releases are ${RELEASE_STAGES.join(', ')}.`, {
        errors: [{ field: 'tag', message: `Must be one of ${RELEASE_STAGES.join(', ')}.` }],
      });
    }
    return this.db.read(async (em) => {
      const facts = await this.facts(em, caller, tenderId, tag);
      const found = releaseOf(this.publisher, facts, tag);
      if (!found) throw new DomainError('not_found', NOT_YET[tag]);
      return releasePackage(this.publisher, `${this.uri(tenderId)}/${tag}`, [found]);
    });
  }

  private uri(tenderId: string): string {
    return `${this.publisher.publicUrl}/api/tenders/${tenderId}/ocds`;
  }

  /** The facts up to `stage` (the tender release needs no evaluation read). */
  private async facts(em: EntityManager, caller: Caller, tenderId: string, stage: ReleaseStage = 'contract'): Promise<OcdsFacts> {
    const { tender } = await this.access.require(em, caller, tenderId, 'team');
    if (!tender.publishedAt) return { tender: null, award: null, contract: null };
    const tenderFacts = await this.tenderFacts(em, tender, tender.publishedAt);
    if (stage === 'tender' || tender.status !== 'awarded' || !tender.awardedBidId || !tender.awardedAt) {
      return { tender: tenderFacts, award: null, contract: null };
    }
    const record = await this.evaluation.record(em, caller, tender);
    const winner = record.bids.find((bid) => bid.id === tender.awardedBidId);
    if (!winner) return { tender: tenderFacts, award: null, contract: null };
    const afterAward = await afterAwardOf(em, tender.id);
    const standstill =
      afterAward?.noticePublishedAt && afterAward.endsAt && afterAward.kind !== 'none'
        ? { startDate: afterAward.noticePublishedAt, endDate: afterAward.endsAt }
        : null;
    const award: OcdsAwardFacts = {
      awardedAt: tender.awardedAt,
      winner: {
        bidId: winner.id,
        bidderName: winner.bidderName,
        organisationType: winner.organisationType,
        pricePence: winner.pricePence,
      },
      bids: record.bids.map((bid) => ({
        id: bid.id,
        status: bid.status,
        organisationType: bid.organisationType,
      })),
      standstill,
      // The day the last assessment summary was sent, once every one is (s.50; left out before).
      assessmentSummariesDateSent: await summariesSentOn(em, tender.id),
    };
    const codes = new Map(record.criteria.map((criterion) => [criterion.id, criterion.code]));
    const contract: OcdsContractFacts | null = afterAward?.contractEnteredAt
      ? {
          enteredAt: afterAward.contractEnteredAt,
          commitments: record.commitments
            .filter((commitment) => commitment.bidId === winner.id)
            .sort((a, b) => a.position - b.position)
            .map((commitment) => ({
              position: commitment.position,
              outcome: commitment.outcome,
              measure: commitment.measure,
              target: commitment.target,
              baseline: commitment.baseline,
              byDate: commitment.byDate,
              criterionCode: commitment.criterionId ? (codes.get(commitment.criterionId) ?? null) : null,
            })),
        }
      : null;
    return { tender: tenderFacts, award, contract };
  }

  private async tenderFacts(em: EntityManager, tender: Tender, publishedAt: Date): Promise<OcdsTenderFacts> {
    const flat = await criteriaOfTender(em, tender.id);
    const byId = new Map(flat.map((criterion) => [criterion.id, criterion]));
    const sectionOf = (id: string): string | null => {
      let node = byId.get(id);
      while (node?.parentId) node = byId.get(node.parentId);
      return node && node.id !== id ? node.title : null;
    };
    const criteria: OcdsCriterion[] = flat.map((criterion) => ({
      code: criterion.code,
      title: criterion.title,
      kind: criterion.kind,
      category: criterion.category,
      weightHundredths: criterion.weightHundredths,
      threshold: criterion.threshold,
      sectionTitle: sectionOf(criterion.id),
    }));
    return {
      id: tender.id,
      reference: tender.reference,
      title: tender.title,
      description: tender.description,
      publishedAt,
      bidDeadline: tender.bidDeadline,
      clarificationDeadline: tender.clarificationDeadline,
      scale: { min: tender.scaleMin, max: tender.scaleMax },
      contact: { name: tender.contactName, email: tender.contactEmail, phone: tender.contactPhone },
      criteria,
    };
  }
}

const isStage = (tag: string): tag is ReleaseStage => (RELEASE_STAGES as readonly string[]).includes(tag);
