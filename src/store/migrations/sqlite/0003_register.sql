-- Electoral registers as imported for a petition (docs/register-format.md). Each import is a new
-- register; the latest for a constituency is the one in use. Dates are ISO text (YYYY-MM-DD), which
-- sorts and compares correctly as text on both backends.

CREATE TABLE registers (
  id INTEGER PRIMARY KEY,
  ons_code TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  source TEXT NOT NULL
);

CREATE INDEX registers_by_constituency ON registers (ons_code, id);

-- An elector's first record in the file: one row per elector number, enforced by the key.
CREATE TABLE register_entries (
  register_id INTEGER NOT NULL REFERENCES registers (id) ON DELETE CASCADE,
  elector_number TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  change TEXT NOT NULL CHECK (change IN ('addition', 'deletion', 'correction')),
  cause TEXT NOT NULL CHECK (cause IN ('application', 'late-application', 'court-order', 'error-correction')),
  applied_on TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  surname TEXT NOT NULL,
  forenames TEXT NOT NULL,
  address_1 TEXT NOT NULL,
  address_2 TEXT NOT NULL,
  address_3 TEXT NOT NULL,
  postcode TEXT NOT NULL,
  date_of_birth TEXT,
  markers TEXT NOT NULL,
  absent_vote TEXT NOT NULL CHECK (absent_vote IN ('', 'P', 'X', 'Z')),
  proxy_name TEXT NOT NULL,
  proxy_address TEXT NOT NULL,
  PRIMARY KEY (register_id, elector_number)
) WITHOUT ROWID;

-- Later records for an elector already entered: deletions, corrections, re-additions. `ordinal` is
-- the record's place in the file across both tables, so the register loads back in file order.
CREATE TABLE register_changes (
  register_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  elector_number TEXT NOT NULL,
  change TEXT NOT NULL CHECK (change IN ('addition', 'deletion', 'correction')),
  cause TEXT NOT NULL CHECK (cause IN ('application', 'late-application', 'court-order', 'error-correction')),
  applied_on TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  surname TEXT NOT NULL,
  forenames TEXT NOT NULL,
  address_1 TEXT NOT NULL,
  address_2 TEXT NOT NULL,
  address_3 TEXT NOT NULL,
  postcode TEXT NOT NULL,
  date_of_birth TEXT,
  markers TEXT NOT NULL,
  absent_vote TEXT NOT NULL CHECK (absent_vote IN ('', 'P', 'X', 'Z')),
  proxy_name TEXT NOT NULL,
  proxy_address TEXT NOT NULL,
  PRIMARY KEY (register_id, ordinal),
  FOREIGN KEY (register_id, elector_number) REFERENCES register_entries (register_id, elector_number)
    ON DELETE CASCADE
) WITHOUT ROWID;
