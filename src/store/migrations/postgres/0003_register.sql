-- Electoral registers as imported for a petition (docs/register-format.md). Each import is a new
-- register; the latest for a constituency is the one in use. Dates are ISO text (YYYY-MM-DD), which
-- sorts and compares correctly as text on both backends.

CREATE TABLE registers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ons_code text NOT NULL,
  imported_at bigint NOT NULL,
  source text NOT NULL
);

CREATE INDEX registers_by_constituency ON registers (ons_code, id);

-- An elector's first record in the file: one row per elector number, enforced by the key.
CREATE TABLE register_entries (
  register_id bigint NOT NULL REFERENCES registers (id) ON DELETE CASCADE,
  elector_number text NOT NULL,
  ordinal bigint NOT NULL,
  change text NOT NULL CHECK (change IN ('addition', 'deletion', 'correction')),
  cause text NOT NULL CHECK (cause IN ('application', 'late-application', 'court-order', 'error-correction')),
  applied_on text NOT NULL,
  effective_on text NOT NULL,
  surname text NOT NULL,
  forenames text NOT NULL,
  address_1 text NOT NULL,
  address_2 text NOT NULL,
  address_3 text NOT NULL,
  postcode text NOT NULL,
  date_of_birth text,
  markers text NOT NULL,
  absent_vote text NOT NULL CHECK (absent_vote IN ('', 'P', 'X', 'Z')),
  proxy_name text NOT NULL,
  proxy_address text NOT NULL,
  PRIMARY KEY (register_id, elector_number)
);

-- Later records for an elector already entered: deletions, corrections, re-additions. `ordinal` is
-- the record's place in the file across both tables, so the register loads back in file order.
CREATE TABLE register_changes (
  register_id bigint NOT NULL,
  ordinal bigint NOT NULL,
  elector_number text NOT NULL,
  change text NOT NULL CHECK (change IN ('addition', 'deletion', 'correction')),
  cause text NOT NULL CHECK (cause IN ('application', 'late-application', 'court-order', 'error-correction')),
  applied_on text NOT NULL,
  effective_on text NOT NULL,
  surname text NOT NULL,
  forenames text NOT NULL,
  address_1 text NOT NULL,
  address_2 text NOT NULL,
  address_3 text NOT NULL,
  postcode text NOT NULL,
  date_of_birth text,
  markers text NOT NULL,
  absent_vote text NOT NULL CHECK (absent_vote IN ('', 'P', 'X', 'Z')),
  proxy_name text NOT NULL,
  proxy_address text NOT NULL,
  PRIMARY KEY (register_id, ordinal),
  FOREIGN KEY (register_id, elector_number) REFERENCES register_entries (register_id, elector_number)
    ON DELETE CASCADE
);
