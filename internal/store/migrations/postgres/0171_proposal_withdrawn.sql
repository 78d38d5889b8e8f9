-- A writer may withdraw their own pending correction proposal (or an editor
-- for them): status 'withdrawn', with who withdrew it and when in
-- decided_by / decided_at, so the newsroom keeps the record.
ALTER TABLE correction_proposals DROP CONSTRAINT correction_proposals_status_check,
	ADD CONSTRAINT correction_proposals_status_check CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn'));
