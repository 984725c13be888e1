-- A delegate who leaves the company's list loses the log-in; the messages they wrote and the leads they
-- scanned stay, under the name written beside them, without the log-in.
alter table message modify sender_user_id bigint null;
alter table fair_lead modify scanned_by bigint null;
