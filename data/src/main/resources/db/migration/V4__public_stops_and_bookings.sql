-- Who citizens may see: care homes, prisons and hospital wards are visited for their residents only.
alter table site add column visibility text not null default 'PUBLIC'
    check (visibility in ('PUBLIC', 'INTERNAL'));
update site set visibility = 'INTERNAL' where kind in ('CARE_HOME', 'PRISON', 'HOSPITAL');

-- A stop as citizens see it, made when a plan is published. It keeps its id (and calendar UID and
-- bookings) when a newer plan of the same week is published with the same visit; sequence and
-- last_modified change when it moves, so subscribed calendars update. A stop the newer plan drops
-- is CANCELLED, not deleted: calendars learn of it and its bookings stay visible to dispatchers.
create table public_stop (
    id             bigint generated always as identity primary key,
    week_start     date not null,
    visit_id       text not null,
    site_id        bigint not null references site (id),
    plan_id        bigint not null references plan (id),
    stop_date      date not null,
    start_time     time not null,
    end_time       time not null,
    services       text[] not null,
    status         text not null default 'ACTIVE' check (status in ('ACTIVE', 'CANCELLED')),
    sequence       integer not null default 0 check (sequence >= 0),
    last_modified  timestamptz not null default now(),
    unique (week_start, visit_id),
    check (end_time > start_time)
);
create index public_stop_active_date on public_stop (stop_date) where status = 'ACTIVE';

-- A citizen's booking of one appointment. Only the code's SHA-256 is kept: a leaked table does not
-- let anyone view or cancel. Name and contact are erased some days after the stop (erased_at).
create table booking (
    id            bigint generated always as identity primary key,
    code_hash     text not null unique check (code_hash ~ '^[0-9a-f]{64}$'),
    stop_id       bigint not null references public_stop (id),
    service       text not null references service_type (code),
    status        text not null default 'BOOKED' check (status in ('BOOKED', 'CANCELLED')),
    name          text check (length(name) between 1 and 200),
    email         text check (length(email) between 3 and 254),
    phone         text check (length(phone) between 3 and 40),
    created_at    timestamptz not null default now(),
    cancelled_at  timestamptz,
    erased_at     timestamptz,
    check (erased_at is not null or (name is not null and (email is not null or phone is not null))),
    check ((status = 'CANCELLED') = (cancelled_at is not null))
);
create index booking_stop on booking (stop_id);

-- The seats: one row per bookable appointment of a stop. A booking takes one free row
-- (select ... for update skip locked); the unique booking_id means one seat per booking and no
-- booking without a seat, so there are never more bookings than appointments.
create table stop_slot (
    stop_id     bigint not null references public_stop (id) on delete cascade,
    service     text not null references service_type (code),
    seq         integer not null check (seq > 0),
    slot_start  time not null,
    booking_id  bigint unique references booking (id),
    primary key (stop_id, service, seq)
);
create index stop_slot_free on stop_slot (stop_id, service, slot_start) where booking_id is null;
