-- Reference data: parties, constituencies with their general election results, MPs with their
-- dated party history, hexmap cells, postcodes, and the digest of the sources last loaded.
-- `ordinal` columns keep the order the loader produced, so a load returns exactly what was saved.
-- Dates are ISO 8601 text (YYYY-MM-DD), which sorts and compares correctly.

CREATE TABLE reference_meta (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE parties (
  code TEXT PRIMARY KEY,
  ordinal INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  colour TEXT NOT NULL,
  text_colour TEXT NOT NULL
);

CREATE TABLE constituencies (
  ons_code TEXT PRIMARY KEY,
  ordinal INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  nation TEXT NOT NULL CHECK (nation IN ('england', 'scotland', 'wales', 'northern-ireland')),
  region TEXT NOT NULL,
  county TEXT NOT NULL
);

CREATE TABLE election_results (
  ons_code TEXT NOT NULL REFERENCES constituencies (ons_code) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  held_on TEXT NOT NULL,
  result TEXT NOT NULL,
  first_party TEXT NOT NULL,
  second_party TEXT NOT NULL,
  electorate INTEGER NOT NULL,
  valid_votes INTEGER NOT NULL,
  invalid_votes INTEGER NOT NULL,
  majority INTEGER NOT NULL,
  PRIMARY KEY (ons_code, year)
);

CREATE TABLE result_votes (
  ons_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  party TEXT NOT NULL,
  votes INTEGER NOT NULL CHECK (votes >= 0),
  PRIMARY KEY (ons_code, year, ordinal),
  FOREIGN KEY (ons_code, year) REFERENCES election_results (ons_code, year) ON DELETE CASCADE
);

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  ordinal INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  constituency TEXT NOT NULL,
  parliament INTEGER NOT NULL,
  elected_on TEXT NOT NULL,
  served_until TEXT,
  elected_party TEXT NOT NULL
);
CREATE INDEX members_by_constituency ON members (constituency);

CREATE TABLE party_spells (
  member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  party TEXT NOT NULL,
  from_date TEXT,
  to_date TEXT,
  from_known_by TEXT,
  note TEXT NOT NULL,
  PRIMARY KEY (member_id, ordinal)
);

CREATE TABLE hexes (
  ons_code TEXT PRIMARY KEY,
  ordinal INTEGER NOT NULL UNIQUE,
  q INTEGER NOT NULL,
  r INTEGER NOT NULL,
  region TEXT NOT NULL
);

-- The example postcodes shipped with the reference data (also upserted into postcodes).
CREATE TABLE reference_postcodes (
  postcode TEXT PRIMARY KEY,
  ons_code TEXT NOT NULL
) WITHOUT ROWID;

-- The postcode directory: millions of rows, looked up by key only.
CREATE TABLE postcodes (
  postcode TEXT PRIMARY KEY,
  ons_code TEXT NOT NULL
) WITHOUT ROWID;
