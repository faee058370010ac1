/*
 * What an invitation letter says (issue 17 part 3), as blocks the PDF renderer lays out. Plain
 * words in short sentences: who is asking and why, what the person will do, by when, how to
 * start (link, QR code, code), who to call and being paid. It names the reader and the people
 * to call, never another panel member or a bidder.
 */

export interface LetterContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** The facts of one letter; dates already in words (the service formats them in UK time). */
export interface LetterFacts {
  memberName: string;
  /** The buying organisation (the tender owner's organisation), when known. */
  organisation: string | null;
  tenderTitle: string;
  /** The invitation link (also drawn as a QR code). */
  url: string;
  /** Where the typeable code is entered (PUBLIC_URL/invitation). */
  codeUrl: string;
  code: string;
  /** "5pm on Friday 11 December 2026": when the link stops working. */
  linkExpires: string;
  /** When scores are due, or null when the tender has no scoring deadline. */
  scoringDeadline: string | null;
  contact: LetterContact;
  /** The paragraph about payment (the payments feature's seam). */
  paymentParagraph: string;
  /** The day the letter was printed, in words. */
  printedOn: string;
}

export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** The link: drawn as a QR code beside its text. */
  | { kind: 'link'; url: string }
  /** The code to type: large, spaced, mono-spaced. */
  | { kind: 'code'; text: string };

export interface InvitationLetter {
  title: string;
  blocks: LetterBlock[];
  /** What the QR code encodes: the link, exactly. */
  qrText: string;
}

export function invitationLetter(facts: LetterFacts): InvitationLetter {
  const asker = facts.organisation ?? 'The tender team';
  const blocks: LetterBlock[] = [
    { kind: 'paragraph', text: facts.printedOn },
    { kind: 'paragraph', text: `Dear ${facts.memberName},` },
    {
      kind: 'paragraph',
      text: `${asker} is choosing who will run a service: ${facts.tenderTitle}. We want people who use services like this to help us choose. Your view counts as much as anyone else's.`,
    },
    { kind: 'heading', text: 'What you will do' },
    {
      kind: 'paragraph',
      text: 'You will read what each organisation says it will do. You give each answer a score and say why. You do this on your own, on a phone, tablet or computer. You can stop and come back later.',
    },
    { kind: 'heading', text: 'By when' },
    {
      kind: 'paragraph',
      text: facts.scoringDeadline
        ? `Please finish by ${facts.scoringDeadline}.`
        : 'The team will tell you the date to finish by.',
    },
    { kind: 'heading', text: 'How to start' },
    { kind: 'paragraph', text: 'Point your phone camera at the square code. Or type this link:' },
    { kind: 'link', url: facts.url },
    { kind: 'paragraph', text: `Or go to ${facts.codeUrl} and type this code:` },
    { kind: 'code', text: facts.code },
    {
      kind: 'paragraph',
      text: `The link and the code work until ${facts.linkExpires}. They are for you only. Please do not share them.`,
    },
    { kind: 'heading', text: 'Being paid' },
    { kind: 'paragraph', text: facts.paymentParagraph },
    { kind: 'heading', text: 'Questions or help' },
    { kind: 'paragraph', text: contactSentence(facts.contact) },
    { kind: 'paragraph', text: `Thank you. ${asker}` },
  ];
  return { title: 'You are invited to help choose a service', blocks, qrText: facts.url };
}

/** "Call Sam Patel on 020 7946 0000 or email sam@example.org." (or "Email Sam Patel at …"): whatever of it is known. */
export function contactSentence(contact: LetterContact): string {
  const who = contact.name ?? 'the tender team';
  const byEmail = contact.phone ? `email ${contact.email}` : `email ${who} at ${contact.email}`;
  const ways = [contact.phone ? `call ${who} on ${contact.phone}` : null, contact.email ? byEmail : null].filter(
    (way): way is string => way !== null,
  );
  if (ways.length === 0) return `Please ask ${who}. They are happy to help.`;
  const sentence = ways.join(' or ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. They are happy to help.`;
}

/** Every word on the letter, in order (for tests and the readability check). */
export function letterText(letter: InvitationLetter): string {
  return [letter.title, ...letter.blocks.map((block) => ('url' in block ? block.url : block.text))].join('\n');
}
