-- kuz-mobil schema. Checks live here so that bad data cannot enter even past the API.

create table service_type (
    code        text primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name        text not null check (length(name) > 0),
    minutes     integer not null check (minutes > 0 and minutes <= 480),
    -- the team skill needed to serve it (e.g. biometric capture kit for ID cards)
    skill       text not null check (length(skill) > 0)
);

create table team (
    id                         bigint generated always as identity primary key,
    name                       text not null unique check (length(name) > 0),
    base_name                  text not null,
    base_address               text,
    base_latitude              double precision not null check (base_latitude between -90 and 90),
    base_longitude             double precision not null check (base_longitude between -180 and 180),
    max_appointments_per_day   integer not null check (max_appointments_per_day > 0),
    -- ArbZG §4 defaults: 30 min beyond 6 h of work, 45 min beyond 9 h, inside a span
    break_minutes_over_6h      integer not null default 30 check (break_minutes_over_6h >= 0),
    break_minutes_over_9h      integer not null default 45 check (break_minutes_over_9h >= break_minutes_over_6h),
    break_span_start           time not null default '11:30',
    break_span_end             time not null default '14:00',
    check (break_span_end > break_span_start)
);

create table team_skill (
    team_id  bigint not null references team (id) on delete cascade,
    skill    text not null check (length(skill) > 0),
    primary key (team_id, skill)
);

create table team_shift (
    team_id     bigint not null references team (id) on delete cascade,
    shift_date  date not null,
    start_time  time not null,
    end_time    time not null,
    primary key (team_id, shift_date),
    check (end_time > start_time)
);

create table site (
    id              bigint generated always as identity primary key,
    name            text not null unique check (length(name) > 0),
    kind            text not null check (kind in ('PART_TIME_CENTRE', 'BANK_BRANCH', 'CARE_HOME', 'PRISON',
                                                   'HOSPITAL', 'UNIVERSITY', 'LIBRARY', 'MARKET', 'ISLAND',
                                                   'COMMUNITY_CENTRE', 'OTHER')),
    district        text not null check (length(district) > 0),
    address         text,
    latitude        double precision not null check (latitude between -90 and 90),
    longitude       double precision not null check (longitude between -180 and 180),
    setup_minutes   integer not null default 15 check (setup_minutes between 0 and 240),
    coord_source    text,
    note            text
);

-- Weekly opening: several windows per weekday allowed (1 = Monday ... 7 = Sunday, ISO).
create table site_weekly_window (
    id          bigint generated always as identity primary key,
    site_id     bigint not null references site (id) on delete cascade,
    weekday     smallint not null check (weekday between 1 and 7),
    start_time  time not null,
    end_time    time not null,
    check (end_time > start_time)
);

-- Monthly opening, e.g. "2nd Thursday of the month 09:30-18:00"; week_of_month 5 = last.
create table site_monthly_window (
    id             bigint generated always as identity primary key,
    site_id        bigint not null references site (id) on delete cascade,
    week_of_month  smallint not null check (week_of_month between 1 and 5),
    weekday        smallint not null check (weekday between 1 and 7),
    start_time     time not null,
    end_time       time not null,
    check (end_time > start_time)
);

create table demand (
    id             bigint generated always as identity primary key,
    site_id        bigint not null references site (id) on delete cascade,
    service_type   text not null references service_type (code),
    appointments   integer not null check (appointments > 0),
    earliest_date  date not null,
    latest_date    date not null,
    priority       integer not null default 3 check (priority between 1 and 5),
    note           text,
    check (latest_date >= earliest_date)
);
create index demand_dates on demand (earliest_date, latest_date);
create index demand_site on demand (site_id);

create table plan (
    id             bigint generated always as identity primary key,
    week_start     date not null check (extract(isodow from week_start) = 1),
    status         text not null check (status in ('DRAFT', 'SOLVING', 'SOLVED', 'PUBLISHED', 'SUPERSEDED', 'FAILED')),
    version        integer not null default 1 check (version > 0),
    score          text,
    travel_times   text check (travel_times in ('road', 'estimated')),
    solve_seconds  integer check (solve_seconds > 0),
    kpis           jsonb,
    failure        text,
    based_on_plan  bigint references plan (id),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    published_at   timestamptz,
    check ((status = 'PUBLISHED') = (published_at is not null) or status = 'SUPERSEDED')
);
-- At most one published plan per week: publishing a newer one supersedes the old.
create unique index plan_one_published_per_week on plan (week_start) where status = 'PUBLISHED';

