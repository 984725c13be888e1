-- Stemmed text of each company (Russian and English stems), kept in step with the profile by the
-- application, searched with FULLTEXT indexes so that results are filtered and paged in the database.
create table company_search (
    company_id   bigint not null primary key,
    all_stems    text   not null,
    offers_stems text   not null,
    seeks_stems  text   not null,
    constraint fk_company_search_company foreign key (company_id) references company (id)
);
create fulltext index ft_company_search_all on company_search (all_stems);
create fulltext index ft_company_search_offers on company_search (offers_stems);
create fulltext index ft_company_search_seeks on company_search (seeks_stems);

create index ix_company_status_country on company (status, country, short_name);

-- A company's logo, scaled on upload and stored as PNG.
create table company_logo (
    company_id bigint      not null primary key,
    image      mediumblob  not null,
    updated_at datetime(6) not null,
    constraint fk_company_logo_company foreign key (company_id) references company (id)
);

-- Companies a company has starred because it wants to meet them.
create table shortlist_entry (
    company_id        bigint      not null,
    target_company_id bigint      not null,
    created_at        datetime(6) not null,
    primary key (company_id, target_company_id),
    constraint fk_shortlist_company foreign key (company_id) references company (id),
    constraint fk_shortlist_target foreign key (target_company_id) references company (id)
);

-- Meetings between two companies. The booking feature adds slots and tables to it.
create table meeting (
    id                   bigint      not null auto_increment primary key,
    requester_company_id bigint      not null,
    partner_company_id   bigint      not null,
    status               varchar(20) not null,
    created_at           datetime(6) not null,
    constraint fk_meeting_requester foreign key (requester_company_id) references company (id),
    constraint fk_meeting_partner foreign key (partner_company_id) references company (id)
);
create index ix_meeting_requester on meeting (requester_company_id, partner_company_id, status);
create index ix_meeting_partner on meeting (partner_company_id, requester_company_id, status);
