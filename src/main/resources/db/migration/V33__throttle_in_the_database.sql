-- The log-in and form throttle (LoginThrottle) in the database, so that every node and a restarted node see the
-- same counts and locks (docs/security.md, "Log-in throttling and records"). Every write is an insert of a row of
-- its own (no counter row that two Galera nodes would update at once, which certification would abort).

-- The failed log-ins are counted from the log-in records themselves, by e-mail and by address, and a success of
-- the e-mail clears its failures: the record is written anyway, so counting it costs no extra write. These indexes
-- make each count a short range of one key's failures (not of its LOCKED refusals, which come fast).
drop index ix_login_attempt_email on login_attempt;
create index ix_login_attempt_email on login_attempt (email, outcome, attempted_at);
create index ix_login_attempt_address on login_attempt (address, outcome, attempted_at);

-- One row per submission of an anonymous form (registration, invitation acceptance, password reset request and
-- reset) by client address; rows older than the window are deleted.
create table form_submission (
    id           bigint      not null auto_increment primary key,
    address      varchar(64) not null,
    submitted_at datetime(6) not null
);
create index ix_form_submission_address on form_submission (address, submitted_at);

-- One row per lock: whom ('account:<e-mail>', 'address:<address>', 'form:<address>'), from when until when, and
-- which lock of a run it is (each further lock lasts twice as long). Kept a day after its end, then deleted.
create table throttle_lock (
    id           bigint       not null auto_increment primary key,
    subject      varchar(300) not null,
    locked_at    datetime(6)  not null,
    locked_until datetime(6)  not null,
    lock_number  int          not null
);
create index ix_throttle_lock_subject on throttle_lock (subject, locked_at);
