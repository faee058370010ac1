/**
 * class-validator's messages read like code ("rationale must be shorter than or equal to
 * 10000 characters"). This turns the one that matters for a field into a plain sentence
 * with the field's name in words: what is wrong and what to do. Pure: no framework imports.
 */

/** "bidDeadline" → "bid deadline", "lived_experience" → "lived experience", "3" → "item 4". */
export function fieldWords(property: string): string {
  if (/^\d+$/.test(property)) return `item ${Number(property) + 1}`;
  return property
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** The limit in class-validator's message: its last number ("…equal to 10000 characters"). */
const number = (raw: string): string => {
  const last = raw.match(/-?\d+(?:\.\d+)?/g)?.at(-1);
  return last === undefined ? '?' : Number.isInteger(Number(last)) ? Number(last).toLocaleString('en-GB') : last;
};

type Template = (what: string, raw: string) => string;

/** By constraint name; `what` is "the bid deadline" or "each item in the consortium". */
const TEMPLATES: Record<string, Template> = {
  isString: (what) => `${capitalise(what)} must be text.`,
  notBlank: (what) => `${capitalise(what)} is blank: write some text.`,
  maxLength: (what, raw) => `${capitalise(what)} is too long: use at most ${number(raw)} characters.`,
  maxCharacters: (what, raw) => `${capitalise(what)} is too long: use at most ${number(raw)} characters.`,
  minLength: (what, raw) => `${capitalise(what)} is too short: use at least ${number(raw)} characters.`,
  isInt: (what) => `${capitalise(what)} must be a whole number.`,
  isNumber: (what) => `${capitalise(what)} must be a number.`,
  maxDecimals: (what, raw) => `${capitalise(what)} can have at most ${number(raw)} decimal places.`,
  min: (what, raw) => `${capitalise(what)} must be ${number(raw)} or more.`,
  max: (what, raw) => `${capitalise(what)} must be ${number(raw)} or less.`,
  isPositive: (what) => `${capitalise(what)} must be more than 0.`,
  isBoolean: (what) => `${capitalise(what)} must be true or false.`,
  isIn: (what, raw) => `${capitalise(what)} must be one of: ${raw.replace(/^.*following values:\s*/, '')}.`,
  isEmail: (what) => `${capitalise(what)} must be an email address, such as name@example.org.`,
  isUUID: (what) => `${capitalise(what)} must be an id, such as 3b241101-e2bb-4255-8caf-4136c566a962.`,
  isIso8601: (what) => `${capitalise(what)} must be a date and time, such as 2027-01-31T12:00:00Z.`,
  isCalendarDate: (what) => `${capitalise(what)} must be a real date written YYYY-MM-DD, such as 2028-03-31.`,
  isArray: (what) => `${capitalise(what)} must be a list, written [ … ].`,
  arrayMaxSize: (what, raw) => `${capitalise(what)} has too many items: give at most ${number(raw)}.`,
  arrayMinSize: (what, raw) => `${capitalise(what)} needs at least ${number(raw)} item${number(raw) === '1' ? '' : 's'}.`,
  arrayUnique: (what) => `${capitalise(what)} lists an item more than once: give each one once.`,
  isObject: (what) => `${capitalise(what)} must be an object with named fields, written { … }.`,
  nestedValidation: (what) => `${capitalise(what)} must be an object with named fields, written { … }.`,
  whitelistValidation: () => 'This field is not accepted here: leave it out.',
};

/**
 * The sentence for one failed constraint of `property`. Messages already written as
 * sentences (custom validators, `message` options: they end with a full stop) pass as they are.
 */
export function plainMessage(constraint: string, raw: string, property: string): string {
  if (/\.$/.test(raw)) return raw;
  const template = TEMPLATES[constraint];
  const name = `the ${fieldWords(property)}`;
  if (!template) return `${capitalise(name)} is not valid.`;
  return template(raw.startsWith('each value in ') ? `each item in ${name}` : name, raw);
}

/**
 * class-validator lists a property's failed constraints bottom decorator first; the top one
 * is the most basic (the type: "must be text" before "too long"), so it is the one shown.
 */
export function firstConstraint(constraints: Record<string, string>): [string, string] | null {
  const entries = Object.entries(constraints);
  return entries.length === 0 ? null : entries[entries.length - 1];
}
