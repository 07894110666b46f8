-- A user may erase their session (DELETE /sessions/{id}): its outcomes, answers, queries and row are deleted.
-- A session that an experiment assigned leaves this tombstone, so the experiment still counts it (as withdrawn)
-- and the sample-ratio check stays honest. It holds no answer and nothing about the person.
create table elicitor_withdrawn (
    session_id    varchar(64)  primary key,
    experiment_id varchar(64)  not null,
    arm           varchar(100) not null,
    withdrawn_at  timestamptz  not null
);
create index elicitor_withdrawn_experiment on elicitor_withdrawn (experiment_id, arm);
