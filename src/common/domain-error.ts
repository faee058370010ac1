/**
 * Moved to `./domain/domain-error` with the other pure files. This re-export keeps code
 * written against the old path (branches in flight) compiling; new code imports the new path.
 */
export * from './domain/domain-error';
