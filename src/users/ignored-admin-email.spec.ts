import { ignoredAdminEmailNotice } from './ignored-admin-email';

describe('ignoredAdminEmailNotice', () => {
  it('names the admin to sign in as and the file to delete to start afresh (SQLite)', () => {
    expect(
      ignoredAdminEmailNotice('admin@example.org', ['admin@localhost'], {
        type: 'sqlite',
        path: '/srv/ts/data/tender-scorer.sqlite',
      }),
    ).toBe(
      'ADMIN_EMAIL=admin@example.org is ignored: it only names the first admin, and this database already has accounts (its admin is admin@localhost). ' +
        'Sign in as that admin (a generated password was printed on the first start) and create the account, ' +
        'or stop the service and delete /srv/ts/data/tender-scorer.sqlite (with its -wal and -shm files) to start afresh with ADMIN_EMAIL.',
    );
  });

  it('lists several admins, and on PostgreSQL points at an empty database instead', () => {
    const notice = ignoredAdminEmailNotice('new@example.org', ['a@example.org', 'b@example.org'], {
      type: 'postgres',
      url: 'postgres://x/db',
    });
    expect(notice).toContain('its admins are a@example.org, b@example.org');
    expect(notice).toContain('point DATABASE_URL at an empty database');
  });
});
