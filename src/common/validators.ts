import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { hasAtMostDecimals } from './domain/decimals';

export function MaxDecimals(decimals: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxDecimals',
      constraints: [decimals],
      validator: {
        validate: (value: unknown) => hasAtMostDecimals(value, decimals),
        defaultMessage: (args) => `${args?.property} must be a number with at most ${decimals} decimals`,
      },
    },
    options,
  );
}

export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: (args) => `${args?.property} must not be blank`,
      },
    },
    options,
  );
}

/**
 * The field may be left out; when given it is checked, and `null` is refused (400) rather
 * than read as "not given" or stored. Use IsOptional only where null means "clear this".
 */
export function IfPresent(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
