-- DRAFT was never produced: the states are those of PlanStatus.
update plan set status = 'FAILED', failure = 'DRAFT: a draft of an older version' where status = 'DRAFT';
alter table plan drop constraint plan_status_check;
alter table plan add constraint plan_status_check
    check (status in ('SOLVING', 'SOLVED', 'PUBLISHED', 'SUPERSEDED', 'FAILED'));
