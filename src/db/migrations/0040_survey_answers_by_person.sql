-- Every home page asks which open surveys the person has answered or started (a person's batch,
-- db::PersonBatch). Both tables were keyed by survey first, so that read went through every answer
-- in the trust: in the demo trust it was the costliest part of a teacher's home page on PostgreSQL
-- (bench/http/queries.sh), and it grows with every survey a trust runs.
CREATE INDEX survey_answerers_person ON survey_answerers (trust_id, person_id);
CREATE INDEX survey_drafts_person ON survey_drafts (trust_id, person_id);
