import { activeKeyFor, afterSubmit, planEdit } from './bid-lifecycle';
import { problemOf } from './testing/bid.builders';

describe('versions', () => {
  it('editing a draft changes it in place; editing a submitted bid opens a new version', () => {
    expect(planEdit({ status: 'draft', submittedVersionId: null, draftVersionId: 'v1' })).toBe('update_draft');
    expect(planEdit({ status: 'submitted', submittedVersionId: 'v1', draftVersionId: null })).toBe('open_new_version');
    expect(planEdit({ status: 'submitted', submittedVersionId: 'v1', draftVersionId: 'v2' })).toBe('update_draft');
  });

  it('withdrawn and disqualified bids cannot be edited', () => {
    for (const status of ['withdrawn', 'disqualified'] as const) {
      const problem = problemOf(() => planEdit({ status, submittedVersionId: 'v1', draftVersionId: null }));
      expect(problem.code).toBe('invalid_state');
      expect(problem.detail).toBe(`This bid is ${status}; it can no longer be edited.`);
    }
  });

  it('submitting makes the draft count and supersedes the previous submission', () => {
    expect(afterSubmit({ status: 'draft', submittedVersionId: null, draftVersionId: 'v1' })).toEqual({
      status: 'submitted',
      submittedVersionId: 'v1',
      supersededVersionId: null,
    });
    expect(afterSubmit({ status: 'submitted', submittedVersionId: 'v1', draftVersionId: 'v2' })).toEqual({
      status: 'submitted',
      submittedVersionId: 'v2',
      supersededVersionId: 'v1',
    });
    expect(problemOf(() => afterSubmit({ status: 'submitted', submittedVersionId: 'v1', draftVersionId: null })).detail).toMatch(
      /no unsubmitted changes/,
    );
  });
});

describe('one live bid per bidder', () => {
  it('keys an account bid by organisation and a paper bid by its folded name', () => {
    expect(activeKeyFor({ paper: false, organisationId: 'org-1', bidderUserId: 'u1', bidderName: 'X' })).toBe('org:org-1');
    expect(activeKeyFor({ paper: false, organisationId: null, bidderUserId: 'u1', bidderName: 'X' })).toBe('user:u1');
    expect(activeKeyFor({ paper: true, organisationId: null, bidderUserId: null, bidderName: '  Kentish  Town Trust ' })).toBe(
      'paper:kentish town trust',
    );
  });
});
