-- ops53: the demo forum's load at the first start in demo mode, begun and done (base.security.DemoLoading). The
-- loader writes the forum in many transactions for about a minute; an application killed meanwhile left half a forum
-- (69 of 120 companies, all still pending, no program, no meetings) that every later start kept as it was, since the
-- loader loads only into a database without log-ins. A row begun and not done tells the next start to empty the
-- database and load the demo again (base.ops.HalfLoadedDemo). One row at most (id 1).
create table demo_load (
    id         tinyint     not null primary key,
    started_at datetime(6) not null,
    loaded_at  datetime(6) null
);
