-- The forum program: days, halls with numbered tables, negotiation sessions cut into slots,
-- and program items (plenary, round tables, presentations) that delegates sign up for.
create table forum_day (
    id  bigint not null auto_increment primary key,
    day date   not null,
    constraint uk_forum_day unique (day)
);

create table hall (
    id   bigint       not null auto_increment primary key,
    name varchar(100) not null,
    constraint uk_hall_name unique (name)
);

create table meeting_table (
    id      bigint not null auto_increment primary key,
    hall_id bigint not null,
    number  int    not null,
    constraint uk_meeting_table_number unique (hall_id, number),
    -- lets table bookings prove that a table belongs to the hall of the slot's session
    constraint uk_meeting_table_hall unique (id, hall_id),
    constraint fk_meeting_table_hall foreign key (hall_id) references hall (id)
);

create table negotiation_session (
    id            bigint       not null auto_increment primary key,
    day_id        bigint       not null,
    hall_id       bigint       not null,
    name          varchar(200) not null,
    starts_at     datetime(6)  not null,
    ends_at       datetime(6)  not null,
    slot_minutes  int          not null,
    pause_minutes int          not null,
    constraint fk_session_day foreign key (day_id) references forum_day (id),
    constraint fk_session_hall foreign key (hall_id) references hall (id)
);

create table slot (
    id         bigint      not null auto_increment primary key,
    session_id bigint      not null,
    hall_id    bigint      not null,
    starts_at  datetime(6) not null,
    ends_at    datetime(6) not null,
    constraint uk_slot_hall unique (id, hall_id),
    constraint fk_slot_session foreign key (session_id) references negotiation_session (id),
    constraint fk_slot_hall foreign key (hall_id) references hall (id)
);
create index ix_slot_session on slot (session_id, starts_at);
create index ix_slot_time on slot (starts_at, ends_at);

create table program_item (
    id        bigint        not null auto_increment primary key,
    day_id    bigint        not null,
    kind      varchar(30)   not null,
    title     varchar(300)  not null,
    place     varchar(200)  not null,
    starts_at datetime(6)   not null,
    ends_at   datetime(6)   not null,
    constraint fk_program_item_day foreign key (day_id) references forum_day (id)
);

create table program_item_attendee (
    program_item_id bigint not null,
    delegate_id     bigint not null,
    primary key (program_item_id, delegate_id),
    constraint fk_attendee_item foreign key (program_item_id) references program_item (id),
    constraint fk_attendee_delegate foreign key (delegate_id) references delegate (id)
);
create index ix_attendee_delegate on program_item_attendee (delegate_id);

-- One row: the booking window, the per-company meeting limit, instant booking.
create table booking_settings (
    id              int         not null primary key,
    opens_at        datetime(6),
    closes_at       datetime(6),
    meeting_limit   int         not null,
    instant_booking boolean     not null
);
insert into booking_settings (id, opens_at, closes_at, meeting_limit, instant_booking) values (1, null, null, 12, false);

-- Meetings get a slot, a table (once confirmed), messages and a history.
alter table meeting
    add column slot_id     bigint,
    add column table_id    bigint,
    add column message     varchar(1000),
    add column response    varchar(1000),
    add column updated_at  datetime(6),
    -- a double click or two tabs cannot request the same meeting twice: the key is null (and so
    -- not unique-checked) once a meeting is declined or cancelled
    add column active_key  varchar(80) as (case when status in ('REQUESTED', 'CONFIRMED')
        then concat(requester_company_id, ':', partner_company_id, ':', slot_id) end) persistent,
    add constraint uk_meeting_active unique (active_key),
    add constraint fk_meeting_slot foreign key (slot_id) references slot (id),
    add constraint fk_meeting_table foreign key (table_id) references meeting_table (id);
create index ix_meeting_slot on meeting (slot_id, status);

create table meeting_delegate (
    meeting_id  bigint not null,
    delegate_id bigint not null,
    company_id  bigint not null,
    primary key (meeting_id, delegate_id),
    constraint fk_meeting_delegate_meeting foreign key (meeting_id) references meeting (id),
    constraint fk_meeting_delegate_delegate foreign key (delegate_id) references delegate (id)
);

-- Every status change of a meeting: who, when, with what message.
create table meeting_event (
    id          bigint        not null auto_increment primary key,
    meeting_id  bigint        not null,
    status      varchar(20)   not null,
    comment     varchar(1000),
    actor_id    bigint        not null,
    actor_name  varchar(254)  not null,
    occurred_at datetime(6)   not null,
    constraint fk_meeting_event_meeting foreign key (meeting_id) references meeting (id)
);
create index ix_meeting_event_meeting on meeting_event (meeting_id, occurred_at);

-- What confirmed meetings occupy. A row exists only while its meeting is confirmed, so the primary
-- keys are the invariants: a company, a delegate and a table are in at most one meeting per slot.
-- Companies and delegates are keyed by the slot's start time, not its id: sessions running at the
-- same time in different halls share their slot times (the program refuses misaligned sessions),
-- so nobody can be booked into two halls at once.
create table company_slot_booking (
    starts_at  datetime(6) not null,
    slot_id    bigint not null,
    company_id bigint not null,
    meeting_id bigint not null,
    primary key (starts_at, company_id),
    constraint fk_csb_slot foreign key (slot_id) references slot (id),
    constraint fk_csb_company foreign key (company_id) references company (id),
    constraint fk_csb_meeting foreign key (meeting_id) references meeting (id)
);
create index ix_csb_meeting on company_slot_booking (meeting_id);
create index ix_csb_company on company_slot_booking (company_id, starts_at);
create index ix_csb_slot on company_slot_booking (slot_id);

create table delegate_slot_booking (
    starts_at   datetime(6) not null,
    slot_id     bigint not null,
    delegate_id bigint not null,
    meeting_id  bigint not null,
    primary key (starts_at, delegate_id),
    constraint fk_dsb_slot foreign key (slot_id) references slot (id),
    constraint fk_dsb_delegate foreign key (delegate_id) references delegate (id),
    constraint fk_dsb_meeting foreign key (meeting_id) references meeting (id)
);
create index ix_dsb_meeting on delegate_slot_booking (meeting_id);

-- A table row per slot: at most one meeting per table and slot, the table in the slot's hall, so
-- confirmed meetings in a slot never exceed its tables.
create table table_slot_booking (
    slot_id    bigint not null,
    table_id   bigint not null,
    hall_id    bigint not null,
    meeting_id bigint not null,
    primary key (slot_id, table_id),
    constraint uk_tsb_meeting unique (meeting_id),
    constraint fk_tsb_slot_hall foreign key (slot_id, hall_id) references slot (id, hall_id),
    constraint fk_tsb_table_hall foreign key (table_id, hall_id) references meeting_table (id, hall_id),
    constraint fk_tsb_meeting foreign key (meeting_id) references meeting (id)
);
