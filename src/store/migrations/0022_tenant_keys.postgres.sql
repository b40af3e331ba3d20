-- 0022: the organisation id leads every key of tenant data on PostgreSQL
-- (issue 15, item 4), as a distributed PostgreSQL (Citus, tables distributed
-- by org_id) needs: every surrogate primary key becomes (org_id, id), every
-- foreign key between tenant tables (org_id, x_id) -> (org_id, id), so that a
-- row can only point at a row of its own organisation, and the indexes that
-- began with another column now begin with org_id. The ids stay unique on
-- their own (one sequence per table), so nothing that names a row by its id
-- changes. Kept apart, with their reasons (tests/api/schema.test.mjs): the
-- secrets looked up before the organisation is known (session, password
-- reset, token and calendar feed hashes, a person's email at login) and the
-- sender's queue, which serves every organisation.

-- the foreign keys between tenant tables go first: they hang on the keys

ALTER TABLE activity DROP CONSTRAINT activity_person_id_fkey;
ALTER TABLE api_token DROP CONSTRAINT api_token_person_id_fkey;
ALTER TABLE calendar_feed DROP CONSTRAINT calendar_feed_person_id_fkey;
ALTER TABLE challenge DROP CONSTRAINT challenge_created_by_fkey;
ALTER TABLE challenge_result DROP CONSTRAINT challenge_result_challenge_id_fkey;
ALTER TABLE challenge_result DROP CONSTRAINT challenge_result_closed_by_fkey;
ALTER TABLE checkin DROP CONSTRAINT checkin_author_id_fkey;
ALTER TABLE checkin DROP CONSTRAINT checkin_objective_id_fkey;
ALTER TABLE feedback DROP CONSTRAINT feedback_from_id_fkey;
ALTER TABLE feedback DROP CONSTRAINT feedback_objective_id_fkey;
ALTER TABLE feedback DROP CONSTRAINT feedback_to_id_fkey;
ALTER TABLE negotiation_round DROP CONSTRAINT negotiation_round_author_id_fkey;
ALTER TABLE negotiation_round DROP CONSTRAINT negotiation_round_objective_id_fkey;
ALTER TABLE notify_attempt DROP CONSTRAINT notify_attempt_delivery_id_fkey;
ALTER TABLE notify_channel DROP CONSTRAINT notify_channel_unit_id_fkey;
ALTER TABLE notify_delivery DROP CONSTRAINT notify_delivery_event_id_fkey;
ALTER TABLE notify_delivery DROP CONSTRAINT notify_delivery_person_id_fkey;
ALTER TABLE notify_person DROP CONSTRAINT notify_person_person_id_fkey;
ALTER TABLE notify_pref DROP CONSTRAINT notify_pref_person_id_fkey;
ALTER TABLE objective_agreement DROP CONSTRAINT objective_agreement_manager_id_fkey;
ALTER TABLE objective_agreement DROP CONSTRAINT objective_agreement_objective_id_fkey;
ALTER TABLE objective_agreement DROP CONSTRAINT objective_agreement_owner_id_fkey;
ALTER TABLE objective DROP CONSTRAINT objective_axis_id_fkey;
ALTER TABLE objective DROP CONSTRAINT objective_owner_person_id_fkey;
ALTER TABLE objective DROP CONSTRAINT objective_owner_unit_id_fkey;
ALTER TABLE objective DROP CONSTRAINT objective_parent_id_fkey;
ALTER TABLE one_to_one_action DROP CONSTRAINT one_to_one_action_meeting_id_fkey;
ALTER TABLE one_to_one_action DROP CONSTRAINT one_to_one_action_owner_id_fkey;
ALTER TABLE one_to_one DROP CONSTRAINT one_to_one_manager_id_fkey;
ALTER TABLE one_to_one DROP CONSTRAINT one_to_one_member_id_fkey;
ALTER TABLE one_to_one_note DROP CONSTRAINT one_to_one_note_author_id_fkey;
ALTER TABLE one_to_one_note DROP CONSTRAINT one_to_one_note_meeting_id_fkey;
ALTER TABLE password_reset DROP CONSTRAINT password_reset_person_id_fkey;
ALTER TABLE person DROP CONSTRAINT person_manager_id_fkey;
ALTER TABLE person DROP CONSTRAINT person_unit_id_fkey;
ALTER TABLE ramp_plan DROP CONSTRAINT ramp_plan_updated_by_fkey;
ALTER TABLE review DROP CONSTRAINT review_manager_id_fkey;
ALTER TABLE review DROP CONSTRAINT review_reviewee_id_fkey;
ALTER TABLE session DROP CONSTRAINT session_person_id_fkey;
ALTER TABLE unit DROP CONSTRAINT unit_lead_id_fkey;
ALTER TABLE unit DROP CONSTRAINT unit_parent_id_fkey;

-- the primary keys, led by the organisation
ALTER TABLE activity DROP CONSTRAINT activity_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE api_token DROP CONSTRAINT api_token_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE audit DROP CONSTRAINT audit_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE axis DROP CONSTRAINT axis_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE badge DROP CONSTRAINT badge_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE challenge DROP CONSTRAINT challenge_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE challenge_result DROP CONSTRAINT challenge_result_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE checkin DROP CONSTRAINT checkin_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE feedback DROP CONSTRAINT feedback_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE import_mapping DROP CONSTRAINT import_mapping_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE indicator DROP CONSTRAINT indicator_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE negotiation_round DROP CONSTRAINT negotiation_round_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE notify_attempt DROP CONSTRAINT notify_attempt_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE notify_channel DROP CONSTRAINT notify_channel_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE notify_delivery DROP CONSTRAINT notify_delivery_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE notify_event DROP CONSTRAINT notify_event_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE objective DROP CONSTRAINT objective_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE objective_agreement DROP CONSTRAINT objective_agreement_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE one_to_one DROP CONSTRAINT one_to_one_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE one_to_one_action DROP CONSTRAINT one_to_one_action_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE person DROP CONSTRAINT person_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE ramp_plan DROP CONSTRAINT ramp_plan_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE review DROP CONSTRAINT review_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE unit DROP CONSTRAINT unit_pkey, ADD PRIMARY KEY (org_id, id);

-- the foreign keys again, within one organisation
ALTER TABLE activity ADD CONSTRAINT activity_person_id_fkey FOREIGN KEY (org_id, person_id) REFERENCES person(org_id, id);
ALTER TABLE api_token ADD CONSTRAINT api_token_person_id_fkey FOREIGN KEY (org_id, person_id) REFERENCES person(org_id, id);
ALTER TABLE calendar_feed ADD CONSTRAINT calendar_feed_person_id_fkey FOREIGN KEY (org_id, person_id) REFERENCES person(org_id, id);
ALTER TABLE challenge ADD CONSTRAINT challenge_created_by_fkey FOREIGN KEY (org_id, created_by) REFERENCES person(org_id, id);
ALTER TABLE challenge_result ADD CONSTRAINT challenge_result_challenge_id_fkey FOREIGN KEY (org_id, challenge_id) REFERENCES challenge(org_id, id);
ALTER TABLE challenge_result ADD CONSTRAINT challenge_result_closed_by_fkey FOREIGN KEY (org_id, closed_by) REFERENCES person(org_id, id);
ALTER TABLE checkin ADD CONSTRAINT checkin_author_id_fkey FOREIGN KEY (org_id, author_id) REFERENCES person(org_id, id);
ALTER TABLE checkin ADD CONSTRAINT checkin_objective_id_fkey FOREIGN KEY (org_id, objective_id) REFERENCES objective(org_id, id);
ALTER TABLE feedback ADD CONSTRAINT feedback_from_id_fkey FOREIGN KEY (org_id, from_id) REFERENCES person(org_id, id);
ALTER TABLE feedback ADD CONSTRAINT feedback_objective_id_fkey FOREIGN KEY (org_id, objective_id) REFERENCES objective(org_id, id);
ALTER TABLE feedback ADD CONSTRAINT feedback_to_id_fkey FOREIGN KEY (org_id, to_id) REFERENCES person(org_id, id);
ALTER TABLE negotiation_round ADD CONSTRAINT negotiation_round_author_id_fkey FOREIGN KEY (org_id, author_id) REFERENCES person(org_id, id);
ALTER TABLE negotiation_round ADD CONSTRAINT negotiation_round_objective_id_fkey FOREIGN KEY (org_id, objective_id) REFERENCES objective(org_id, id);
ALTER TABLE notify_attempt ADD CONSTRAINT notify_attempt_delivery_id_fkey FOREIGN KEY (org_id, delivery_id) REFERENCES notify_delivery(org_id, id);
ALTER TABLE notify_channel ADD CONSTRAINT notify_channel_unit_id_fkey FOREIGN KEY (org_id, unit_id) REFERENCES unit(org_id, id);
ALTER TABLE notify_delivery ADD CONSTRAINT notify_delivery_event_id_fkey FOREIGN KEY (org_id, event_id) REFERENCES notify_event(org_id, id);
ALTER TABLE notify_delivery ADD CONSTRAINT notify_delivery_person_id_fkey FOREIGN KEY (org_id, person_id) REFERENCES person(org_id, id);
ALTER TABLE notify_person ADD CONSTRAINT notify_person_person_id_fkey FOREIGN KEY (org_id, person_id) REFERENCES person(org_id, id);
ALTER TABLE notify_pref ADD CONSTRAINT notify_pref_person_id_fkey FOREIGN KEY (org_id, person_id) REFERENCES person(org_id, id);
ALTER TABLE objective_agreement ADD CONSTRAINT objective_agreement_manager_id_fkey FOREIGN KEY (org_id, manager_id) REFERENCES person(org_id, id);
ALTER TABLE objective_agreement ADD CONSTRAINT objective_agreement_objective_id_fkey FOREIGN KEY (org_id, objective_id) REFERENCES objective(org_id, id);
ALTER TABLE objective_agreement ADD CONSTRAINT objective_agreement_owner_id_fkey FOREIGN KEY (org_id, owner_id) REFERENCES person(org_id, id);
ALTER TABLE objective ADD CONSTRAINT objective_axis_id_fkey FOREIGN KEY (org_id, axis_id) REFERENCES axis(org_id, id);
ALTER TABLE objective ADD CONSTRAINT objective_owner_person_id_fkey FOREIGN KEY (org_id, owner_person_id) REFERENCES person(org_id, id);
ALTER TABLE objective ADD CONSTRAINT objective_owner_unit_id_fkey FOREIGN KEY (org_id, owner_unit_id) REFERENCES unit(org_id, id);
ALTER TABLE objective ADD CONSTRAINT objective_parent_id_fkey FOREIGN KEY (org_id, parent_id) REFERENCES objective(org_id, id);
ALTER TABLE one_to_one_action ADD CONSTRAINT one_to_one_action_meeting_id_fkey FOREIGN KEY (org_id, meeting_id) REFERENCES one_to_one(org_id, id);
ALTER TABLE one_to_one_action ADD CONSTRAINT one_to_one_action_owner_id_fkey FOREIGN KEY (org_id, owner_id) REFERENCES person(org_id, id);
ALTER TABLE one_to_one ADD CONSTRAINT one_to_one_manager_id_fkey FOREIGN KEY (org_id, manager_id) REFERENCES person(org_id, id);
ALTER TABLE one_to_one ADD CONSTRAINT one_to_one_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES person(org_id, id);
ALTER TABLE one_to_one_note ADD CONSTRAINT one_to_one_note_author_id_fkey FOREIGN KEY (org_id, author_id) REFERENCES person(org_id, id);
ALTER TABLE one_to_one_note ADD CONSTRAINT one_to_one_note_meeting_id_fkey FOREIGN KEY (org_id, meeting_id) REFERENCES one_to_one(org_id, id);
ALTER TABLE password_reset ADD CONSTRAINT password_reset_person_id_fkey FOREIGN KEY (org_id, person_id) REFERENCES person(org_id, id);
ALTER TABLE person ADD CONSTRAINT person_manager_id_fkey FOREIGN KEY (org_id, manager_id) REFERENCES person(org_id, id);
ALTER TABLE person ADD CONSTRAINT person_unit_id_fkey FOREIGN KEY (org_id, unit_id) REFERENCES unit(org_id, id);
ALTER TABLE ramp_plan ADD CONSTRAINT ramp_plan_updated_by_fkey FOREIGN KEY (org_id, updated_by) REFERENCES person(org_id, id);
ALTER TABLE review ADD CONSTRAINT review_manager_id_fkey FOREIGN KEY (org_id, manager_id) REFERENCES person(org_id, id);
ALTER TABLE review ADD CONSTRAINT review_reviewee_id_fkey FOREIGN KEY (org_id, reviewee_id) REFERENCES person(org_id, id);
ALTER TABLE session ADD CONSTRAINT session_person_id_fkey FOREIGN KEY (org_id, person_id) REFERENCES person(org_id, id);
ALTER TABLE unit ADD CONSTRAINT unit_lead_id_fkey FOREIGN KEY (org_id, lead_id) REFERENCES person(org_id, id);
ALTER TABLE unit ADD CONSTRAINT unit_parent_id_fkey FOREIGN KEY (org_id, parent_id) REFERENCES unit(org_id, id);

-- the indexes that began with another column
DROP INDEX checkin_objective;
CREATE INDEX checkin_objective ON checkin(org_id, objective_id, id);
DROP INDEX objective_owner_person;
CREATE INDEX objective_owner_person ON objective(org_id, owner_person_id);
DROP INDEX objective_owner_unit;
CREATE INDEX objective_owner_unit ON objective(org_id, owner_unit_id);
DROP INDEX unit_lead;
CREATE INDEX unit_lead ON unit(org_id, lead_id);
