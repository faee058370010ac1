import { DEFAULT_OCID_PREFIX, ocidOf, releaseIdOf } from './ocds-ids';

describe('OCDS identifiers', () => {
  it('gives a tender the same ocid and release ids every time', () => {
    const ocid = ocidOf(DEFAULT_OCID_PREFIX, 'abc-123');
    expect(ocid).toBe('ocds-tscore-abc-123');
    expect(releaseIdOf(ocid, 'award')).toBe('ocds-tscore-abc-123-award');
    expect(releaseIdOf(ocidOf(DEFAULT_OCID_PREFIX, 'abc-123'), 'award')).toBe(releaseIdOf(ocid, 'award'));
  });
});
