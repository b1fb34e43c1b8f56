#include "library/catalogue.h"

#include <stdexcept>

#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "library/file_text.h"
#include "library/files.h"
#include "library/item_store.h"
#include "library/kept_elsewhere.h"
#include "organisations/model.h"
#include "programmes/mechanisms.h"
#include "storage/keys.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::library {

namespace {

void check_title(const std::string& title) {
    if (title.empty())
        throw std::invalid_argument("Give the item a title.");
    if (title.size() > 200)
        throw std::invalid_argument("Keep the title under 200 characters.");
}

void check_link(const std::string& link) {
    if (link.size() > 1000)
        throw std::invalid_argument("Keep the link under 1,000 characters.");
    if (!text::is_web_address(link))
        throw std::invalid_argument("A link must be a web address starting with https://.");
}

long long inserted(db::Database& database, const Item& item) {
    db::Transaction transaction(database);
    const long long id = item_store::insert(transaction.session(), item);
    transaction.commit();
    return id;
}

} // namespace

std::vector<Tag> Library::tags_of(long long trust_id, const ItemForm& form) {
    std::vector<Tag> tags;
    for (const std::string& id : form.priorities) {
        long long priority_id = 0;
        try {
            priority_id = std::stoll(id);
        } catch (const std::exception&) {
        }
        if (!priority_id || !m_priorities.find(trust_id, priority_id))
            throw std::invalid_argument("Choose priorities from the list.");
        tags.push_back({"priority", std::to_string(priority_id)});
    }
    for (const std::string& phase : form.phases) {
        if (!organisations::is_known_phase(phase))
            throw std::invalid_argument("Choose phases from the list.");
        tags.push_back({"phase", phase});
    }
    for (const std::string& group : form.staff_groups) {
        if (!people::staff_group_from_text(group))
            throw std::invalid_argument("Choose staff groups from the list.");
        tags.push_back({"staff_group", group});
    }
    for (const std::string& code : form.mechanisms) {
        if (!programmes::find_mechanism(code))
            throw std::invalid_argument("Choose mechanisms from the list.");
        tags.push_back({"mechanism", code});
    }
    return tags;
}

void Library::keep_module_resources_of(long long trust_id) {
    const auto modules = m_modules.snapshot();
    std::lock_guard lock(m_kept_mutex);
    if (auto kept = m_kept_for.find(trust_id); kept != m_kept_for.end() && kept->second == modules)
        return;
    const std::vector<Item> resources = module_resource_items(*modules, m_modules.directory());
    db::Transaction transaction(m_database);
    keep_module_resources(transaction.session(), trust_id, resources);
    transaction.commit();
    m_kept_for[trust_id] = modules;
    // This request's shared version is from before the resources it may just have changed.
    m_newest.forget(trust_id);
}

std::vector<Item> Library::search(const accounts::Actor& actor, const Query& query) {
    keep_module_resources_of(actor.trust_id);
    const long long scope = accounts::library_scope(actor);
    const auto read = [&] {
        db::Database::Lease session(m_database);
        return item_store::search(*session, actor.trust_id, scope, query);
    };
    if (!text::trimmed(query.text).empty() || !query.tags.empty())
        return read();
    return *m_newest.at({actor.trust_id, scope}, actor.shared_version, read);
}

std::optional<Item> Library::find(const accounts::Actor& actor, long long item_id) {
    keep_module_resources_of(actor.trust_id);
    db::Database::Lease session(m_database);
    return item_store::find(*session, actor.trust_id, accounts::library_scope(actor), item_id);
}

long long Library::add(const accounts::Actor& actor, const ItemForm& form) {
    Item item;
    item.trust_id = actor.trust_id;
    item.school_id = accounts::may_keep_library(actor, 0) ? 0 : actor.school_id;
    if (!accounts::may_keep_library(actor, item.school_id))
        throw std::invalid_argument("Only the trust's PD leads and a school's PD lead add to the library.");
    item.title = text::trimmed(form.title);
    item.description = text::trimmed(form.description);
    item.link = text::trimmed(form.link);
    item.added_by = actor.person_id;
    item.tags = tags_of(actor.trust_id, form);
    if (!form.content.empty()) {
        const CheckedFile checked = check_upload(form.filename, form.content);
        item.kind = ItemKind::File;
        item.filename = checked.filename;
        item.content_type = checked.content_type;
        item.bytes = static_cast<long long>(form.content.size());
        item.body = searchable_text(item.filename, form.content);
        item.link.clear();
        if (item.title.empty())
            item.title = item.filename;
    } else if (!item.link.empty()) {
        item.kind = ItemKind::Link;
        check_link(item.link);
    } else {
        throw std::invalid_argument("Choose a file to upload or give a link.");
    }
    check_title(item.title);
    if (item.kind == ItemKind::Link)
        return inserted(m_database, item);
    item.stored_name = storage::stored_name(actor.trust_id, accounts::random_token());
    const std::string key = storage::key_of(storage::kMaterials, item.stored_name);
    m_files.put(key, form.content);
    try {
        return inserted(m_database, item);
    } catch (...) {
        storage::remove_quietly(m_files, key); // the upload failed as a whole: its file goes too
        throw;
    }
}

void Library::update(const accounts::Actor& actor, const Item& item, const ItemForm& form) {
    if (!accounts::may_keep_library(actor, item.school_id))
        throw std::invalid_argument("Only the trust's PD leads and a school's PD lead change the library.");
    Item changed = item;
    changed.title = text::trimmed(form.title);
    changed.description = text::trimmed(form.description);
    if (item.kind == ItemKind::Link) {
        changed.link = text::trimmed(form.link);
        check_link(changed.link);
    }
    check_title(changed.title);
    changed.tags = tags_of(actor.trust_id, form);
    db::Transaction transaction(m_database);
    item_store::update(transaction.session(), changed);
    transaction.commit();
}

void Library::remove(const accounts::Actor& actor, const Item& item) {
    if (!accounts::may_keep_library(actor, item.school_id))
        throw std::invalid_argument("Only the trust's PD leads and a school's PD lead change the library.");
    if (item.kind == ItemKind::Material)
        throw std::invalid_argument("This file belongs to " + item.used_in_title + ": remove it there.");
    {
        db::Transaction transaction(m_database);
        item_store::remove(transaction.session(), item.trust_id, item.id);
        transaction.commit();
    }
    // The connection is given back before the file goes (on S3, a request).
    if (!item.stored_name.empty())
        storage::remove_quietly(m_files, storage::key_of(storage::kMaterials, item.stored_name));
}

std::string Library::read(const Item& item) {
    return m_files.get(storage::key_of(storage::kMaterials, item.stored_name));
}

} // namespace trellis::library
