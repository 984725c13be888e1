-- Several application nodes on one database (docs/cluster.md).

-- A job that must run on one node at a time (the hourly backup) takes a lease: the node whose id
-- is in holder until expires_at (UTC). An expired lease may be taken by any node.
create table cluster_lease (
    name       varchar(60)  not null primary key,
    holder     varchar(200) not null,
    expires_at datetime(6)  not null
);

-- A schedule build runs on the node that started it, which renews heartbeat_at while it solves;
-- a run whose heartbeat is older than the lease was cut off (its node died) and is marked failed
-- by any node, while other nodes' live runs are left alone.
alter table schedule_run
    add column node_id      varchar(200),
    add column heartbeat_at datetime(6);
