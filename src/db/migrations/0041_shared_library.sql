-- The library's first page (its newest items, for the trust and for each school) joins what each
-- server keeps per trust (0034): it is the page most people open, and it changes seldom. Its items,
-- their tags, and a workshop's review (a workshop's files join the library once it is approved).
{{POSTGRESQL}} CREATE TRIGGER library_items_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON library_items
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER library_tags_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON library_tags
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER workshop_offers_raise_shared_version AFTER INSERT OR UPDATE OF status OR DELETE
    ON workshop_offers FOR EACH ROW EXECUTE FUNCTION raise_shared_version();

{{SQLITE}} CREATE TRIGGER library_items_insert_raises_shared_version AFTER INSERT ON library_items BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER library_items_update_raises_shared_version AFTER UPDATE ON library_items BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER library_items_delete_raises_shared_version AFTER DELETE ON library_items BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER library_tags_insert_raises_shared_version AFTER INSERT ON library_tags BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER library_tags_update_raises_shared_version AFTER UPDATE ON library_tags BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER library_tags_delete_raises_shared_version AFTER DELETE ON library_tags BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER workshop_offers_insert_raises_shared_version AFTER INSERT ON workshop_offers BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER workshop_offers_update_raises_shared_version AFTER UPDATE OF status ON workshop_offers BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER workshop_offers_delete_raises_shared_version AFTER DELETE ON workshop_offers BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
