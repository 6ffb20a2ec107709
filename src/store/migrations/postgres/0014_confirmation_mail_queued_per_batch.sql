-- Public petitions (issue 5): a signing batch queues its confirmation emails as one row, not one outbox
-- row per signature. An outbox row (about 620 bytes with its body, and an insert into two indexes)
-- was the largest single cost of a signature in PostgreSQL (docs/performance.md, "Confirmation emails
-- queued per batch").
--
-- `links` holds each email's confirmation link as the 32 bytes the token encodes (the signature's id,
-- 8 bytes big-endian, then the link's 24-byte secret; service/public_tokens.hpp), one after another.
-- Everything else the email says is read from the signature and its petition when the delivery
-- worker writes the emails into the outbox (service/public_confirmation_mail.hpp), which deletes the
-- row in the same transaction; a signature no longer pending by then (confirmed, invalidated, or
-- deleted by anonymisation) gets no email. The secrets are the ones the emails carry, as the outbox
-- bodies did.
--
-- At most 200 links a row (6,400 bytes), under toast_tuple_target: the row stays whole in its page,
-- neither compressed (its secrets are random) nor moved out to the TOAST table.
CREATE TABLE public_confirmation_mail (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queued_at bigint NOT NULL,
  links bytea NOT NULL CHECK (octet_length(links) BETWEEN 32 AND 6400 AND octet_length(links) % 32 = 0)
) WITH (toast_tuple_target = 8160);
