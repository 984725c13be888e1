-- "Your meeting starts in 10 minutes" is announced once per meeting, whichever node sees it first:
-- each node's check claims the meeting here (insert ignore) and writes the live change only when it did.
create table meeting_starting_soon (
    meeting_id bigint      not null primary key,
    noted_at   datetime(6) not null,
    constraint fk_meeting_starting_soon_meeting foreign key (meeting_id) references meeting (id) on delete cascade
);
