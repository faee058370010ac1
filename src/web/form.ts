import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { DomainError } from '../common/domain/domain-error';
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

/** How a service's refusal lands on a form (refusalOnForm). */
export interface RefusalWording {
  /** The refusals a person can act on; any other error goes on to the error page. Default: validation, rule_violation. */
  codes?: readonly DomainError['code'][];
  /** The page's field for a field the API names (null: not on this page); default: the same name. */
  field?: (apiField: string) => string | null;
  /** The element a page field's message links to, when it is not the field's own name. */
  ids?: Record<string, string>;
  /** Where the refusal's own sentence goes when it names no field on this page; without it, such a refusal is thrown on. */
  fallback?: string;
}

/**
 * A service's refusal onto a form: each field problem it names (`errors: [{field, message}]`)
 * against that field on the page, or its own sentence on the fallback field. The pages and the
 * API refuse with the same rule and the same words.
 */
export function refusalOnForm(form: FormErrors, error: unknown, how: RefusalWording = {}): FormErrors {
  const codes = how.codes ?? ['validation', 'rule_violation'];
  if (!(error instanceof DomainError) || !codes.includes(error.code)) throw error;
  const problems = error.extensions.errors;
  for (const problem of Array.isArray(problems) ? (problems as { field: string; message: string }[]) : []) {
    const field = how.field ? how.field(problem.field) : problem.field;
    if (field) addError(form, field, problem.message.replace(/\.$/, ''), how.ids?.[field] ?? field);
  }
  if (form.errors.length === 0) {
    if (how.fallback === undefined) throw error;
    addError(form, how.fallback, error.detail, how.ids?.[how.fallback] ?? how.fallback);
  }
  return form;
}

/**
 * The one shape of a form's POST once its answers are checked: when the form has no errors,
 * `act` makes the service call (the API's own method) and returns where to go next; a refusal
 * is worded onto the form (refusalOnForm). Returns the address to redirect to, or null to show
 * the form again with its errors.
 */
export async function submitForm(form: FormErrors, act: () => Promise<string>, how: RefusalWording = {}): Promise<string | null> {
  if (form.errors.length > 0) return null;
  try {
    return await act();
  } catch (error) {
    refusalOnForm(form, error, how);
    return null;
  }
}
