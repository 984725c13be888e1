-- Organizer announcements: to everyone, a city, a sector, or the delegates of one negotiation session.
create table announcement (
    id             bigint        not null auto_increment primary key,
    author_user_id bigint        not null,
    audience       varchar(10)   not null,
    audience_value varchar(200),
    body           varchar(2000) not null,
    created_at     datetime(6)   not null,
    constraint ck_announcement_audience check (audience in ('ALL', 'CITY', 'SECTOR', 'SESSION')),
    constraint fk_announcement_author foreign key (author_user_id) references app_user (id)
);
-- who an announcement reached: the banner shows a company's latest ones
create table announcement_recipient (
    announcement_id bigint not null,
    company_id      bigint not null,
    primary key (company_id, announcement_id),
    constraint fk_announcement_recipient_announcement foreign key (announcement_id) references announcement (id),
    constraint fk_announcement_recipient_company foreign key (company_id) references company (id)
);

-- The evening reminder goes once per delegate and forum day, whichever node sends it.
create table meeting_reminder_sent (
    delegate_id bigint      not null,
    forum_date  date        not null,
    sent_at     datetime(6) not null,
    primary key (delegate_id, forum_date)
);
