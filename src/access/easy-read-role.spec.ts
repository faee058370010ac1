import { easyReadRole } from './access-rules';

describe('easyReadRole: who does what with a bid’s easy-read summary', () => {
  it('the team writes once the box is open, never for a sealed paper bid it keeps', () => {
    expect(easyReadRole({ viewer: 'team', keeper: false })).toBe('team');
    expect(easyReadRole({ viewer: 'team', keeper: true })).toBeNull();
  });
  it('the bid’s bidder checks it; a panel member reads it', () => {
    expect(easyReadRole({ viewer: 'bidder', keeper: true })).toBe('bidder');
    expect(easyReadRole({ viewer: 'panel', keeper: false })).toBe('panel');
  });
});
