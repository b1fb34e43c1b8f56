-- A count on each trust that every change to what its pages share raises: its schools, its training
-- days and their schools, its programmes with their links and activities, and its people's names
-- (programmes show their sponsor's). Each server keeps those reads per trust (db/per_trust.h) and
-- reads this count with the session on every request: when it has moved on, they are read again.
-- Triggers raise it, so no change on any path, on any server, is missed.
ALTER TABLE trusts ADD COLUMN shared_version BIGINT NOT NULL DEFAULT 0;

{{POSTGRESQL}} CREATE FUNCTION raise_shared_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
    ELSE
        UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
    END IF;
    RETURN NULL;
END
$$;

{{POSTGRESQL}} CREATE TRIGGER schools_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON schools
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER events_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER event_schools_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON event_schools
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER programmes_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON programmes
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER programme_schools_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON programme_schools
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER programme_priorities_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON programme_priorities
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER programme_activities_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON programme_activities
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER people_raise_shared_version AFTER UPDATE OF first_name, last_name ON people
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();

{{SQLITE}} CREATE TRIGGER schools_insert_raises_shared_version AFTER INSERT ON schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER schools_update_raises_shared_version AFTER UPDATE ON schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER schools_delete_raises_shared_version AFTER DELETE ON schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER events_insert_raises_shared_version AFTER INSERT ON events BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER events_update_raises_shared_version AFTER UPDATE ON events BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER events_delete_raises_shared_version AFTER DELETE ON events BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_schools_insert_raises_shared_version AFTER INSERT ON event_schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_schools_update_raises_shared_version AFTER UPDATE ON event_schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_schools_delete_raises_shared_version AFTER DELETE ON event_schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programmes_insert_raises_shared_version AFTER INSERT ON programmes BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programmes_update_raises_shared_version AFTER UPDATE ON programmes BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programmes_delete_raises_shared_version AFTER DELETE ON programmes BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_schools_insert_raises_shared_version AFTER INSERT ON programme_schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_schools_update_raises_shared_version AFTER UPDATE ON programme_schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_schools_delete_raises_shared_version AFTER DELETE ON programme_schools BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_priorities_insert_raises_shared_version AFTER INSERT ON programme_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_priorities_update_raises_shared_version AFTER UPDATE ON programme_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_priorities_delete_raises_shared_version AFTER DELETE ON programme_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_activities_insert_raises_shared_version AFTER INSERT ON programme_activities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_activities_update_raises_shared_version AFTER UPDATE ON programme_activities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER programme_activities_delete_raises_shared_version AFTER DELETE ON programme_activities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER people_names_raise_shared_version AFTER UPDATE OF first_name, last_name ON people BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
