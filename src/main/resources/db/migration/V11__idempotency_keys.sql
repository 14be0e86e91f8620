-- Idempotency-Key of POST /api/tickets: a caller's key, the ticket it opened and a digest of the request. Unique per
-- caller and key: of several requests with one key, also at the same moment, one opens the ticket and the others
-- get that ticket.
create table idempotency_key (
    id             bigint        auto_increment not null primary key,
    caller         varchar(64)   not null,
    idem_key       varchar(255)  not null,
    request_digest varchar(64)   not null,
    ticket_number  varchar(16),
    created_at     datetime(6)   not null,
    constraint uq_idempotency_key unique (caller, idem_key)
);
