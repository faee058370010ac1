/** The criteria rules, pure: vocabulary, tree operations, per-node rules and publication. */
export * from './criteria-vocabulary';
export * from './criteria-tree';
export * from './criterion-shape';
export * from './publish-validation';
export * from './social-value';
