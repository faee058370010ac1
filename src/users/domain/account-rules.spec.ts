import { DomainError } from '../../common/domain/domain-error';
import { assertAccountChangeAllowed, assertRoleChangeAllowed, passwordResetExpiry } from './account-rules';

const refusal = (run: () => void): DomainError | undefined => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  return undefined;
};

describe('account rules', () => {
  const admin = { id: 'a', role: 'admin' as const, active: true };

  it('refuses changing one’s own role or deactivating oneself', () => {
    expect(
      refusal(() =>
        assertAccountChangeAllowed({
          actorId: 'a',
          target: admin,
          next: { role: 'commissioner', active: true },
          activeAdminIds: ['a', 'b'],
        }),
      )?.code,
    ).toBe('invalid_state');
    expect(
      refusal(() =>
        assertAccountChangeAllowed({
          actorId: 'a',
          target: admin,
          next: { role: 'admin', active: false },
          activeAdminIds: ['a', 'b'],
        }),
      )?.detail,
    ).toMatch(/own account/);
  });

  it('never removes the last active admin, by demotion or deactivation', () => {
    // Reached when the acting admin lost their own rights in a race: the rule still holds.
    for (const next of [
      { role: 'commissioner' as const, active: true },
      { role: 'admin' as const, active: false },
    ]) {
      const error = refusal(() => assertAccountChangeAllowed({ actorId: 'x', target: admin, next, activeAdminIds: ['a'] }));
      expect(error).toMatchObject({ code: 'invalid_state', detail: expect.stringMatching(/only active admin/) });
    }
  });

  it('allows demoting one of two admins, and any change to other accounts', () => {
    expect(
      refusal(() =>
        assertAccountChangeAllowed({
          actorId: 'b',
          target: admin,
          next: { role: 'procurement', active: true },
          activeAdminIds: ['a', 'b'],
        }),
      ),
    ).toBeUndefined();
    const panelist = { id: 'p', role: 'panelist' as const, active: true };
    expect(
      refusal(() =>
        assertAccountChangeAllowed({
          actorId: 'a',
          target: panelist,
          next: { role: 'panelist', active: false },
          activeAdminIds: ['a'],
        }),
      ),
    ).toBeUndefined();
  });

  it('keeps bidder accounts bidders', () => {
    expect(refusal(() => assertRoleChangeAllowed('bidder', 'commissioner'))?.code).toBe('rule_violation');
    expect(refusal(() => assertRoleChangeAllowed('procurement', 'bidder'))?.code).toBe('rule_violation');
    expect(refusal(() => assertRoleChangeAllowed('bidder', 'bidder'))).toBeUndefined();
    expect(refusal(() => assertRoleChangeAllowed('panelist', 'commissioner'))).toBeUndefined();
  });

  it('gives a reset link one hour', () => {
    expect(passwordResetExpiry(new Date('2026-11-23T10:00:00.000Z')).toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });
});
