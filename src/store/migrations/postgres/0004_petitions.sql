-- Statutory recall petitions (Recall of MPs Act 2015) and everything recorded while one runs.
-- Dates are ISO text (YYYY-MM-DD); instants are UTC text (YYYY-MM-DDTHH:MM:SSZ), except the outbox
-- and one-time codes, which the worker compares with the clock as Unix seconds. Booleans are 0/1.

-- One row per petition, the timetable stored as computed at opening. A petition is finished once it
-- is declared or terminated; until then it is "under way" and s.5 allows no second one.
CREATE TABLE petitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ons_code text NOT NULL CHECK (ons_code <> ''),
  member_id text NOT NULL,
  mp_name text NOT NULL,
  constituency_name text NOT NULL,
  policy_id text NOT NULL CHECK (policy_id <> ''),
  condition text NOT NULL,
  condition_detail text NOT NULL,
  notice text NOT NULL,
  override_designated_day text,
  override_extend_for_bank_holidays integer CHECK (override_extend_for_bank_holidays IN (0, 1)),
  override_reason text NOT NULL,
  timetable_notice text,
  requirement_notice_by text,
  cut_off_day text,
  designated_day text NOT NULL,
  signing_period_end text NOT NULL,
  unextended_end text NOT NULL,
  extended_for_bank_holidays integer NOT NULL CHECK (extended_for_bank_holidays IN (0, 1)),
  count_by text NOT NULL,
  register_id bigint NOT NULL REFERENCES registers (id),
  maximum_signing_places bigint NOT NULL CHECK (maximum_signing_places >= 0),
  online_signing integer NOT NULL CHECK (online_signing IN (0, 1)),
  postal_signing integer NOT NULL CHECK (postal_signing IN (0, 1)),
  proxy_signing integer NOT NULL CHECK (proxy_signing IN (0, 1)),
  opened_at text NOT NULL,
  termination_on text,
  termination_reason text CHECK (termination_reason IN ('dissolution', 'seat-vacated', 'overturned-on-appeal')),
  termination_detail text,
  -- The count (Declaration) and its s.14 breakdown; all NULL until counted.
  count_eligible bigint,
  count_valid_signatures bigint,
  count_rejected bigint,
  count_percent_tenths bigint,
  count_required bigint,
  count_successful integer CHECK (count_successful IN (0, 1)),
  eligibility_eligible bigint,
  eligibility_excluded_under_18 bigint,
  eligibility_excluded_late_application bigint,
  eligibility_excluded_after_cut_off bigint,
  eligibility_deleted bigint,
  eligibility_not_yet_effective bigint,
  counted_at text,
  speaker_notified_at text,
  declared_at text,
  CHECK ((termination_on IS NULL) = (termination_reason IS NULL)
     AND (termination_on IS NULL) = (termination_detail IS NULL)),
  CHECK ((counted_at IS NULL) = (count_eligible IS NULL)
     AND (counted_at IS NULL) = (count_valid_signatures IS NULL)
     AND (counted_at IS NULL) = (count_rejected IS NULL)
     AND (counted_at IS NULL) = (count_percent_tenths IS NULL)
     AND (counted_at IS NULL) = (count_required IS NULL)
     AND (counted_at IS NULL) = (count_successful IS NULL)
     AND (counted_at IS NULL) = (eligibility_eligible IS NULL)
     AND (counted_at IS NULL) = (eligibility_excluded_under_18 IS NULL)
     AND (counted_at IS NULL) = (eligibility_excluded_late_application IS NULL)
     AND (counted_at IS NULL) = (eligibility_excluded_after_cut_off IS NULL)
     AND (counted_at IS NULL) = (eligibility_deleted IS NULL)
     AND (counted_at IS NULL) = (eligibility_not_yet_effective IS NULL))
);

-- At most one unfinished petition per constituency, decided by the database so two officers opening
-- at once cannot both succeed. The same predicate is the conflict target of the store's INSERT.
CREATE UNIQUE INDEX petitions_one_unfinished ON petitions (ons_code)
  WHERE declared_at IS NULL AND termination_reason IS NULL;

-- The timetable's closures (days in the signing period when places shut), in the order computed.
CREATE TABLE petition_closures (
  petition_id bigint NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  ordinal bigint NOT NULL,
  on_date text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (petition_id, ordinal)
);

-- The count's rejected sheets by reason (only reasons that occurred).
CREATE TABLE petition_rejections (
  petition_id bigint NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (reason IN ('want-of-official-mark', 'unmarked-or-void-for-uncertainty',
                                         'identifiers-failed', 'not-entitled', 'received-late')),
  sheets bigint NOT NULL CHECK (sheets >= 0),
  PRIMARY KEY (petition_id, reason)
);

CREATE TABLE signing_places (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id bigint NOT NULL REFERENCES petitions (id),
  name text NOT NULL CHECK (name <> ''),
  address text NOT NULL,
  postcode text NOT NULL,
  -- Target of the composite keys below: a place referred to must belong to the same petition.
  UNIQUE (id, petition_id)
);

