-- A/B experiments: definitions, and what users did with their recommendations. Sessions already carry
-- experiment_id and arm (V1); an arm may cap the number of questions.

create table elicitor_experiment (
    experiment_id varchar(64)  primary key,
    name          varchar(200) not null,
    catalog_id    varchar(200) not null,
    unit          varchar(16)  not null check (unit in ('session', 'userKey')),
    salt          varchar(64)  not null,
    arms_json     text         not null,
    status        varchar(16)  not null check (status in ('running', 'stopped')),
    created_at    timestamptz  not null,
    stopped_at    timestamptz
);

-- One running experiment per catalog: a new session is assigned by the one that runs for its catalog.
create unique index elicitor_experiment_one_running on elicitor_experiment (catalog_id) where status = 'running';

alter table elicitor_session add column max_queries integer;
create index elicitor_session_experiment on elicitor_session (experiment_id, arm) where experiment_id is not null;

-- How long the planner took for each query, for per-arm latency percentiles.
alter table elicitor_query add column plan_millis double precision;

create table elicitor_outcome (
    outcome_id  bigserial    primary key,
    session_id  varchar(64)  not null references elicitor_session (session_id),
    item_id     varchar(200) not null,
    accepted    boolean      not null,
    rating      double precision,
    reported_at timestamptz  not null
);

create index elicitor_outcome_session on elicitor_outcome (session_id);
