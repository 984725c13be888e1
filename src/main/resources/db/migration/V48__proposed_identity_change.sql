-- mend53a: a new name, country or tax number an approved company enters in "My profile" is a proposal the forum office
-- accepts or declines. Until then the approved values stand on every page and the company keeps its approval (its
-- meetings, its delegates' badges and check-in). One proposal per company: a later one replaces it.
-- Who proposed it is in the audit trail (registration_event, IDENTITY_CHANGE_PROPOSED).
create table identity_change_proposal (
    company_id   bigint        not null primary key,
    full_name    varchar(300)  not null,
    short_name   varchar(120)  not null,
    country      char(2)       not null,
    tax_number   varchar(12)   not null,
    proposed_at  datetime(6)   not null,
    constraint fk_identity_change_company foreign key (company_id) references company (id)
);
create index ix_identity_change_proposed on identity_change_proposal (proposed_at);
