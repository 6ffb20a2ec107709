-- Accounts, sessions and the audit log.
-- Times in users and sessions are seconds since the Unix epoch (UTC), compared as integers; the audit
-- log's `at` is ISO 8601 UTC text (YYYY-MM-DDTHH:MM:SSZ) so the table reads plainly to an auditor
-- with nothing but the sqlite3 shell, and sorts correctly as text.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  role TEXT NOT NULL CHECK (role IN ('petition-officer', 'staff', 'observer', 'campaigner')),
  duty TEXT NOT NULL DEFAULT '' CHECK (duty IN ('', 'signing-place-clerk', 'postal-team')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  CHECK ((role = 'staff') = (duty <> ''))
);

-- One account per address however it is capitalised: the database refuses the duplicate, so two
-- officers adding the same person at once cannot both succeed.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- Keyed by the SHA-256 of the session token: the token itself is never stored.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  csrf_token TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX sessions_user ON sessions (user_id);

-- Append-only. AUTOINCREMENT so an id is never reused, even after the highest row is gone; the
-- triggers refuse UPDATE and DELETE from any client, not only from our code.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  actor_user_id INTEGER REFERENCES users (id),
  actor_email TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL CHECK (action <> ''),
  target TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  remote_address TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
