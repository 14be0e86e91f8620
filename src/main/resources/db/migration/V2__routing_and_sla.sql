-- Routing by region and skill, assignment by workload, SLA clocks per ticket.

alter table ticket add column customer_region varchar(64);

-- an agent's skills, capacity and availability: data an administrator edits, not code
create table agent_profile (
    user_id   varchar(64) not null primary key,
    capacity  int         not null,
    available boolean     not null
);

create table agent_skill (
    user_id varchar(64) not null,
    skill   varchar(64) not null,
    primary key (user_id, skill),
    constraint fk_agent_skill_profile foreign key (user_id) references agent_profile (user_id)
);

-- one row per SLA target of a ticket (first response, resolution); times are working time of its calendar
create table ticket_sla (
    version              bigint      not null,
    ticket_id            bigint      not null,
    target               varchar(32) not null,
    calendar             varchar(32) not null,
    target_minutes       int         not null,
    warning_minutes      int         not null,
    second_level_minutes int         not null,
    used_seconds         bigint      not null,
    running_since        datetime(6),
    started_at           datetime(6) not null,
    warned_at            datetime(6),
    breached_at          datetime(6),
    second_level_at      datetime(6),
    met_at               datetime(6),
    paused_at            datetime(6),
    constraint pk_ticket_sla primary key (ticket_id, target),
    constraint fk_ticket_sla_ticket foreign key (ticket_id) references ticket (id)
);

create index ix_ticket_sla_breached on ticket_sla (breached_at);
create index ix_ticket_sla_warned on ticket_sla (warned_at);