create table plan_visit (
    plan_id            bigint not null references plan (id) on delete cascade,
    visit_id           text not null,
    site_id            bigint not null references site (id),
    team_id            bigint references team (id),
    visit_date         date,
    sequence           integer check (sequence >= 0),
    arrival            time,
    start_time         time,
    end_time           time,
    appointments       integer not null check (appointments > 0),
    services           text[] not null,
    travel_seconds     integer check (travel_seconds >= 0),
    travel_meters      integer check (travel_meters >= 0),
    pinned             boolean not null default false,
    pinned_start       time,
    unassigned_reason  text,
    primary key (plan_id, visit_id),
    -- either on a tour (team, date, position) or unassigned with a reason
    check ((team_id is not null and visit_date is not null and sequence is not null and unassigned_reason is null)
        or (team_id is null and visit_date is null and sequence is null and unassigned_reason is not null)),
    check (end_time is null or start_time is null or end_time >= start_time),
    check (not pinned or team_id is not null),
    unique (plan_id, team_id, visit_date, sequence)
);
create index plan_visit_site on plan_visit (site_id);
create index plan_visit_team on plan_visit (team_id);

create table plan_visit_demand (
    plan_id       bigint not null,
    visit_id      text not null,
    -- deleting demand later must not be blocked by old plans: their visits keep their counts
    demand_id     bigint not null references demand (id) on delete cascade,
    appointments  integer not null check (appointments > 0),
    primary key (plan_id, visit_id, demand_id),
    foreign key (plan_id, visit_id) references plan_visit (plan_id, visit_id) on delete cascade
);

create table plan_break (
    plan_id     bigint not null references plan (id) on delete cascade,
    team_id     bigint not null references team (id),
    break_date  date not null,
    start_time  time not null,
    end_time    time not null,
    primary key (plan_id, team_id, break_date),
    check (end_time > start_time)
);

create table solver_job (
    id           bigint generated always as identity primary key,
    plan_id      bigint not null references plan (id) on delete cascade,
    status       text not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
    seconds      integer not null check (seconds > 0),
    best_score   text,
    error        text,
    created_at   timestamptz not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
create index solver_job_plan on solver_job (plan_id);
create unique index solver_job_one_active_per_plan on solver_job (plan_id) where status in ('QUEUED', 'RUNNING');

-- Road travel times between locations, keyed by the graph they came from.
create table travel_time (
    from_id        text not null,
    to_id          text not null,
    profile        text not null,
    graph_version  text not null,
    seconds        bigint not null check (seconds >= -1),   -- -1: no road connection
    meters         bigint not null check (meters >= -1),
    computed_at    timestamptz not null default now(),
    primary key (profile, graph_version, from_id, to_id)
);

-- Why a location is (partly) unreachable on that graph: off-road, or another road component.
create table travel_location_problem (
    location_id    text not null,
    profile        text not null,
    graph_version  text not null,
    problem        text not null,
    primary key (profile, graph_version, location_id)
);

create table plan_edit_audit (
    id         bigint generated always as identity primary key,
    plan_id    bigint not null references plan (id) on delete cascade,
    visit_id   text not null,
    actor      text not null,
    at         timestamptz not null default now(),
    before     jsonb not null,
    after      jsonb not null
);
create index plan_edit_audit_plan on plan_edit_audit (plan_id);
create index plan_visit_demand_demand on plan_visit_demand (demand_id);
create index site_weekly_window_site on site_weekly_window (site_id);
create index site_monthly_window_site on site_monthly_window (site_id);

create table app_user (
    username       text primary key check (length(username) > 0),
    password_hash  text not null,
    role           text not null check (role in ('DISPATCHER', 'TEAM_LEAD')),
    enabled        boolean not null default true
);

-- Marks one-off data loads (demo data) so that restarts never load twice.
create table data_load (
    name       text primary key,
    loaded_at  timestamptz not null default now()
);
