/*
 * Release packages: the releases a tender has reached, in stage order, with the publishing
 * metadata OCDS asks for. A release exists once its notice's facts exist: the tender notice
 * from publication, the award notice from the award, the contract details from entering into
 * the contract.
 */
import type { OcdsFacts, OcdsPublisher } from './ocds-facts';
import { RELEASE_STAGES, type ReleaseStage } from './ocds-ids';
import { awardRelease, contractRelease, tenderRelease, type JsonObject, type OcdsRelease } from './ocds-releases';

/** The extensions the releases use (each its extension.json), the versions the tests validate against. */
export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json',
] as const;

export interface OcdsReleasePackage extends JsonObject {
  uri: string;
  version: '1.1';
  publishedDate: string;
  publisher: { name: string };
  extensions: string[];
  releases: OcdsRelease[];
}

/** The releases available so far, in stage order (tender, award, contract). */
export function releasesOf(publisher: OcdsPublisher, facts: OcdsFacts): OcdsRelease[] {
  return RELEASE_STAGES.map((stage) => releaseOf(publisher, facts, stage)).filter((found) => found !== null);
}

/** One stage's release, or null while its notice's facts do not exist yet. */
export function releaseOf(publisher: OcdsPublisher, facts: OcdsFacts, stage: ReleaseStage): OcdsRelease | null {
  const { tender, award, contract } = facts;
  if (!tender) return null;
  switch (stage) {
    case 'tender':
      return tenderRelease(publisher, tender);
    case 'award':
      return award ? awardRelease(publisher, tender, award) : null;
    case 'contract':
      return award && contract ? contractRelease(publisher, tender, award, contract) : null;
  }
}

/** Why a stage has no release yet, in a sentence. */
export const NOT_YET: Record<ReleaseStage, string> = {
  tender: 'The tender is not published yet: its tender release exists from publication.',
  award: 'The tender is not awarded: its award release exists from the award.',
  contract: 'The contract is not entered into yet: the contract release exists once it is.',
};

/**
 * A package of releases. Generated on demand, so its publishedDate is the date of the latest
 * release in it (OCDS: "the date of the last change to the underlying contents").
 */
export function releasePackage(publisher: OcdsPublisher, uri: string, releases: OcdsRelease[]): OcdsReleasePackage {
  const latest = releases.map((found) => found.date).reduce((a, b) => (a > b ? a : b));
  return {
    uri,
    version: '1.1',
    publishedDate: latest,
    publisher: { name: publisher.name },
    extensions: [...OCDS_EXTENSIONS],
    releases,
  };
}
