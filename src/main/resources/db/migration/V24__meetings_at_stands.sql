-- "Meet at my stand": a meeting whose place is an exhibitor's stand instead of a negotiation table.
-- It takes the same slots, and its companies and delegates the same *_slot_booking rows, as any
-- meeting; instead of a table_slot_booking row it holds a stand_slot_booking row, whose primary key
-- lets a stand host one confirmed meeting at a time (keyed by the slot's start, as companies are).
alter table meeting
    add column stand_id bigint null,
    add constraint fk_meeting_stand foreign key (stand_id) references fair_stand (id);
create index ix_meeting_stand on meeting (stand_id, status);

create table stand_slot_booking (
    starts_at  datetime(6) not null,
    slot_id    bigint      not null,
    stand_id   bigint      not null,
    meeting_id bigint      not null,
    primary key (starts_at, stand_id),
    constraint uk_ssb_meeting unique (meeting_id),
    constraint fk_ssb_slot foreign key (slot_id) references slot (id),
    constraint fk_ssb_stand foreign key (stand_id) references fair_stand (id),
    constraint fk_ssb_meeting foreign key (meeting_id) references meeting (id)
);
