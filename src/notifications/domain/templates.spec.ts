import { allScoresInEmail, clarificationEmail, invitationEmail, reminderEmail, unscoredBidsEmail } from './templates';

const tender = {
  title: 'Community mental health support',
  team: 'the tender team',
  deadline: 'Please finish by 5pm on Friday 12 February 2027.',
};

describe('email templates', () => {
  it('an invitation has the link, the code, how long it works and who to ask', () => {
    const email = invitationEmail({
      name: 'Sam',
      tender,
      url: 'https://t.example/invitation/TOKEN',
      code: 'KT4M-9XPR-Q7',
      expires: '7 December 2026',
    });
    expect(email.subject).toBe('You are invited to score bids for Community mental health support');
    expect(email.body).toContain('Hello Sam,');
    expect(email.body).toContain('https://t.example/invitation/TOKEN');
    expect(email.body).toContain('type this code: KT4M-9XPR-Q7');
    expect(email.body).toContain('until 7 December 2026');
    expect(email.body).toContain('Please finish by 5pm on Friday 12 February 2027.');
    expect(email.body).toMatch(/Thank you,\nThe tender team$/);
  });

  it('a reminder counts the bids left, one or many', () => {
    expect(reminderEmail({ name: 'Sam', tender, unscored: 1, url: 'u' }).subject).toBe(
      'Reminder: 1 bid still to score for Community mental health support',
    );
    expect(unscoredBidsEmail({ name: 'Sam', tender: { ...tender, deadline: null }, unscored: 3, url: 'u' }).body).toContain(
      'You have 3 bids still to score',
    );
  });

  it('the team hears when all scores are in', () => {
    const email = allScoresInEmail({ title: 'T', members: 4, url: 'https://t.example/tenders/1' });
    expect(email.subject).toBe('All scores are in for T');
    expect(email.body).toContain('all 4 panel members');
  });

  it('bidders hear of a published clarification by its title', () => {
    expect(clarificationEmail({ title: 'T', clarificationTitle: 'TUPE list', url: 'u' }).body).toContain('"TUPE list"');
  });
});
