-- The role printed on a delegate's badge as a colour band; organizers set it.
alter table delegate add column badge_role varchar(20) not null default 'PARTICIPANT';
create index ix_delegate_badge_role on delegate (badge_role);

-- A company's representative invites a delegate to get a log-in of their own: a one-time link
-- whose token (Tokens.newToken(), 256 random bits) is stored only as its SHA-256 hash. One
-- invitation per delegate: inviting again replaces the token and the expiry, so the old link
-- stops working. The e-mail is the delegate's at the time of the invitation; the account is made
-- with it, and only while the delegate still has that e-mail.
create table delegate_invitation (
    id          bigint       not null auto_increment primary key,
    delegate_id bigint       not null,
    token_hash  char(64)     not null,
    email       varchar(254) not null,
    invited_by  bigint       not null,
    created_at  datetime(6)  not null,
    expires_at  datetime(6)  not null,
    accepted_at datetime(6),
    constraint uk_delegate_invitation_delegate unique (delegate_id),
    constraint uk_delegate_invitation_token unique (token_hash),
    -- a delegate the company removes takes its invitation along
    constraint fk_delegate_invitation_delegate foreign key (delegate_id) references delegate (id) on delete cascade,
    constraint fk_delegate_invitation_user foreign key (invited_by) references app_user (id)
);
