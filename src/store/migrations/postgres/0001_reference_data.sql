-- Reference data: parties, constituencies with their general election results, MPs with their
-- dated party history, hexmap cells, postcodes, and the digest of the sources last loaded.
-- `ordinal` columns keep the order the loader produced, so a load returns exactly what was saved.
-- Dates are SQL dates; the connection pins DateStyle to ISO so they read back as YYYY-MM-DD.

CREATE TABLE reference_meta (
  name text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE parties (
  code text PRIMARY KEY,
  ordinal integer NOT NULL UNIQUE,
  name text NOT NULL,
  colour text NOT NULL,
  text_colour text NOT NULL
);

CREATE TABLE constituencies (
  ons_code text PRIMARY KEY,
  ordinal integer NOT NULL UNIQUE,
  name text NOT NULL,
  nation text NOT NULL CHECK (nation IN ('england', 'scotland', 'wales', 'northern-ireland')),
  region text NOT NULL,
  county text NOT NULL
);

CREATE TABLE election_results (
  ons_code text NOT NULL REFERENCES constituencies (ons_code) ON DELETE CASCADE,
  year integer NOT NULL,
  ordinal integer NOT NULL,
  held_on date NOT NULL,
  result text NOT NULL,
  first_party text NOT NULL,
  second_party text NOT NULL,
  electorate bigint NOT NULL,
  valid_votes bigint NOT NULL,
  invalid_votes bigint NOT NULL,
  majority bigint NOT NULL,
  PRIMARY KEY (ons_code, year)
);

CREATE TABLE result_votes (
  ons_code text NOT NULL,
  year integer NOT NULL,
  ordinal integer NOT NULL,
  party text NOT NULL,
  votes bigint NOT NULL CHECK (votes >= 0),
  PRIMARY KEY (ons_code, year, ordinal),
  FOREIGN KEY (ons_code, year) REFERENCES election_results (ons_code, year) ON DELETE CASCADE
);

CREATE TABLE members (
  id text PRIMARY KEY,
  ordinal integer NOT NULL UNIQUE,
  name text NOT NULL,
  constituency text NOT NULL,
  parliament integer NOT NULL,
  elected_on date NOT NULL,
  served_until date,
  elected_party text NOT NULL
);
CREATE INDEX members_by_constituency ON members (constituency);

CREATE TABLE party_spells (
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  party text NOT NULL,
  from_date date,
  to_date date,
  from_known_by date,
  note text NOT NULL,
  PRIMARY KEY (member_id, ordinal)
);

CREATE TABLE hexes (
  ons_code text PRIMARY KEY,
  ordinal integer NOT NULL UNIQUE,
  q integer NOT NULL,
  r integer NOT NULL,
  region text NOT NULL
);

-- The example postcodes shipped with the reference data (also upserted into postcodes).
CREATE TABLE reference_postcodes (
  postcode text PRIMARY KEY,
  ons_code text NOT NULL
);

-- The postcode directory: millions of rows, looked up by key only.
CREATE TABLE postcodes (
  postcode text PRIMARY KEY,
  ons_code text NOT NULL
);
