-- Who may see a ticket: the departments that hold or have held it (and their supervisors), and who opened it.

alter table ticket add column opened_by varchar(64);

create table ticket_department (
    ticket_id  bigint      not null,
    department varchar(64) not null,
    constraint pk_ticket_department primary key (ticket_id, department),
    constraint fk_ticket_department_ticket foreign key (ticket_id) references ticket (id)
);

-- a department's list: its tickets by id, without reading the ticket table first
create index ix_ticket_department on ticket_department (department, ticket_id);

-- tickets opened before: the department that holds each, and every one it was routed or transferred to
insert into ticket_department (ticket_id, department)
select ticket_id, department from (
    select id as ticket_id, assigned_group as department from ticket where assigned_group is not null
    union
    select ticket_id, new_value from ticket_event
    where event_type in ('ROUTED', 'TRANSFERRED') and new_value is not null
) held;

update ticket set opened_by = (
    select min(e.actor) from ticket_event e where e.ticket_id = ticket.id and e.event_type = 'CREATED');
