/**
 * Every email the service sends, in plain words: short sentences, what to do, by when and
 * who to ask. Pure: a template takes what it says and returns the subject and body.
 */

export interface Email {
  subject: string;
  body: string;
}

export interface TenderWords {
  title: string;
  /** "the Haringey Council tender team", or "the tender team". */
  team: string;
  /** "Please finish by 5pm on Friday 12 February 2027." or null. */
  deadline: string | null;
}

const SIGN_OFF = (tender: TenderWords) => `Thank you,\n${capitalise(tender.team)}`;

export function invitationEmail(input: { name: string; tender: TenderWords; url: string; code: string; expires: string }): Email {
  const { tender } = input;
  return {
    subject: `You are invited to score bids for ${tender.title}`,
    body: [
      `Hello ${input.name},`,
      `You are invited to join the panel that scores bids for ${tender.title}. Your views will help decide who runs this service.`,
      `To start, open this link on your phone or computer:\n${input.url}`,
      `If the link does not work, go to the invitation page and type this code: ${input.code}`,
      `The link works once and until ${input.expires}. Do not share it: it signs you in.`,
      ...(tender.deadline ? [tender.deadline] : []),
      `If you need help, or a different way to take part, reply to this email or contact ${tender.team}.`,
      SIGN_OFF(tender),
    ].join('\n\n'),
  };
}

export function reminderEmail(input: { name: string; tender: TenderWords; unscored: number; url: string }): Email {
  const { tender } = input;
  const bids = input.unscored === 1 ? '1 bid' : `${input.unscored} bids`;
  return {
    subject: `Reminder: ${bids} still to score for ${input.tender.title}`,
    body: [
      `Hello ${input.name},`,
      `This is a reminder that you still have ${bids} to score for ${tender.title}.`,
      ...(tender.deadline ? [tender.deadline] : []),
      `Your saved scores are safe. To carry on, open the service:\n${input.url}`,
      `If you cannot finish in time, or need help, contact ${tender.team}.`,
      SIGN_OFF(tender),
    ].join('\n\n'),
  };
}

export function unscoredBidsEmail(input: { name: string; tender: TenderWords; unscored: number; url: string }): Email {
  const { tender } = input;
  const bids = input.unscored === 1 ? '1 bid' : `${input.unscored} bids`;
  return {
    subject: `You have ${bids} to score for ${tender.title}`,
    body: [
      `Hello ${input.name},`,
      `You have ${bids} still to score for ${tender.title}.`,
      ...(tender.deadline ? [tender.deadline] : []),
      `To carry on, open the service:\n${input.url}`,
      `If you need help, contact ${tender.team}.`,
      SIGN_OFF(tender),
    ].join('\n\n'),
  };
}

export function allScoresInEmail(input: { title: string; members: number; url: string }): Email {
  const people = input.members === 1 ? '1 panel member' : `all ${input.members} panel members`;
  return {
    subject: `All scores are in for ${input.title}`,
    body: [
      `Hello,`,
      `Every panel member has now submitted their scores for ${input.title}: ${people}.`,
      `You can now moderate the scores. Open the tender:\n${input.url}`,
      `This message was sent by Tender Scorer.`,
    ].join('\n\n'),
  };
}

export function clarificationEmail(input: { title: string; clarificationTitle: string; url: string }): Email {
  return {
    subject: `New clarification for ${input.title}`,
    body: [
      `Hello,`,
      `The tender team has published a clarification for ${input.title}: "${input.clarificationTitle}".`,
      `Every bidder can read it. It may change how you answer. Read it here:\n${input.url}`,
      `This message was sent by Tender Scorer.`,
    ].join('\n\n'),
  };
}

export function assessmentSummariesEmail(input: { title: string; url: string }): Email {
  return {
    subject: `Your assessment summary for ${input.title}`,
    body: [
      `Hello,`,
      `The tender team has sent the assessment summaries for ${input.title}.`,
      `Read yours here:\n${input.url}`,
      `This message was sent by Tender Scorer.`,
    ].join('\n\n'),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
