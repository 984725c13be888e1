-- At the venue: check-in at the door, meetings held or no-show at the tables, what came of each
-- meeting, and private calendar subscriptions.

-- A delegate is checked in once: the first scan of the badge writes the row, later scans read it
-- ("already checked in at 10:02 by ..."). The primary key makes two simultaneous scans one check-in.
create table delegate_check_in (
    delegate_id        bigint       not null primary key,
    checked_in_at      datetime(6)  not null,
    checked_in_by      bigint       not null,
    checked_in_by_name varchar(200) not null,
    constraint fk_check_in_delegate foreign key (delegate_id) references delegate (id),
    constraint fk_check_in_user foreign key (checked_in_by) references app_user (id)
);
create index ix_check_in_at on delegate_check_in (checked_in_at);

-- Organizers and staff mark a confirmed meeting HELD or NO_SHOW at the table (and may correct it).
alter table meeting
    add column attendance              varchar(10)  null,
    add column attendance_marked_at    datetime(6)  null,
    add column attendance_marked_by    bigint       null,
    add column attendance_marked_name  varchar(200) null,
    add constraint ck_meeting_attendance check (attendance is null or attendance in ('HELD', 'NO_SHOW')),
    add constraint fk_meeting_attendance_user foreign key (attendance_marked_by) references app_user (id);
create index ix_meeting_attendance on meeting (status, attendance);

-- After a meeting each of its two companies records its own outcome; the other company never reads
-- it, organizers read both.
create table meeting_outcome (
    meeting_id  bigint        not null,
    company_id  bigint        not null,
    outcome     varchar(30)   not null,
    comment     varchar(1000),
    recorded_at datetime(6)   not null,
    recorded_by bigint        not null,
    primary key (meeting_id, company_id),
    constraint ck_meeting_outcome check (outcome in ('NO_INTEREST', 'FOLLOW_UP', 'AGREEMENT_IN_PREPARATION',
        'AGREEMENT_SIGNED')),
    constraint fk_outcome_meeting foreign key (meeting_id) references meeting (id),
    constraint fk_outcome_company foreign key (company_id) references company (id),
    constraint fk_outcome_user foreign key (recorded_by) references app_user (id)
);
create index ix_meeting_outcome_outcome on meeting_outcome (outcome);

-- A private calendar subscription of one delegate or one company. Only the SHA-256 of its secret
-- token is kept (Tokens.hash); a new link replaces the row, so the old link stops working.
create table calendar_feed (
    id          bigint      not null auto_increment primary key,
    token_hash  char(64)    not null,
    delegate_id bigint      null,
    company_id  bigint      null,
    created_at  datetime(6) not null,
    constraint uk_calendar_feed_token unique (token_hash),
    constraint uk_calendar_feed_delegate unique (delegate_id),
    constraint uk_calendar_feed_company unique (company_id),
    constraint ck_calendar_feed_owner check ((delegate_id is null) <> (company_id is null)),
    constraint fk_calendar_feed_delegate foreign key (delegate_id) references delegate (id),
    constraint fk_calendar_feed_company foreign key (company_id) references company (id)
);
