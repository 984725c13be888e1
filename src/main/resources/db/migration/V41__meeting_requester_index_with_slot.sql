-- The meeting limit's count (MeetingLimits.activeOf), read twice under the booking's locks at every booking, counts a
-- company's confirmed meetings and its requests whose slot has not begun (a request left unanswered no longer counts).
-- With the slot in the requester's index the confirmed ones are counted from the index alone and only the requests
-- still REQUESTED look up their slot; without it every meeting of the requester was read from the table and joined
-- to its slot. Same leading columns, so every query that used the index still does.
alter table meeting drop index ix_meeting_requester,
    add index ix_meeting_requester (requester_company_id, partner_company_id, status, slot_id);
