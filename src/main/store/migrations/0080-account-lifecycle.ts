import type { Migration } from './index';

/*
 * Account lifecycle (issue 12): an account whose password was set by someone else (the
 * provisioning setup code, an administrator's reset) must choose its own at the next sign-in.
 * Additive on a synced table: a defaulted column. Self-contained: no app imports.
 */
export const m0080AccountLifecycle: Migration = {
  version: 80,
  name: 'account-lifecycle',
  up(db) {
    db.exec(`ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));`);
  },
};
