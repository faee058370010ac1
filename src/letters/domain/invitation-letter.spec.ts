import { contactSentence, invitationLetter, letterText, type LetterFacts } from './invitation-letter';
import { DEFAULT_PAYMENT_SENTENCE as DEFAULT_PAYMENT_PARAGRAPH } from '../../payments/domain/payment-wording';

const FACTS: LetterFacts = {
  memberName: 'Jordan Reid',
  organisation: 'London Borough of Camden',
  tenderTitle: 'Mental health day services',
  url: 'https://scoring.example/invitation/abc_DEF-123',
  codeUrl: 'https://scoring.example/invitation',
  code: 'KT4M-9XPR-Q7',
  linkExpires: '5pm on Wednesday 16 December 2026',
  scoringDeadline: '5pm on Friday 12 February 2027',
  contact: { name: 'Sam Patel', email: 'sam@camden.example', phone: '020 7946 0000' },
  paymentParagraph: DEFAULT_PAYMENT_PARAGRAPH,
  printedOn: '2 December 2026',
};

describe('the invitation letter', () => {
  const letter = invitationLetter(FACTS);
  const text = letterText(letter);

  it('says who is asking and why, what to do, by when, how to start, who to call and being paid', () => {
    expect(text).toContain('Dear Jordan Reid,');
    expect(text).toContain('London Borough of Camden is choosing who will run a service: Mental health day services.');
    expect(text).toContain('Please finish by 5pm on Friday 12 February 2027.');
    expect(text).toContain('https://scoring.example/invitation/abc_DEF-123');
    expect(text).toContain('Or go to https://scoring.example/invitation and type this code:');
    expect(letter.blocks).toContainEqual({ kind: 'code', text: 'KT4M-9XPR-Q7' });
    expect(text).toContain('work until 5pm on Wednesday 16 December 2026');
    expect(text).toContain('Call Sam Patel on 020 7946 0000 or email sam@camden.example.');
    expect(text).toContain(DEFAULT_PAYMENT_PARAGRAPH);
  });

  it('draws the QR code of the link itself', () => {
    expect(letter.qrText).toBe(FACTS.url);
    expect(letter.blocks).toContainEqual({ kind: 'link', url: FACTS.url });
  });

  it('names only the reader and the contact: nobody else from the panel, no bidder', () => {
    // Every capitalised word is the reader's, the contact's, the buyer's, the title's, a date's,
    // or starts a sentence of the template: no room for anyone else's name.
    const own = new Set(
      [FACTS.memberName, FACTS.organisation!, FACTS.tenderTitle, FACTS.contact.name!, FACTS.scoringDeadline!, FACTS.linkExpires]
        .join(' ')
        .split(/\s+/),
    );
    const capitalised = new Set((text.match(/\b[A-Z][a-z]+\b/g) ?? []).filter((word) => !own.has(word)));
    expect([...capitalised].sort((a, b) => a.localeCompare(b))).toEqual(
      [
        'Being',
        'Call',
        'Dear',
        'How',
        'Or',
        'Please',
        'Point',
        'Questions',
        'They',
        'Thank',
        'The',
        'We',
        'What',
        'You',
        'Your',
        'By',
      ].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('uses the payment paragraph it is given (the payments feature’s seam)', () => {
    const paid = letterText(invitationLetter({ ...FACTS, paymentParagraph: 'We pay £25 an hour.' }));
    expect(paid).toContain('We pay £25 an hour.');
    expect(paid).not.toContain(DEFAULT_PAYMENT_PARAGRAPH);
  });

  it('keeps sentences short (at most 25 words) and never mentions an unknown deadline or buyer', () => {
    const sentences = letter.blocks
      .filter((block) => block.kind === 'paragraph')
      .flatMap((block) => block.text.split(/(?<=[.?!])\s+/));
    for (const sentence of sentences) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(25);
    const bare = letterText(invitationLetter({ ...FACTS, organisation: null, scoringDeadline: null }));
    expect(bare).toContain('The tender team is choosing who will run a service');
    expect(bare).toContain('The team will tell you the date to finish by.');
  });
});

describe('who to call', () => {
  it('says whatever of the contact is known', () => {
    expect(contactSentence({ name: 'Sam Patel', email: null, phone: '020 7946 0000' })).toBe(
      'Call Sam Patel on 020 7946 0000. They are happy to help.',
    );
    expect(contactSentence({ name: 'Sam Patel', email: 'sam@camden.example', phone: null })).toBe(
      'Email Sam Patel at sam@camden.example. They are happy to help.',
    );
    expect(contactSentence({ name: null, email: null, phone: null })).toBe('Please ask the tender team. They are happy to help.');
  });
});
