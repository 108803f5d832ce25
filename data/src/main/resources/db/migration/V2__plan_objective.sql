-- What the dispatcher asked the solver to minimise first (below serving the demand). Plans made
-- before this column existed were all solved for least driving.
alter table plan add column objective text not null default 'LEAST_DRIVING'
    check (objective in ('LEAST_DRIVING', 'FEWEST_TEAM_DAYS'));
