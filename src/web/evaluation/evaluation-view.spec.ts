import { agendaOrder, auditSentence, chainSentence, groupsDiverge, onAgenda, points, pounds, when } from './evaluation-view';

describe('the evaluation pages’ wording', () => {
  it('orders the agenda by spread, largest first, keeping the API’s order among equals; cells without a spread last', () => {
    const cells = [
      { id: 'a', spread: 1, flags: [] },
      { id: 'b', spread: 3, flags: [{ type: 'divergence' }] },
      { id: 'c', spread: null, flags: [{ type: 'quorum_not_met' }] },
      { id: 'd', spread: 3, flags: [{ type: 'group_divergence' }] },
    ];
    expect(agendaOrder(cells).map((cell) => cell.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(cells.filter(onAgenda).map((cell) => cell.id)).toEqual(['b', 'c', 'd']);
    expect(cells.filter(groupsDiverge).map((cell) => cell.id)).toEqual(['d']);
  });

  it('says who did what on the trail, in words', () => {
    expect(auditSentence('tender.publish', 'Amara Okafor')).toBe('Amara Okafor published the tender');
    expect(auditSentence('moderated_score.recorded', 'Ben Ward')).toBe('Ben Ward recorded an agreed score');
    expect(auditSentence('tender.created', null)).toBe('The system created the tender');
    expect(auditSentence('something.new_here', 'Ben Ward')).toBe('Ben Ward did something new here');
    expect(auditSentence('export.downloaded', 'Ben Ward', 'scores.csv')).toBe('Ben Ward downloaded every panel score (CSV file)');
    expect(auditSentence('export.downloaded', 'Ben Ward', 'another.kind')).toBe('Ben Ward downloaded a file');
  });

  it('says whether the chain holds, or which entry broke', () => {
    expect(chainSentence({ ok: true, checked: 425, broken: [] })).toBe('All 425 entries intact');
    expect(chainSentence({ ok: true, checked: 1, broken: [] })).toBe('All 1 entry intact');
    expect(
      chainSentence({ ok: false, checked: 425, broken: [{ seq: 17, reason: 'content does not match its hash (row edited)' }] }),
    ).toBe('Entry 17 is broken: content does not match its hash (row edited). 1 of 425 entries fail the check.');
  });

  it('writes numbers, money and times as people read them', () => {
    expect(points(63.28)).toBe('63.28'); // the API has rounded half-up already; the page only formats
    expect(points(4)).toBe('4.00');
    expect(points(null)).toBe('–');
    expect(pounds(1249500.5)).toBe('£1,249,500.50');
    expect(pounds(null)).toBe('Hidden');
    expect(when('2027-01-31T12:00:00.000Z')).toBe('31 January 2027 at 12:00');
  });
});
