-- Messages between companies: one conversation per pair (company_a < company_b), read marks per side.
create table conversation (
    id              bigint       not null auto_increment primary key,
    company_a       bigint       not null,
    company_b       bigint       not null,
    created_at      datetime(6)  not null,
    last_read_a     bigint       not null default 0,
    last_read_b     bigint       not null default 0,
    reported_by     bigint,
    reported_at     datetime(6),
    report_reason   varchar(500),
    constraint uk_conversation_pair unique (company_a, company_b),
    constraint ck_conversation_order check (company_a < company_b),
    constraint fk_conversation_a foreign key (company_a) references company (id),
    constraint fk_conversation_b foreign key (company_b) references company (id)
);
create index ix_conversation_b on conversation (company_b);

create table message (
    id                bigint        not null auto_increment primary key,
    conversation_id   bigint        not null,
    sender_company_id bigint        not null,
    sender_user_id    bigint        not null,
    sender_name       varchar(200)  not null,
    body              varchar(2000) not null,
    sent_at           datetime(6)   not null,
    constraint fk_message_conversation foreign key (conversation_id) references conversation (id),
    constraint fk_message_sender_user foreign key (sender_user_id) references app_user (id)
);
create index ix_message_conversation on message (conversation_id, id);
-- the flood limit counts a log-in's messages of the last minute
create index ix_message_sender_user on message (sender_user_id, sent_at);

-- A company's choice about another: MUTE (no unread count, no live alert) or BLOCK (no messages, no meeting requests from it).
create table company_contact_block (
    company_id       bigint      not null,
    other_company_id bigint      not null,
    kind             varchar(10) not null,
    created_at       datetime(6) not null,
    primary key (company_id, other_company_id),
    constraint ck_contact_block_kind check (kind in ('MUTE', 'BLOCK')),
    constraint fk_contact_block_company foreign key (company_id) references company (id),
    constraint fk_contact_block_other foreign key (other_company_id) references company (id)
);
