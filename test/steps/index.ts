/** The one step library of the e2e suites: typed request bodies, and the steps that send them. */
export * from './bodies';
export * from './steps';
export * from './assisted-steps';
