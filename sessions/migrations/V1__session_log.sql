-- The session log: PostgreSQL is the truth, Redis a cache of it. Queries and answers are append-only;
-- the session row's version is the compare-and-set pointer every write moves by one, in the same
-- transaction as the row it appends, so two writers racing on one session cannot both win.

create table elicitor_session (
    session_id         varchar(64)  primary key,
    catalog_id         varchar(200) not null,
    catalog_version    varchar(100) not null,
    slate_size         integer      not null,
    strategy           varchar(100) not null,
    user_key           varchar(256),
    seed               bigint       not null,
    particles          integer      not null,
    lambda             double precision not null,
    rejuvenation_steps integer      not null,
    filter_json        text         not null,
    experiment_id      varchar(64),
    arm                varchar(100),
    version            bigint       not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

create index elicitor_session_user_key on elicitor_session (user_key) where user_key is not null;

create table elicitor_query (
    session_id              varchar(64)  not null references elicitor_session (session_id),
    seq                     integer      not null,
    query_id                varchar(64)  not null unique,
    item_ids_json           text         not null,
    evoi                    double precision not null,
    utility_scale           double precision not null,
    probability_top_is_best double precision not null,
    stop                    boolean      not null,
    asked_at                timestamptz  not null,
    primary key (session_id, seq)
);

create table elicitor_answer (
    session_id     varchar(64)  not null references elicitor_session (session_id),
    seq            integer      not null,
    query_id       varchar(64)  not null unique references elicitor_query (query_id),
    chosen_item_id varchar(200) not null,
    result_json    text         not null,
    answered_at    timestamptz  not null,
    primary key (session_id, seq)
);
