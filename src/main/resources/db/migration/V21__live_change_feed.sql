-- The change feed every application node polls (one query per node) to push live updates to its open pages.
-- Rows are written in the transaction of the change, so a node sees them only once committed; they are
-- deleted after an hour.
create table live_change (
    id         bigint       not null auto_increment primary key,
    company_id bigint,
    user_id    bigint,
    kind       varchar(20)  not null,
    created_at datetime(3)  not null default current_timestamp(3)
);
create index ix_live_change_created on live_change (created_at);
