-- One-time password reset links: only the SHA-256 of the token is stored.
create table password_reset (
    id         bigint      not null auto_increment primary key,
    user_id    bigint      not null,
    token_hash char(64)    not null,
    created_at datetime(6) not null,
    expires_at datetime(6) not null,
    used_at    datetime(6),
    -- the organizer who issued the link to pass on; null when its owner asked for it by e-mail
    issued_by  bigint,
    constraint uk_password_reset_token unique (token_hash),
    constraint fk_password_reset_user foreign key (user_id) references app_user (id),
    constraint fk_password_reset_issuer foreign key (issued_by) references app_user (id)
);
