-- The throttle keys a client by its network (docs/security.md, "Log-in throttling and records"): an IPv4 address
-- itself, an IPv6 address by its /64 prefix (a client with a /64 network could otherwise change address at will and
-- escape every per-address rule). The records keep the address as it came, for the organizers, and the network
-- beside it, which the failures per address are counted by. Records written before this column have none: they no
-- longer count against an address (they are older than the 15-minute window a few minutes after the upgrade).
alter table login_attempt add column network varchar(64) null;
drop index ix_login_attempt_address on login_attempt;
create index ix_login_attempt_network on login_attempt (network, outcome, attempted_at);

-- A LOCKED record stands for this many refused attempts: a node records at most one a minute per lock (the
-- refusals in between are counted and carried by its next record of that lock), so that a client hammering a lock
-- writes (and Galera replicates) one row a minute, not one per attempt.
alter table login_attempt add column refused int not null default 1;

-- form_submission.address now holds the network (the anonymous forms count per network); old rows age out within
-- the window.
