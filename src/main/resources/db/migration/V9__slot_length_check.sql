-- A slot lasts at most 240 minutes (ProgramService.MAX_SLOT_MINUTES): the booking checks look for a
-- company's overlapping meetings only among those that began at most that long before a slot.
alter table slot add constraint ck_slot_length
    check (ends_at > starts_at and ends_at <= starts_at + interval 240 minute);
