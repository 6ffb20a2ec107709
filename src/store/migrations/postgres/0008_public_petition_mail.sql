-- Public petitions, continued (issue 5): confirmation emails know their petition, so anonymising a
-- petition deletes the ones still unsent; and accounts may be moderators of public petitions.

-- The petition a queued email is about; NULL for everything else.
ALTER TABLE outbox ADD COLUMN public_petition_id bigint REFERENCES public_petitions (id);

-- Anonymisation's question: this petition's unsent emails.
CREATE INDEX outbox_public_unsent ON outbox (public_petition_id)
  WHERE sent_at IS NULL AND public_petition_id IS NOT NULL;

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('petition-officer', 'staff', 'observer', 'campaigner', 'moderator'));
