-- A session never asks an item slate whose every pair its answers already compared, unless it opted in
-- (issue 16: a real person answers a repeated question the same way, so it is wasted, and notices).
-- Sessions from before kept no such rule; they are marked as opted in, so a replay asks what they asked.
alter table elicitor_session add column allow_repeats boolean not null default true;
alter table elicitor_session alter column allow_repeats set default false;
