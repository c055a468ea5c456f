-- Issue 5, notes: a staff member's note on a request, internal (staff only) or public (shown on the citizen's
-- timeline). The text is a request message (personal data stays out of the permanent trail); the `note_added`
-- audit event names it by id.
ALTER TABLE request_messages DROP CONSTRAINT request_messages_kind_check;
ALTER TABLE request_messages ADD CONSTRAINT request_messages_kind_check
    CHECK (kind IN ('question', 'reply', 'rejection_reason', 'forward_reason', 'note'));

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added'));
