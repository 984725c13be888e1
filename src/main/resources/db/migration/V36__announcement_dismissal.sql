-- A reader closed an announcement's banner: it stays closed for that log-in on every page, device and later
-- session (ux54; before, closing it lasted the session, and the banner was back at every log-in). No key on the
-- log-in: a delegate's log-in deleted with the delegate leaves its rows behind, ids are not reused.
create table announcement_dismissal (
    user_id         bigint      not null,
    announcement_id bigint      not null,
    dismissed_at    datetime(6) not null,
    primary key (user_id, announcement_id),
    constraint fk_announcement_dismissal_announcement foreign key (announcement_id) references announcement (id)
);
