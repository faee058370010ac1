import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

/** GOV.UK error summary and inline messages for one form. */
export interface FormErrors {
  /** For govukErrorSummary: message and link to the field. */
  errors: { text: string; href: string }[];
  /** For each macro's errorMessage. */
  fieldErrors: Record<string, { text: string }>;
}

export const noErrors = (): FormErrors => ({ errors: [], fieldErrors: {} });

export function addError(form: FormErrors, field: string, text: string, fieldId = field): FormErrors {
  if (!form.fieldErrors[field]) {
    form.fieldErrors[field] = { text };
    form.errors.push({ text, href: `#${fieldId}` });
  }
  return form;
}

/**
 * Checks a form with the API's own request DTO (the same decorators, so a page and its
 * route accept exactly the same input), and words each failing property for people:
 * `plain` gives the sentence per property; the DTO's developer message is never shown.
 */
export function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  values: Record<string, unknown>,
  plain: Record<string, string>,
  fieldIds: Record<string, string> = {},
): { value: T; form: FormErrors } {
  const value = plainToInstance(dto, values);
  const form = noErrors();
  for (const problem of validateSync(value, { whitelist: true, forbidNonWhitelisted: false })) {
    addError(form, problem.property, plain[problem.property] ?? 'Check this answer', fieldIds[problem.property]);
  }
  return { value, form };
}
