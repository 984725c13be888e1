-- The wishes phase: companies list the companies they want to meet (with a priority) instead of
-- booking slots, and the organizers let the scheduler build the grid from those wishes.
alter table booking_settings add column wishes_phase boolean not null default false;

-- One wish per company and wished company; mutual wishes make one meeting.
create table meeting_wish (
    id                bigint      not null auto_increment primary key,
    company_id        bigint      not null,
    target_company_id bigint      not null,
    priority          varchar(10) not null,
    created_at        datetime(6) not null,
    constraint uk_meeting_wish unique (company_id, target_company_id),
    constraint ck_meeting_wish_other check (company_id <> target_company_id),
    constraint fk_meeting_wish_company foreign key (company_id) references company (id),
    constraint fk_meeting_wish_target foreign key (target_company_id) references company (id)
);
create index ix_meeting_wish_target on meeting_wish (target_company_id);

-- A run of the scheduler for one forum day: its input's fingerprint (to refuse publishing a
-- stale result), progress figures while it runs, the outcome once done.
create table schedule_run (
    id                  bigint        not null auto_increment primary key,
    day_id              bigint        not null,
    status              varchar(20)   not null,
    -- at most one run at a time in the forum: the key is null (not unique-checked) once it ends
    running_key         tinyint as (case when status = 'RUNNING' then 1 end) persistent,
    scheduler           varchar(100)  not null,
    time_limit_seconds  int           not null,
    fingerprint         char(64)      not null,
    companies           int           not null,
    slots               int           not null,
    meetings            int           not null,
    fixed_meetings      int           not null,
    placed              int           not null default 0,
    total_breaks        int,
    max_breaks          int,
    fairness_gap        int,
    lower_bound         int,
    proved_optimal      boolean       not null default false,
    seconds             double        not null default 0,
    error               varchar(1000),
    started_by          bigint        not null,
    started_at          datetime(6)   not null,
    finished_at         datetime(6),
    published_by        bigint,
    published_at        datetime(6),
    constraint uk_schedule_run_running unique (running_key),
    constraint fk_schedule_run_day foreign key (day_id) references forum_day (id),
    constraint fk_schedule_run_started_by foreign key (started_by) references app_user (id),
    constraint fk_schedule_run_published_by foreign key (published_by) references app_user (id)
);
create index ix_schedule_run_day on schedule_run (day_id, id);

-- Each meeting of a run: placed (slot and table) or not (the reason, in data), new or fixed (a
-- confirmed meeting the run had to keep where it was).
create table schedule_run_meeting (
    run_id            bigint      not null,
    position          int         not null,
    company_a_id      bigint      not null,
    company_b_id      bigint      not null,
    kind              varchar(10) not null,
    fixed_meeting_id  bigint,
    slot_id           bigint,
    table_id          bigint,
    reason            varchar(30),
    reason_company_id bigint,
    wanted            int         not null default 0,
    available         int         not null default 0,
    primary key (run_id, position),
    constraint fk_srm_run foreign key (run_id) references schedule_run (id),
    constraint fk_srm_company_a foreign key (company_a_id) references company (id),
    constraint fk_srm_company_b foreign key (company_b_id) references company (id)
);
