-- The exhibition-fair of Belarusian producers: zones (halls) with numbered stands placed on a grid
-- (the fair map), stands assigned to approved companies, their product catalogues, and the leads
-- an exhibitor's delegates collect by scanning visitors' badges.

create table fair_zone (
    id         bigint       not null auto_increment primary key,
    name_ru    varchar(100) not null,
    name_en    varchar(100) not null,
    sort_order int          not null default 0,
    constraint uk_fair_zone_name unique (name_ru)
);

-- A stand's number ("B-14") is unique across the fair; its row and column place it on the map.
create table fair_stand (
    id          bigint      not null auto_increment primary key,
    zone_id     bigint      not null,
    number      varchar(20) not null,
    grid_row    int         not null,
    grid_column int         not null,
    constraint uk_fair_stand_number unique (number),
    constraint uk_fair_stand_place unique (zone_id, grid_row, grid_column),
    constraint ck_fair_stand_place check (grid_row between 1 and 50 and grid_column between 1 and 50),
    constraint fk_fair_stand_zone foreign key (zone_id) references fair_zone (id)
);

-- Who exhibits at a stand. The primary key refuses a stand assigned twice, the unique key a company
-- with two stands; a company may have a stand and negotiation meetings both.
create table fair_stand_assignment (
    stand_id    bigint      not null primary key,
    company_id  bigint      not null,
    assigned_at datetime(6) not null,
    assigned_by bigint      not null,
    constraint uk_fair_stand_assignment_company unique (company_id),
    constraint fk_fair_assignment_stand foreign key (stand_id) references fair_stand (id),
    constraint fk_fair_assignment_company foreign key (company_id) references company (id),
    constraint fk_fair_assignment_user foreign key (assigned_by) references app_user (id)
);

-- An exhibitor's product, in Russian and English; category is a company sector (Sector).
create table product (
    id             bigint       not null auto_increment primary key,
    company_id     bigint       not null,
    name_ru        varchar(200) not null,
    name_en        varchar(200) not null,
    description_ru text         not null,
    description_en text         not null,
    category       varchar(40)  not null,
    created_at     datetime(6)  not null,
    updated_at     datetime(6)  not null,
    constraint fk_product_company foreign key (company_id) references company (id)
);
create index ix_product_company on product (company_id, name_ru);
create index ix_product_category on product (category);

-- The product's photo, checked and scaled as logos are, stored as PNG.
create table product_photo (
    product_id bigint      not null primary key,
    image      mediumblob  not null,
    updated_at datetime(6) not null,
    constraint fk_product_photo_product foreign key (product_id) references product (id) on delete cascade
);

-- Stemmed text of each product (Russian and English stems, as company_search), kept in step by the
-- application and searched with a FULLTEXT index.
create table product_search (
    product_id bigint not null primary key,
    stems      text   not null,
    constraint fk_product_search_product foreign key (product_id) references product (id) on delete cascade
);
create fulltext index ft_product_search on product_search (stems);

-- A delegate's consent, given at registration, to have their badge scanned at the fair and their
-- name and company passed to the exhibitor. Off by default; rows from before it have no consent.
alter table delegate add column lead_consent boolean not null default false;
alter table delegate add column lead_consent_at datetime(6) null;

-- A visitor an exhibitor scanned: one row per exhibitor and visitor (a second scan keeps the first
-- time and updates the note). The visitor's name and company are read from delegate/company.
create table fair_lead (
    id                   bigint        not null auto_increment primary key,
    exhibitor_company_id bigint        not null,
    visitor_delegate_id  bigint        not null,
    note                 varchar(1000),
    scanned_at           datetime(6)   not null,
    scanned_by           bigint        not null,
    scanned_by_name      varchar(200)  not null,
    updated_at           datetime(6)   not null,
    constraint uk_fair_lead_visitor unique (exhibitor_company_id, visitor_delegate_id),
    constraint fk_fair_lead_exhibitor foreign key (exhibitor_company_id) references company (id),
    -- a delegate removed from the company takes the leads on them along
    constraint fk_fair_lead_visitor foreign key (visitor_delegate_id) references delegate (id) on delete cascade,
    constraint fk_fair_lead_user foreign key (scanned_by) references app_user (id)
);
create index ix_fair_lead_scanned on fair_lead (scanned_at);
