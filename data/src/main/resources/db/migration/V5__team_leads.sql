-- Which teams a team lead leads: they edit only visits on or into these teams' tours.
create table team_lead (
    username  text not null references app_user (username) on delete cascade,
    team_id   bigint not null references team (id) on delete cascade,
    primary key (username, team_id)
);
create index team_lead_team on team_lead (team_id);

-- Team leads from before this rule keep what they could do: they lead every team there is.
insert into team_lead (username, team_id)
select u.username, t.id from app_user u cross join team t where u.role = 'TEAM_LEAD';
