-- Public petitions, continued (issue 5): confirmation emails know their petition, so anonymising a
-- petition deletes the ones still unsent; and accounts may be moderators of public petitions.

-- The petition a queued email is about; NULL for everything else.
ALTER TABLE outbox ADD COLUMN public_petition_id INTEGER REFERENCES public_petitions (id);

-- Anonymisation's question: this petition's unsent emails.
CREATE INDEX outbox_public_unsent ON outbox (public_petition_id)
  WHERE sent_at IS NULL AND public_petition_id IS NOT NULL;

-- SQLite cannot change a CHECK in place, so users is rebuilt with 'moderator' among the roles.
-- Dropping the table deletes its rows first, which would cascade to sessions: they are kept aside and
-- put back. References from other tables (the audit log, petitions) point at users by name and are
-- satisfied again when the rows return; defer_foreign_keys holds the check until COMMIT.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE kept_users AS SELECT * FROM users;
CREATE TEMP TABLE kept_sessions AS SELECT * FROM sessions;
DROP TABLE users;
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  role TEXT NOT NULL CHECK (role IN ('petition-officer', 'staff', 'observer', 'campaigner', 'moderator')),
  duty TEXT NOT NULL DEFAULT '' CHECK (duty IN ('', 'signing-place-clerk', 'postal-team')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  CHECK ((role = 'staff') = (duty <> ''))
);
INSERT INTO users (id, email, role, duty, password_hash, created_at, disabled)
  SELECT id, email, role, duty, password_hash, created_at, disabled FROM kept_users;
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
INSERT INTO sessions SELECT * FROM kept_sessions;
DROP TABLE kept_sessions;
DROP TABLE kept_users;
