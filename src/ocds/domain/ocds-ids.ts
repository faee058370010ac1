/**
 * Stable OCDS identifiers. An ocid is the publisher's registered prefix (OCDS: "ocds-" and six
 * characters from the Open Contracting Partnership) followed by the tender's own id, so the same
 * tender always has the same ocid. The default prefix is a placeholder for a service that has not
 * registered one; a council sets its own in configuration before publishing.
 */
export const DEFAULT_OCID_PREFIX = 'ocds-tscore';

/** The release stages the service publishes, in the order they are reached. */
export const RELEASE_STAGES = ['tender', 'award', 'contract'] as const;
export type ReleaseStage = (typeof RELEASE_STAGES)[number];

export function ocidOf(prefix: string, tenderId: string): string {
  return `${prefix}-${tenderId}`;
}

/** One release id per stage of a tender: rebuilt from the same facts, it never changes. */
export function releaseIdOf(ocid: string, stage: ReleaseStage): string {
  return `${ocid}-${stage}`;
}
