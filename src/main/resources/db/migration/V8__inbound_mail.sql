-- E-mail in (io.flowdesk.mail). Every mail fetched from a mailbox is recorded once, by its Message-ID (unique: the
-- same mail fetched twice, or by two nodes at once, is one row and one ticket entry). A mail that could not be
-- read keeps its raw bytes here for an administrator (outcome FAILED) and is never fetched again.
create table inbound_mail (
    id             bigint        auto_increment not null primary key,
    message_id     varchar(255)  not null,
    mailbox        varchar(64)   not null,
    received_at    datetime(6)   not null,
    from_address   varchar(254),
    subject        varchar(255),
    outcome        varchar(16)   not null,
    ticket_number  varchar(16),
    detail         varchar(1000),
    raw_message    longblob,
    constraint uq_inbound_mail_message_id unique (message_id)
);
create index ix_inbound_mail_outcome on inbound_mail (outcome, received_at);
create index ix_inbound_mail_ticket on inbound_mail (ticket_number);

-- Who may write to a ticket by mail besides its customer: the addresses copied on its mails.
create table ticket_mail_participant (
    id             bigint        auto_increment not null primary key,
    ticket_number  varchar(16)   not null,
    address        varchar(254)  not null,
    constraint uq_ticket_mail_participant unique (ticket_number, address)
);

-- Files that came with a ticket (a mail's attachments, a portal upload), listed on the ticket.
create table ticket_attachment (
    id             bigint        auto_increment not null primary key,
    ticket_number  varchar(16)   not null,
    file_name      varchar(255)  not null,
    content_type   varchar(127)  not null,
    size_bytes     bigint        not null,
    content        longblob      not null,
    source         varchar(255),
    uploaded_by    varchar(254)  not null,
    uploaded_at    datetime(6)   not null
);
create index ix_ticket_attachment_ticket on ticket_attachment (ticket_number, id);
