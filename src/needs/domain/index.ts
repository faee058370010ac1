export * from './needs-rules';
