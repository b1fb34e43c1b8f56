-- The trust's priorities and the ones each school takes on join what each server keeps per trust
-- (0034): programme pages and forms read them on every request.
{{POSTGRESQL}} CREATE TRIGGER priorities_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON priorities
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER school_priorities_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON school_priorities
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();

{{SQLITE}} CREATE TRIGGER priorities_insert_raises_shared_version AFTER INSERT ON priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER priorities_update_raises_shared_version AFTER UPDATE ON priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER priorities_delete_raises_shared_version AFTER DELETE ON priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER school_priorities_insert_raises_shared_version AFTER INSERT ON school_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER school_priorities_update_raises_shared_version AFTER UPDATE ON school_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER school_priorities_delete_raises_shared_version AFTER DELETE ON school_priorities BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
