import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalidBody, type FieldProblem } from './domain/domain-error';
import { firstConstraint, plainMessage } from './validation-messages';

/** Flattens class-validator's tree into `[{field: "responses[0].text", message}]`: one plain sentence per field. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field =
      parent === ''
        ? error.property
        : /^\d+$/.test(error.property)
          ? `${parent}[${error.property}]`
          : `${parent}.${error.property}`;
    const first = firstConstraint(error.constraints ?? {});
    if (first) problems.push({ field, message: plainMessage(first[0], first[1], error.property) });
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, field));
  }
  return problems;
}

/** The global pipe: unknown fields are refused, never silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      return invalidBody(flattenValidationErrors(errors));
    },
  });
}
