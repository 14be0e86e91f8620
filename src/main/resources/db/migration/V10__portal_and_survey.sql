-- Customer portal and satisfaction survey (io.flowdesk.portal, io.flowdesk.ticket.Satisfaction).

-- The customer's rating of a resolved ticket, given once: all three null until then. GET /api/tickets filters by
-- satisfaction=1..5 and rated=true|false; the index ends in created_at, as the list is sorted newest first.
alter table ticket add column satisfaction_score int;
alter table ticket add column satisfaction_comment varchar(1000);
alter table ticket add column satisfaction_rated_at datetime(6);
create index ix_ticket_satisfaction on ticket (satisfaction_score, created_at);

-- The key that signs the portal's links when flowdesk.portal.secret (FLOWDESK_PORTAL_SECRET) is not set: made once,
-- on the first start that needs it, and kept here so links in mails sent before a restart keep working and every node
-- signs alike. One row (id 1); a configured secret takes precedence and leaves it unused.
create table portal_secret (
    id          int           not null primary key,
    secret      varchar(128)  not null,
    created_at  datetime(6)   not null
);
