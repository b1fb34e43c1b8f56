-- Which of a trust's sessions have a recording, and how many materials each activity and offer has,
-- join what each server keeps per trust (0034): a programme's page shows both on every view.
{{POSTGRESQL}} CREATE TRIGGER recordings_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON recordings
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER materials_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON materials
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();

{{SQLITE}} CREATE TRIGGER recordings_insert_raises_shared_version AFTER INSERT ON recordings BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER recordings_update_raises_shared_version AFTER UPDATE ON recordings BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER recordings_delete_raises_shared_version AFTER DELETE ON recordings BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER materials_insert_raises_shared_version AFTER INSERT ON materials BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER materials_update_raises_shared_version AFTER UPDATE ON materials BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER materials_delete_raises_shared_version AFTER DELETE ON materials BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
