import { fieldWords, firstConstraint, plainMessage } from './validation-messages';

describe('validation messages in plain words', () => {
  it('names fields in words', () => {
    expect(fieldWords('bidDeadline')).toBe('bid deadline');
    expect(fieldWords('lived_experience')).toBe('lived experience');
    expect(fieldWords('If-Match')).toBe('if match');
    expect(fieldWords('0')).toBe('item 1');
  });

  it('rewrites class-validator messages as sentences with the limit', () => {
    expect(plainMessage('maxLength', 'rationale must be shorter than or equal to 10000 characters', 'rationale')).toBe(
      'The rationale is too long: use at most 10,000 characters.',
    );
    expect(plainMessage('min', 'minScorers must not be less than -5', 'minScorers')).toBe('The min scorers must be -5 or more.');
    expect(plainMessage('maxDecimals', 'weight must be a number with at most 2 decimals', 'weight')).toBe(
      'The weight can have at most 2 decimal places.',
    );
    expect(plainMessage('isString', 'each value in consortium must be a string', 'consortium')).toBe(
      'Each item in the consortium must be text.',
    );
    expect(plainMessage('isIn', 'role must be one of the following values: commissioner, procurement', 'role')).toBe(
      'The role must be one of: commissioner, procurement.',
    );
    expect(plainMessage('whitelistValidation', 'property colour should not exist', 'colour')).toBe(
      'This field is not accepted here: leave it out.',
    );
    expect(plainMessage('somethingNew', 'x is odd', 'x')).toBe('The x is not valid.');
  });

  it('keeps messages already written as sentences', () => {
    expect(plainMessage('matches', 'The code must be 1 to 30 letters.', 'code')).toBe('The code must be 1 to 30 letters.');
  });

  it('shows the top decorator: class-validator lists constraints bottom first', () => {
    expect(firstConstraint({ maxLength: 'too long', notBlank: 'blank', isString: 'not a string' })).toEqual([
      'isString',
      'not a string',
    ]);
    expect(firstConstraint({})).toBeNull();
  });
});
