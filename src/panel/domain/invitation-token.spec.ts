import {
  groupInvitationCode,
  hashInvitationCode,
  INVITATION_CODE_ALPHABET,
  newInvitationCode,
  normaliseInvitationCode,
} from './invitation-token';

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('invitation codes', () => {
  it('are ten characters without look-alikes, shown in groups of four', () => {
    for (let run = 0; run < 200; run++) {
      const { code, codeHash } = newInvitationCode(SECRET);
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
      expect(code).not.toMatch(/[01OIL]/);
      expect(codeHash).toBe(hashInvitationCode(normaliseInvitationCode(code)!, SECRET));
    }
    expect(INVITATION_CODE_ALPHABET).toHaveLength(31);
    expect(groupInvitationCode('KT4M9XPRQ7')).toBe('KT4M-9XPR-Q7');
  });

  it('are read case-insensitively, with spaces and separators ignored', () => {
    for (const typed of ['KT4M-9XPR-Q7', 'kt4m9xprq7', ' kt4m 9xpr q7 ', 'KT4M–9XPR–Q7', 'kt4m.9xpr.q7']) {
      expect(normaliseInvitationCode(typed)).toBe('KT4M9XPRQ7');
    }
  });

  it('refuse what cannot be a code: wrong length, characters outside the alphabet', () => {
    for (const typed of ['', 'KT4M-9XPR', 'KT4M-9XPR-Q77', 'KT4M-9XPR-O7', 'KT4M-9XPR-Q1', 'KT4M-9XPR-Q!']) {
      expect(normaliseInvitationCode(typed)).toBeNull();
    }
  });

  it('hash under the server secret: another secret gives another hash', () => {
    expect(hashInvitationCode('KT4M9XPRQ7', SECRET)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationCode('KT4M9XPRQ7', SECRET)).not.toBe(hashInvitationCode('KT4M9XPRQ7', `${SECRET}!`));
  });
});
