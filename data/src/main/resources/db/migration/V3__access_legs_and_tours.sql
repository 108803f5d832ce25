-- A declared way to a site the roads do not reach (a ship or the tidal carriage to an island):
-- door to door from any team's base, the same time each way, on some weekdays (empty: every day).
create table site_access_leg (
    site_id           bigint primary key references site (id) on delete cascade,
    description       text not null check (length(description) between 1 and 200),
    minutes_each_way  integer not null check (minutes_each_way between 1 and 720),
    weekdays          smallint[] not null default '{}'
                      check (weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[])
);

-- The leg to a stop used a declared access leg instead of roads only.
alter table plan_visit add column travel_manual boolean not null default false;

-- A tour's own times: when the team leaves its base (the latest that delays no stop), when it is
-- back, and its lunch break. Replaces plan_break.
create table plan_tour (
    plan_id          bigint not null references plan (id) on delete cascade,
    team_id          bigint not null references team (id),
    tour_date        date not null,
    departure        time not null,
    -- unknown for tours stored before this table existed
    return_to_base   time,
    return_manual    boolean not null default false,
    break_start      time,
    break_end        time,
    primary key (plan_id, team_id, tour_date),
    check ((break_start is null) = (break_end is null)),
    check (break_end is null or break_end > break_start),
    check (return_to_base is null or return_to_base >= departure)
);
create index plan_tour_team on plan_tour (team_id);

-- Tours of earlier plans: they left at shift start, which is the first stop's arrival minus its drive.
insert into plan_tour (plan_id, team_id, tour_date, departure, break_start, break_end)
select v.plan_id, v.team_id, v.visit_date, v.arrival - make_interval(secs => coalesce(v.travel_seconds, 0)),
       b.start_time, b.end_time
from plan_visit v
left join plan_break b on b.plan_id = v.plan_id and b.team_id = v.team_id and b.break_date = v.visit_date
where v.sequence = 0 and v.arrival is not null;

drop table plan_break;
