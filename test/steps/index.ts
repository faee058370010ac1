/** The one step library of the e2e suites: typed request bodies, and the steps that send them. */
export * from './bodies';
export * from './steps';
export * from './payment-steps';
export * from './letters';
export * from './easy-read';
export * from './needs';
export * from './workbook';
export * from './assisted-steps';
export * from './conflict-steps';
export * from './summary-steps';
