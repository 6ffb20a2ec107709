-- Public "call a by-election" petitions (issue 5; docs/public-petitions.md section 2). Instants are
-- UTC text (YYYY-MM-DDTHH:MM:SSZ), which sorts as time does; hashes and IP sort keys are bytea compared
-- as octets. There is no counter column anywhere: counts are a GROUP BY over the signatures, so a
-- surge never queues on one hot row (the e-petitions failure, DOMAIN.md section 4).

CREATE TABLE public_petitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action text NOT NULL CHECK (action <> ''),
  background text NOT NULL,
  details text NOT NULL,
  member_id text,
  ons_code text,
  state text NOT NULL
    CHECK (state IN ('collecting-sponsors', 'sponsored', 'open', 'closed', 'rejected', 'hidden')),
  -- The creator signs as the first supporter. No foreign key: the signature refers to the petition,
  -- and anonymising deletes pending signatures.
  creator_signature_id bigint,
  -- SHA-256 of the shared sponsor link's token; the token itself is never stored.
  sponsor_token_hash bytea NOT NULL UNIQUE CHECK (octet_length(sponsor_token_hash) = 32),
  sponsor_count integer NOT NULL DEFAULT 0 CHECK (sponsor_count >= 0),
  sponsored_at text,
  created_at text NOT NULL,
  opened_at text,
  closes_at text,
  closed_at text,
  moderation_reason text,
  moderation_note text,
  moderated_at text,
  moderated_by bigint REFERENCES users (id),
  anonymised_at text,
  CHECK ((moderation_reason IS NULL) = (moderated_at IS NULL)
     AND (moderation_reason IS NULL) = (moderation_note IS NULL)),
  CHECK ((opened_at IS NULL) = (closes_at IS NULL))
);

-- Newest first by state, and the moderation queue in the order petitions were sponsored.
CREATE INDEX public_petitions_by_state ON public_petitions (state, id);
CREATE INDEX public_petitions_queue ON public_petitions (state, sponsored_at);

-- The petition's thresholds (a response, a debate) and the first time each was reached, kept even if
-- invalidation later takes the count back below.
CREATE TABLE public_petition_thresholds (
  petition_id bigint NOT NULL REFERENCES public_petitions (id),
  signatures bigint NOT NULL CHECK (signatures > 0),
  reached_at text,
  PRIMARY KEY (petition_id, signatures)
);

-- A moderator's bulk invalidation: the criteria as JSON and how many signatures they struck out.
CREATE TABLE public_invalidations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id bigint NOT NULL REFERENCES public_petitions (id),
  criteria_json text NOT NULL CHECK (criteria_json::jsonb IS NOT NULL),
  matched bigint NOT NULL CHECK (matched >= 0),
  created_at text NOT NULL,
  created_by bigint REFERENCES users (id)
);

CREATE INDEX public_invalidations_by_petition ON public_invalidations (petition_id, id);

-- Personal columns (name, email, canonical_email, postcode, ip, email_domain, confirm_token_hash) are
-- NULL once the petition is anonymised; ons_code, state, standing and the times are kept, so the
-- counts and the constituency breakdown survive. ons_code NULL: a postcode not in the directory.
CREATE TABLE public_signatures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id bigint NOT NULL REFERENCES public_petitions (id),
  name text,
  email text,
  canonical_email text,
  postcode text,
  ons_code text,
  ip bytea CHECK (octet_length(ip) = 16),
  email_domain text,
  uk_resident integer NOT NULL CHECK (uk_resident IN (0, 1)),
  sponsor integer NOT NULL DEFAULT 0 CHECK (sponsor IN (0, 1)),
  state text NOT NULL CHECK (state IN ('pending', 'confirmed', 'invalidated')),
  standing text NOT NULL CHECK (standing IN ('counted', 'suspect')),
  suspect_reason text,
  confirm_token_hash bytea CHECK (octet_length(confirm_token_hash) = 32),
  created_at text NOT NULL,
  confirmed_at text,
  invalidated_at text,
  invalidation_id bigint REFERENCES public_invalidations (id),
  CHECK ((standing = 'suspect') = (suspect_reason IS NOT NULL)),
  -- confirmed_at says whether a signature was ever confirmed, also once invalidated: the store reads
  -- "counted before" from it in the same statement that invalidates.
  CHECK (state <> 'pending' OR confirmed_at IS NULL),
  CHECK (state <> 'confirmed' OR confirmed_at IS NOT NULL),
  CHECK ((state = 'invalidated') = (invalidated_at IS NOT NULL))
);

-- The rule "one signature per canonical email per petition", enforced by the database. NULLs (after
-- anonymising) never collide.
CREATE UNIQUE INDEX public_signatures_one_each ON public_signatures (petition_id, canonical_email);
CREATE UNIQUE INDEX public_signatures_token ON public_signatures (confirm_token_hash);
-- Counts at start and in the recount: a covering index, so the GROUP BY never reads the table.
CREATE INDEX public_signatures_counting ON public_signatures (petition_id, state, standing, ons_code);
CREATE INDEX public_signatures_by_ip ON public_signatures (petition_id, ip);
CREATE INDEX public_signatures_by_time ON public_signatures (petition_id, created_at);

-- What moderators have blocked (core/public_petition/block_list.hpp): kind ip (an address or CIDR
-- range), domain ("example.com" or "*.example.com") or email (canonical), in canonical text form.
CREATE TABLE public_blocks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('ip', 'domain', 'email')),
  value text NOT NULL CHECK (value <> ''),
  created_at text NOT NULL,
  created_by bigint REFERENCES users (id),
  note text NOT NULL DEFAULT '',
  UNIQUE (kind, value)
);
