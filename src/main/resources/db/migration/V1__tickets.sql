-- Flowdesk's own tables, beside the engine's ACT_* tables. Portable between H2 2.x and MySQL 8 / MariaDB 10.11.

-- Ids come from the database itself (auto_increment): no id table, no second connection or transaction
-- per insert. A ticket's number (TK-000123) is made from its id, so it is not stored twice.
create table ticket (
    id                  bigint       auto_increment not null primary key,
    version             bigint       not null,
    ticket_type         varchar(64)  not null,
    subject             varchar(200) not null,
    description         text,
    channel             varchar(16)  not null,
    customer_name       varchar(100),
    customer_email      varchar(254),
    customer_phone      varchar(40),
    customer_tier       varchar(32)  not null,
    priority            varchar(16)  not null,
    category            varchar(100),
    status              varchar(40)  not null,
    assignee            varchar(64),
    assigned_group      varchar(64),
    external_reference  varchar(255),
    process_instance_id varchar(64),
    created_at          datetime(6)  not null,
    updated_at          datetime(6)  not null,
    first_response_at   datetime(6),
    resolved_at         datetime(6),
    closed_at           datetime(6)
);

-- one index per list filter, each ending in created_at: the list is sorted newest first
create index ix_ticket_created on ticket (created_at);
create index ix_ticket_status on ticket (status, created_at);
create index ix_ticket_type on ticket (ticket_type, created_at);
create index ix_ticket_group on ticket (assigned_group, created_at);
create index ix_ticket_assignee on ticket (assignee, created_at);
create index ix_ticket_customer_email on ticket (customer_email, created_at);

create table ticket_field (
    ticket_id   bigint       not null,
    field_name  varchar(64)  not null,
    field_value varchar(1000),
    primary key (ticket_id, field_name),
    constraint fk_ticket_field_ticket foreign key (ticket_id) references ticket (id)
);

create table ticket_event (
    id          bigint      auto_increment not null primary key,
    ticket_id   bigint      not null,
    event_type  varchar(32) not null,
    actor       varchar(64) not null,
    occurred_at datetime(6) not null,
    summary     varchar(255),
    old_value   varchar(64),
    new_value   varchar(64),
    body        text,
    constraint fk_ticket_event_ticket foreign key (ticket_id) references ticket (id)
);

create index ix_ticket_event_ticket on ticket_event (ticket_id, occurred_at);
