/**
 * What a letter says about being paid until the payments feature (issue 17 part 6) supplies
 * the member's own terms: a sentence that promises nothing it cannot keep.
 */
export const DEFAULT_PAYMENT_PARAGRAPH = 'You can be paid for your time. The team will explain how.';
