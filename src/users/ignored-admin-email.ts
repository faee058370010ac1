import type { DatabaseTarget } from '../config/app-config';

/**
 * The start-up line for ADMIN_EMAIL given on a database that already has accounts but none
 * with that email: the variable only names the first admin, so it is ignored, and a newcomer
 * following a walk-through needs to know which admin to sign in as instead, or how to start
 * afresh.
 */
export function ignoredAdminEmailNotice(adminEmail: string, existingAdmins: string[], database: DatabaseTarget): string {
  const admins =
    existingAdmins.length === 0
      ? 'it has no active admin'
      : `its admin${existingAdmins.length > 1 ? 's are' : ' is'} ${existingAdmins.join(', ')}`;
  const afresh =
    database.type === 'sqlite'
      ? `stop the service and delete ${database.path} (with its -wal and -shm files) to start afresh with ADMIN_EMAIL`
      : 'point DATABASE_URL at an empty database to start afresh with ADMIN_EMAIL';
  return (
    `ADMIN_EMAIL=${adminEmail} is ignored: it only names the first admin, and this database already has accounts (${admins}). ` +
    `Sign in as that admin (a generated password was printed on the first start) and create the account, or ${afresh}.`
  );
}
