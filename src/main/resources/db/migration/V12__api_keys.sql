-- API keys of integrating systems (io.flowdesk.security): separate from agents' logins, each with what it may do.
-- Only a SHA-256 of the key is kept; the key itself is shown once, when it is made.
create table api_key (
    id           bigint        auto_increment not null primary key,
    name         varchar(40)   not null,
    key_prefix   varchar(12)   not null,
    key_hash     varchar(64)   not null,
    scopes       varchar(255)  not null,
    created_by   varchar(64)   not null,
    created_at   datetime(6)   not null,
    revoked_at   datetime(6),
    constraint uq_api_key_hash unique (key_hash),
    constraint uq_api_key_name unique (name)
);
