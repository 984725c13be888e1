-- ux68: a company's log-in e-mail is confirmed by a link e-mailed to it before its application can be approved.
-- Every existing log-in counts as confirmed (false: nothing awaited), as do those made without a mail server.
alter table app_user add column awaiting_email_confirmation boolean not null default false;

-- One-time confirmation links, the same shape as password_reset's: only the SHA-256 of the token is stored.
create table email_confirmation (
    id         bigint      not null auto_increment primary key,
    user_id    bigint      not null,
    token_hash char(64)    not null,
    created_at datetime(6) not null,
    expires_at datetime(6) not null,
    used_at    datetime(6),
    constraint uk_email_confirmation_token unique (token_hash),
    constraint fk_email_confirmation_user foreign key (user_id) references app_user (id)
);
