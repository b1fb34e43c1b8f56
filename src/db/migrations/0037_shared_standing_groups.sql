-- The trust's standing groups (every kind but a training day's session groups), their members and
-- their meetings join what each server keeps per trust (0034): the home page shows a person's groups
-- on every visit. A session group's rows, written by the thousand when a training day is allocated,
-- raise nothing. A person moving school raises it too: a group shows each member's school.
{{POSTGRESQL}} CREATE FUNCTION raise_shared_version_for_standing_group() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = changed.trust_id
        AND EXISTS (SELECT 1 FROM collaboration_groups g WHERE g.id = changed.group_id AND g.kind <> 'session');
    RETURN NULL;
END
$$;

{{POSTGRESQL}} CREATE TRIGGER collaboration_groups_raise_shared_version AFTER INSERT OR UPDATE ON collaboration_groups
    FOR EACH ROW WHEN (NEW.kind <> 'session') EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER collaboration_groups_deleted_raise_shared_version AFTER DELETE ON collaboration_groups
    FOR EACH ROW WHEN (OLD.kind <> 'session') EXECUTE FUNCTION raise_shared_version();
{{POSTGRESQL}} CREATE TRIGGER collaboration_group_members_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON collaboration_group_members
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version_for_standing_group();
{{POSTGRESQL}} CREATE TRIGGER group_meetings_raise_shared_version AFTER INSERT OR UPDATE OR DELETE ON group_meetings
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version_for_standing_group();
{{POSTGRESQL}} CREATE TRIGGER people_school_raises_shared_version AFTER UPDATE OF school_id ON people
    FOR EACH ROW EXECUTE FUNCTION raise_shared_version();

{{SQLITE}} CREATE TRIGGER collaboration_groups_insert_raises_shared_version AFTER INSERT ON collaboration_groups
    WHEN NEW.kind <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER collaboration_groups_update_raises_shared_version AFTER UPDATE ON collaboration_groups
    WHEN NEW.kind <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER collaboration_groups_delete_raises_shared_version AFTER DELETE ON collaboration_groups
    WHEN OLD.kind <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER collaboration_group_members_insert_raises_shared_version AFTER INSERT ON collaboration_group_members
    WHEN (SELECT kind FROM collaboration_groups WHERE id = NEW.group_id) <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER collaboration_group_members_update_raises_shared_version AFTER UPDATE ON collaboration_group_members
    WHEN (SELECT kind FROM collaboration_groups WHERE id = NEW.group_id) <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER collaboration_group_members_delete_raises_shared_version AFTER DELETE ON collaboration_group_members
    WHEN (SELECT kind FROM collaboration_groups WHERE id = OLD.group_id) <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER group_meetings_insert_raises_shared_version AFTER INSERT ON group_meetings
    WHEN (SELECT kind FROM collaboration_groups WHERE id = NEW.group_id) <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER group_meetings_update_raises_shared_version AFTER UPDATE ON group_meetings
    WHEN (SELECT kind FROM collaboration_groups WHERE id = NEW.group_id) <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
{{SQLITE}} CREATE TRIGGER group_meetings_delete_raises_shared_version AFTER DELETE ON group_meetings
    WHEN (SELECT kind FROM collaboration_groups WHERE id = OLD.group_id) <> 'session' BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = OLD.trust_id;
END;
{{SQLITE}} CREATE TRIGGER people_school_raises_shared_version AFTER UPDATE OF school_id ON people BEGIN
    UPDATE trusts SET shared_version = shared_version + 1 WHERE id = NEW.trust_id;
END;
