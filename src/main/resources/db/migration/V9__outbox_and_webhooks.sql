-- The outbox (io.flowdesk.outbox): messages for the outside world, written in the transaction of the change they tell
-- about (stored if and only if that change is), and delivered afterwards by a dispatcher on any node. A message is
-- claimed by one node at a time (claimed_by, claimed_until) and delivered only when no earlier message of the same
-- channel, destination and key (a ticket) is undelivered. Undelivered messages (PENDING, FAILED) are never deleted;
-- DELIVERED and CANCELLED ones are, once flowdesk.outbox.retention has passed since settled_at.
create table outbox_message (
    id              bigint        auto_increment not null primary key,
    channel         varchar(32)   not null,
    destination     varchar(254)  not null,
    ordering_key    varchar(64)   not null,
    message_type    varchar(64)   not null,
    external_id     varchar(255)  not null,
    payload         longtext      not null,
    status          varchar(16)   not null,
    attempts        int           not null,
    created_at      datetime(6)   not null,
    next_attempt_at datetime(6)   not null,
    last_attempt_at datetime(6),
    last_error      varchar(1000),
    settled_at      datetime(6),
    claimed_by      varchar(100),
    claimed_until   datetime(6)
);
-- the dispatcher's look for due messages of a channel
create index ix_outbox_message_due on outbox_message (channel, status, next_attempt_at);
-- "no earlier undelivered message of the same destination and key"; also a destination's list for administrators
create index ix_outbox_message_order on outbox_message (channel, destination, ordering_key, status, id);
-- the clean-up of what was delivered long enough ago
create index ix_outbox_message_settled on outbox_message (settled_at);

-- Outgoing webhooks (io.flowdesk.webhook): a receiver's URL, the events it gets (comma-separated ids such as
-- ticket.created,ticket.closed) and the secret its deliveries are signed with. Its deliveries are outbox messages of
-- channel 'webhook' whose destination is the subscription's id.
create table webhook_subscription (
    id             bigint        auto_increment not null primary key,
    url            varchar(2000) not null,
    event_types    varchar(255)  not null,
    secret         varchar(255)  not null,
    created_at     datetime(6)   not null,
    created_by     varchar(64)   not null
);
