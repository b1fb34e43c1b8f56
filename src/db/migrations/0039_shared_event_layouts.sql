-- A training day's slots, rooms and priorities join what each server keeps per trust (0034) with the
-- days themselves: a day's page shows them on every view.
{{POSTGRESQL}} CREATE TRIGGER event_slots_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON event_slots
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER event_rooms_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON event_rooms
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER event_priorities_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON event_priorities
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();

{{SQLITE}} CREATE TRIGGER event_slots_insert_raises_shared_version AFTER INSERT ON event_slots BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_slots_update_raises_shared_version AFTER UPDATE ON event_slots BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_slots_delete_raises_shared_version AFTER DELETE ON event_slots BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_rooms_insert_raises_shared_version AFTER INSERT ON event_rooms BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_rooms_update_raises_shared_version AFTER UPDATE ON event_rooms BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_rooms_delete_raises_shared_version AFTER DELETE ON event_rooms BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_priorities_insert_raises_shared_version AFTER INSERT ON event_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_priorities_update_raises_shared_version AFTER UPDATE ON event_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER event_priorities_delete_raises_shared_version AFTER DELETE ON event_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
