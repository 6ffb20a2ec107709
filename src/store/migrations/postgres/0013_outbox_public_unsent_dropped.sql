-- Public petitions (issue 5): the partial index of 0008 on the outbox's unsent public-petition mail
-- goes. Every signature's confirmation email paid an insert into it, on the hot path, for a question
-- only anonymisation asks, once per petition months after it closes ("this petition's unsent
-- emails"), when the unsent rows are few and outbox_due, which holds exactly the unsent rows, finds
-- them. Measured in docs/performance.md ("One index fewer per signature").
DROP INDEX outbox_public_unsent;
