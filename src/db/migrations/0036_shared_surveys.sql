-- The trust's surveys join what each server keeps per trust (0034): the home page looks for the open
-- ones meant for each person on every visit.
{{POSTGRESQL}} CREATE TRIGGER surveys_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON surveys
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();

{{SQLITE}} CREATE TRIGGER surveys_insert_raises_shared_version AFTER INSERT ON surveys BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER surveys_update_raises_shared_version AFTER UPDATE ON surveys BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER surveys_delete_raises_shared_version AFTER DELETE ON surveys BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
