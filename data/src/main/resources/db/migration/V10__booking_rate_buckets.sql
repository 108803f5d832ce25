-- The booking rate limit's token buckets, one per client address, in Bucket4j's PostgreSQL store:
-- every instance on this database counts against the same bucket. Rows expire once their bucket would be
-- full again (expires_at: epoch milliseconds); the application removes expired rows every few minutes.
create table booking_rate_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index booking_rate_bucket_expires_at on booking_rate_bucket (expires_at);
