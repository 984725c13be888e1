-- Delegates get log-ins of their own (role DELEGATE) and a badge with a check-in token;
-- venue staff log in with role STAFF. A delegate account belongs to exactly one delegate.
alter table app_user add column delegate_id bigint null after company_id;
alter table app_user add constraint uk_app_user_delegate unique (delegate_id);
alter table app_user add constraint fk_app_user_delegate foreign key (delegate_id) references delegate (id);

-- The check-in token printed as a QR code on the badge (Tokens.newToken(): 256 random bits).
-- Kept in clear because a badge can be printed again; null until the first badge is made.
alter table delegate add column check_in_token varchar(64) null;
alter table delegate add constraint uk_delegate_check_in_token unique (check_in_token);
