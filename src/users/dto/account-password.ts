import { IsString, MaxLength, MinLength } from 'class-validator';
import { fieldWords } from '../../common/validation-messages';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password';

/** The account password policy as one decorator: a string of 12 to 200 characters. */
export function AccountPassword(): PropertyDecorator {
  return (target, property) => {
    const words = fieldWords(String(property));
    const name = words.charAt(0).toUpperCase() + words.slice(1);
    IsString({ message: `${name} must be text.` })(target, property);
    MinLength(PASSWORD_MIN_LENGTH, {
      message: `${name} must be at least ${PASSWORD_MIN_LENGTH} characters long: a few words make a good one.`,
    })(target, property);
    MaxLength(PASSWORD_MAX_LENGTH, { message: `${name} must be at most ${PASSWORD_MAX_LENGTH} characters long.` })(
      target,
      property,
    );
  };
}
