-- Spring Modulith's event publication registry: one row per after-commit listener of an event (notifications,
-- e-mail), written in the transaction that publishes the event and completed (deleted: completion-mode=delete) once
-- the listener has run. A row left behind (the node stopped, or the listener failed) is delivered again by
-- base/events/FailedEventResubmission. Modulith's schema-mariadb.sql (v2 structure), with these changes:
-- - the name in capitals, as Modulith writes it: MariaDB on Linux compares table names case-sensitively;
-- - DATETIME(6) instead of TIMESTAMP(6): no year-2038 limit, and no implicit "on update current_timestamp"
--   where explicit_defaults_for_timestamp is off (MariaDB before 10.10);
-- - the serialized event as MEDIUMTEXT instead of VARCHAR(4000): an announcement carries its text and the ids
--   of every company it reaches;
-- - an index on the status, which the resubmission looks rows up by.
create table EVENT_PUBLICATION (
    ID                     varchar(36)  not null primary key,
    LISTENER_ID            varchar(512) not null,
    EVENT_TYPE             varchar(512) not null,
    SERIALIZED_EVENT       mediumtext   not null,
    PUBLICATION_DATE       datetime(6)  not null,
    COMPLETION_DATE        datetime(6)  null,
    STATUS                 varchar(20)  null,
    COMPLETION_ATTEMPTS    int          null,
    LAST_RESUBMISSION_DATE datetime(6)  null
);
create index EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX on EVENT_PUBLICATION (COMPLETION_DATE);
create index EVENT_PUBLICATION_BY_STATUS_IDX on EVENT_PUBLICATION (STATUS, PUBLICATION_DATE);
