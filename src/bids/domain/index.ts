/** The bid rules, pure: vocabulary, the sealed box, a bid's lifecycle, and its content. */
export * from './bid-facts';
export * from './sealed-box';
export * from './bid-lifecycle';
export * from './bid-content';
