-- The morning digest goes once per delegate and forum day, whichever node sends it: the node claims
-- the row (insert ignore, committed at once) before it hands the e-mail to the SMTP server.
create table morning_digest_sent (
    delegate_id bigint      not null,
    forum_date  date        not null,
    sent_at     datetime(6) not null,
    primary key (delegate_id, forum_date)
);
