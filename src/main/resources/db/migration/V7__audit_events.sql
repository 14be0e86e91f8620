-- The audit log (io.flowdesk.audit): who deployed models, changed agents, users, groups and permissions, transferred
-- tickets and reassigned tasks, and which logins and accesses were refused. Flowdesk only ever inserts rows here;
-- GET /api/audit lists them for administrators, newest first.
create table audit_event (
    id             bigint        auto_increment not null primary key,
    occurred_at    datetime(6)   not null,
    actor          varchar(64)   not null,
    action         varchar(32)   not null,
    target_type    varchar(32)   not null,
    target_id      varchar(255)  not null,
    detail         varchar(1000),
    source         varchar(16)   not null,
    client_address varchar(64)
);

-- one index per list filter, each ending in occurred_at: the list is sorted newest first
create index ix_audit_event_occurred on audit_event (occurred_at);
create index ix_audit_event_action on audit_event (action, occurred_at);
create index ix_audit_event_actor on audit_event (actor, occurred_at);
create index ix_audit_event_target on audit_event (target_type, target_id, occurred_at);
