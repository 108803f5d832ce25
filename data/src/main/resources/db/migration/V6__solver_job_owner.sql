-- Several service instances share one database: each solver job names the instance that runs it and
-- that instance's last sign of life, so that another instance can tell a live run from a dead one.
alter table solver_job add column instance_id text;
alter table solver_job add column heartbeat_at timestamptz;
-- place in the instance's queue while QUEUED (1 = next), for listeners on other instances
alter table solver_job add column queue_position integer;