CREATE INDEX signing_places_by_petition ON signing_places (petition_id, id);

-- Opening hours, in the order the officer gave them; one row per weekday at most.
CREATE TABLE signing_place_hours (
  place_id bigint NOT NULL REFERENCES signing_places (id) ON DELETE CASCADE,
  ordinal bigint NOT NULL,
  weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens integer NOT NULL CHECK (opens BETWEEN 0 AND 1440),
  closes integer NOT NULL CHECK (closes BETWEEN 0 AND 1440 AND closes > opens),
  PRIMARY KEY (place_id, ordinal),
  UNIQUE (place_id, weekday)
);

-- Polling district -> signing place (s.7: each elector is allocated one place).
CREATE TABLE allocations (
  petition_id bigint NOT NULL REFERENCES petitions (id),
  polling_district text NOT NULL CHECK (polling_district <> ''),
  place_id bigint NOT NULL,
  PRIMARY KEY (petition_id, polling_district),
  FOREIGN KEY (place_id, petition_id) REFERENCES signing_places (id, petition_id)
);

-- Postal (and postal-proxy) signing sheets sent out: one per elector per petition.
CREATE TABLE postal_issues (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id bigint NOT NULL REFERENCES petitions (id),
  elector_number text NOT NULL CHECK (elector_number <> ''),
  to_proxy integer NOT NULL CHECK (to_proxy IN (0, 1)),
  reason text NOT NULL CHECK (reason IN ('standing-postal-vote', 'application')),
  issued_at text NOT NULL,
  issued_by bigint REFERENCES users (id),
  UNIQUE (petition_id, elector_number)
);

-- Every signing sheet, whichever channel it came by. UNIQUE (petition_id, elector_number) is what
-- makes signing twice impossible (s.12), across channels and across concurrent clerks. A sheet void
-- for uncertainty names nobody: its elector_number is NULL, and NULLs never collide.
CREATE TABLE signatures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id bigint NOT NULL REFERENCES petitions (id),
  elector_number text CHECK (elector_number <> ''),
  channel text NOT NULL CHECK (channel IN ('in-person', 'postal', 'proxy-in-person', 'proxy-postal', 'online')),
  place_id bigint,
  rejection text CHECK (rejection IN ('want-of-official-mark', 'unmarked-or-void-for-uncertainty',
                                      'identifiers-failed', 'not-entitled', 'received-late')),
  identity_evidence text NOT NULL,
  proxy_name text NOT NULL,
  proxy_address text NOT NULL,
  official_mark integer NOT NULL CHECK (official_mark IN (0, 1)),
  date_of_birth_matched integer CHECK (date_of_birth_matched IN (0, 1)),
  signature_matched integer CHECK (signature_matched IN (0, 1)),
  receipt text NOT NULL,
  recorded_by bigint REFERENCES users (id),
  recorded_at text NOT NULL,
  received_on text NOT NULL,
  UNIQUE (petition_id, elector_number),
  FOREIGN KEY (place_id, petition_id) REFERENCES signing_places (id, petition_id),
  CHECK (elector_number IS NOT NULL OR rejection = 'unmarked-or-void-for-uncertainty')
);

-- Refused second attempts (s.12), for the officer only.
CREATE TABLE double_signing_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id bigint NOT NULL REFERENCES petitions (id),
  elector_number text NOT NULL CHECK (elector_number <> ''),
  channel text NOT NULL CHECK (channel IN ('in-person', 'postal', 'proxy-in-person', 'proxy-postal', 'online')),
  place_id bigint,
  recorded_by bigint REFERENCES users (id),
  recorded_at text NOT NULL,
  FOREIGN KEY (place_id, petition_id) REFERENCES signing_places (id, petition_id)
);

CREATE INDEX double_signing_attempts_by_petition ON double_signing_attempts (petition_id, id);

-- The vacancy a successful petition creates: one by-election per petition.
CREATE TABLE by_elections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ons_code text NOT NULL CHECK (ons_code <> ''),
  petition_id bigint NOT NULL UNIQUE REFERENCES petitions (id),
  vacancy_at text NOT NULL,
  status text NOT NULL CHECK (status <> '')
);

-- Email written in the same transaction as its cause and sent later by a worker.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_address text NOT NULL CHECK (to_address <> ''),
  subject text NOT NULL,
  body text NOT NULL,
  created_at text NOT NULL,
  next_attempt_at bigint NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 0),
  last_error text NOT NULL,
  sent_at text
);

-- The worker's question: unsent and due.
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL;

-- One live code per elector per petition, kept only as a hash.
CREATE TABLE one_time_codes (
  petition_id bigint NOT NULL REFERENCES petitions (id),
  elector_number text NOT NULL CHECK (elector_number <> ''),
  code_hash text NOT NULL CHECK (length(code_hash) = 64),
  email text NOT NULL,
  expires_at bigint NOT NULL,
  failed_attempts integer NOT NULL CHECK (failed_attempts >= 0),
  PRIMARY KEY (petition_id, elector_number)
);
