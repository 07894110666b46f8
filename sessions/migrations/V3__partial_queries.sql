-- Partial-item queries (issue 15): a session asks items, partial items (a few attributes of synthetic
-- options) or whichever is worth more. A partial query shows no catalog item, so its options' vectors are
-- logged as JSON (the very floats the live belief update used, so a replay is bit-identical) and its answer
-- is an option index instead of an item id.

alter table elicitor_session add column query_kind varchar(16) not null default 'items'
    check (query_kind in ('items', 'partial', 'mixed'));
alter table elicitor_session add column partial_attributes integer
    check (partial_attributes between 1 and 4);

alter table elicitor_query add column partial_json text;

alter table elicitor_answer alter column chosen_item_id drop not null;
alter table elicitor_answer add column chosen_option integer check (chosen_option >= 0);
alter table elicitor_answer add constraint elicitor_answer_one_choice
    check ((chosen_item_id is null) <> (chosen_option is null));
