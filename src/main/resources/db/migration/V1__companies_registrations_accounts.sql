-- Companies and their registration (application) status.
create table company (
    id                bigint        not null auto_increment primary key,
    version           int           not null default 0,
    full_name         varchar(300)  not null,
    short_name        varchar(120)  not null,
    city              varchar(100)  not null,
    country           char(2)       not null,
    description       text          not null,
    offers            text          not null,
    seeks             text          not null,
    website           varchar(300),
    tax_number        varchar(12)   not null,
    contact_person    varchar(200)  not null,
    email             varchar(254)  not null,
    phone             varchar(40)   not null,
    status            varchar(20)   not null,
    status_comment    varchar(2000),
    consent_given_at  datetime(6)   not null,
    submitted_at      datetime(6)   not null,
    decided_at        datetime(6),
    constraint uk_company_tax_number unique (country, tax_number)
);
create index ix_company_status_submitted on company (status, submitted_at);
create index ix_company_city on company (city);

create table company_sector (
    company_id bigint      not null,
    sector     varchar(40) not null,
    primary key (company_id, sector),
    constraint fk_company_sector_company foreign key (company_id) references company (id)
);
create index ix_company_sector_sector on company_sector (sector, company_id);

create table delegate (
    id          bigint       not null auto_increment primary key,
    company_id  bigint       not null,
    sort_order  int          not null,
    full_name   varchar(200) not null,
    position    varchar(200) not null,
    email       varchar(254) not null,
    phone       varchar(40)  not null,
    constraint fk_delegate_company foreign key (company_id) references company (id)
);
create index ix_delegate_company on delegate (company_id, sort_order);

-- Log-in accounts: organizers and company representatives.
create table app_user (
    id            bigint       not null auto_increment primary key,
    email         varchar(254) not null,
    password_hash varchar(200) not null,
    display_name  varchar(200) not null,
    role          varchar(20)  not null,
    company_id    bigint,
    demo          boolean      not null default false,
    enabled       boolean      not null default true,
    created_at    datetime(6)  not null,
    constraint uk_app_user_email unique (email),
    constraint fk_app_user_company foreign key (company_id) references company (id)
);

-- The audit trail of a registration: submissions and organizers' decisions. Never deleted.
create table registration_event (
    id          bigint        not null auto_increment primary key,
    company_id  bigint        not null,
    type        varchar(30)   not null,
    comment     varchar(2000),
    actor_id    bigint        not null,
    actor_name  varchar(254)  not null,
    occurred_at datetime(6)   not null,
    constraint fk_registration_event_company foreign key (company_id) references company (id),
    constraint fk_registration_event_actor foreign key (actor_id) references app_user (id)
);
create index ix_registration_event_company on registration_event (company_id, occurred_at);

-- In-app notifications for a user.
create table notification (
    id          bigint        not null auto_increment primary key,
    user_id     bigint        not null,
    message_key varchar(100)  not null,
    detail      varchar(2000),
    created_at  datetime(6)   not null,
    read_at     datetime(6),
    constraint fk_notification_user foreign key (user_id) references app_user (id)
);
create index ix_notification_user on notification (user_id, created_at);
