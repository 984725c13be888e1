-- Every log-in attempt, failed or not: when, the e-mail as typed (trimmed, capped), from where, and
-- how it ended. Never the password. Organizers read it; nothing deletes it yet.
create table login_attempt (
    id           bigint       not null auto_increment primary key,
    attempted_at datetime(6)  not null,
    email        varchar(254) not null,
    address      varchar(64),
    outcome      varchar(20)  not null
);
create index ix_login_attempt_time on login_attempt (attempted_at);
create index ix_login_attempt_email on login_attempt (email, attempted_at);

-- Raised when an account is disabled or its password changes or is reset: sessions that logged in
-- under an older value end on their next request.
alter table app_user add column session_epoch int not null default 0;
