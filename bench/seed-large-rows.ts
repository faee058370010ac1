/**
 * The bulk records of bench/seed-large-tender.ts — bids and their versions, the panel,
 * declarations, 144 000 individual scores with unique rationales, moderated scores, gates
 * and commitments — inserted with the app's own entities in one transaction, on SQLite or
 * PostgreSQL.
 */
import type { EntityManager } from 'typeorm';
import { BidCommitment } from '../src/bids/bid-commitment.entity';
import { BidVersion } from '../src/bids/bid-version.entity';
import { Bid } from '../src/bids/bid.entity';
import { ComplianceRecord } from '../src/bids/compliance-record.entity';
import { newId } from '../src/common/ids';
import { ModeratedScore } from '../src/moderation/moderated-score.entity';
import { ConflictDeclaration } from '../src/panel/conflict-declaration.entity';
import { PanelMember } from '../src/panel/panel-member.entity';
import { IndividualScore } from '../src/scoring/individual-score.entity';
import { Tender } from '../src/tenders/tender.entity';

export const LARGE = { bids: 200, sections: 6, leavesPerSection: 10, panelists: 12 } as const;

/** Bind parameters one statement may carry: PostgreSQL takes 65 535, SQLite (since 3.32) 32 766 — the smaller. */
const MAX_BIND_PARAMETERS = 32_766;

/** mulberry32: a tiny seeded generator, so every run seeds the same tender. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function insertEvaluation(
  em: EntityManager,
  tenderId: string,
  ownerId: string,
  panelUserIds: string[],
  leaves: { id: string; code: string }[],
  gateId: string,
) {
  const next = random(20240601);
  const pick = (n: number) => Math.floor(next() * n);
  const at = new Date('2026-12-01T10:00:00Z');
  // Multi-row INSERTs of up to 500 rows, fewer if rows × columns would pass the bind
  // parameter limit (the widest table here, bid, has 19 columns: 9 500 parameters).
  const insert = async <T extends object>(entity: new () => T, rows: T[]) => {
    const repository = em.getRepository(entity);
    const chunk = Math.min(500, Math.floor(MAX_BIND_PARAMETERS / repository.metadata.columns.length));
    for (let i = 0; i < rows.length; i += chunk) await repository.insert(rows.slice(i, i + chunk));
  };
  const members = panelUserIds.map((userId, i) => ({
    id: newId(),
    tenderId,
    userId,
    group: i % 2 === 0 ? 'lived_experience' : 'professional',
    roleLabel: i % 2 === 0 ? 'service user' : 'clinician',
    joinOrder: i + 1,
    joinedAt: at,
    addedById: ownerId,
  })) as PanelMember[];
  await insert(PanelMember, members);
  const bids: Bid[] = [];
  const versions: BidVersion[] = [];
  const commitments: BidCommitment[] = [];
  const compliance: ComplianceRecord[] = [];
  const declarations: ConflictDeclaration[] = [];
  const scores: IndividualScore[] = [];
  const moderated: ModeratedScore[] = [];
  for (let b = 0; b < LARGE.bids; b++) {
    const bidId = newId();
    const versionId = newId();
    const submittedAt = new Date(at.getTime() + b * 1000);
    const name = `Bidder ${String(b + 1).padStart(3, '0')} Community Interest Company`;
    const disqualified = b % 50 === 49;
    bids.push({
      id: bidId,
      tenderId,
      bidderUserId: null,
      organisationId: null,
      bidderName: name,
      organisationType: 'vcse',
      paper: true,
      enteredById: ownerId,
      activeKey: `paper:${name.toLowerCase()}`,
      status: disqualified ? 'disqualified' : 'submitted',
      submittedAt,
      submittedVersionId: null,
      draftVersionId: null,
      withdrawnAt: null,
      disqualifiedAt: disqualified ? at : null,
      disqualifiedById: disqualified ? ownerId : null,
      disqualificationReason: disqualified ? 'Late documents' : null,
      createdAt: submittedAt,
      updatedAt: submittedAt,
    });
    versions.push({
      id: versionId,
      bidId,
      number: 1,
      status: 'submitted',
      bidderName: name,
      organisationType: 'vcse',
      consortium: [],
      pricePence: 50_000_000 + pick(50_000_000),
      createdById: ownerId,
      createdAt: submittedAt,
      updatedAt: submittedAt,
      submittedAt,
      submittedById: ownerId,
    });
    commitments.push({
      id: newId(),
      versionId,
      position: 0,
      criterionId: null,
      outcome: 'Members in paid work or volunteering',
      measure: 'Starts per year',
      target: String(20 + (b % 30)),
      baseline: '10',
      byDate: '2028-03-31',
    });
    if (b % 40 !== 39)
      compliance.push({
        id: newId(),
        bidId,
        criterionId: gateId,
        passed: b % 25 !== 24,
        note: 'Certificate seen.',
        recordedById: ownerId,
        recordedAt: at,
      });
    const conflicted = b % 7 === 0 ? members[b % LARGE.panelists].id : null;
    for (const member of members) {
      const conflict = member.id === conflicted;
      declarations.push({
        id: newId(),
        tenderId,
        panelMemberId: member.id,
        bidId,
        conflict,
        details: conflict ? 'Former employee.' : null,
        declaredAt: at,
        escalatedAt: null,
      });
    }
    const quality = 1 + pick(4);
    for (const leaf of leaves) {
      for (const member of members) {
        const score = Math.max(0, Math.min(5, quality + pick(3) - 1));
        scores.push({
          id: newId(),
          tenderId,
          bidId,
          criterionId: leaf.id,
          panelMemberId: member.id,
          score,
          status: 'submitted',
          savedAt: at,
          submittedAt: at,
          // Unique, about 250 characters, as real rationales are (an export must not count on repeats).
          rationale:
            `Scored ${score} for bid ${b + 1} on ${leaf.code} (member ${members.indexOf(member) + 1}): the answer gives ` +
            `${score >= 3 ? 'clear' : 'limited'} evidence, with examples from the bidder's current services; ` +
            `outcome measures are ${score >= 4 ? 'specific and already reported quarterly' : 'described but not yet measured'}. Ref ${pick(1e9)}.`,
        });
      }
      if (next() < 0.5) {
        moderated.push({
          id: newId(),
          tenderId,
          bidId,
          criterionId: leaf.id,
          version: 1,
          score: quality,
          rationale: 'Panel agreed after discussion.',
          moderatedById: ownerId,
          moderatedAt: at,
        });
      }
    }
  }
  await insert(Bid, bids);
  await insert(BidVersion, versions);
  for (let b = 0; b < bids.length; b++)
    await em.getRepository(Bid).update({ id: bids[b].id }, { submittedVersionId: versions[b].id });
  await insert(BidCommitment, commitments);
  await insert(ComplianceRecord, compliance);
  await insert(ConflictDeclaration, declarations);
  await insert(IndividualScore, scores);
  await insert(ModeratedScore, moderated);
  await em.getRepository(Tender).update({ id: tenderId }, { status: 'moderation', closedAt: at, moderationStartedAt: at });
  return { bids: bids.length, scores: scores.length, moderated: moderated.length };
}
