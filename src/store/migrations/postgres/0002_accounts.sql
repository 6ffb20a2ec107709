-- Accounts, sessions and the audit log.
-- Times in users and sessions are seconds since the Unix epoch (UTC), compared as integers; the audit
-- log's `at` is ISO 8601 UTC text (YYYY-MM-DDTHH:MM:SSZ), byte-for-byte the same on both backends so
-- an export does not depend on where the log was kept.

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  role text NOT NULL CHECK (role IN ('petition-officer', 'staff', 'observer', 'campaigner')),
  duty text NOT NULL DEFAULT '' CHECK (duty IN ('', 'signing-place-clerk', 'postal-team')),
  password_hash text NOT NULL,
  created_at bigint NOT NULL,
  disabled integer NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  CHECK ((role = 'staff') = (duty <> ''))
);

-- One account per address however it is capitalised: the database refuses the duplicate, so two
-- officers adding the same person at once cannot both succeed.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- Keyed by the SHA-256 of the session token: the token itself is never stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  csrf_token text NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);

-- Append-only: the trigger refuses UPDATE and DELETE from any client, not only from our code.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text NOT NULL CHECK (at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'),
  actor_user_id bigint REFERENCES users (id),
  actor_email text NOT NULL DEFAULT '',
  role text NOT NULL DEFAULT '',
  action text NOT NULL CHECK (action <> ''),
  target text NOT NULL DEFAULT '',
  detail text NOT NULL DEFAULT '{}' CHECK (detail::jsonb IS NOT NULL),
  remote_address text NOT NULL DEFAULT ''
);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
