-- Solver runs are executions of db-scheduler (com.github.kagkarlsson:db-scheduler): its table, as its
-- PostgreSQL schema has it. An execution is waiting while not picked; the instance that picks it runs
-- it and heartbeats it; one without a heartbeat for about a minute is revived for any instance.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- A stop asked for on any instance, kept until the run sees it (also one not yet begun).
alter table solver_job add column stop_requested boolean not null default false;
-- How often an instance picked the job up: 1 unless it was handed back or revived.
alter table solver_job add column pickups integer not null default 0;
-- The place in the queue is the execution's place among those waiting: no longer stored.
alter table solver_job drop column queue_position;

-- Runs active when this version is installed continue as executions.
insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
select 'solve-plan', j.id::text, coalesce(j.started_at, j.created_at), false, 1
from solver_job j join plan p on p.id = j.plan_id
where j.status in ('QUEUED', 'RUNNING') and p.status = 'SOLVING';
