// The trust's library: everyone searches it; leads add files and links and tag what is there.
#include "library/handlers/library.h"
#include "text/url.h"

#include <stdexcept>

#include "accounts/permissions.h"
#include "http/app.h"
#include "http/response.h"
#include "library/handlers/item_views.h"
#include "library/handlers/views.h"
#include "text/words.h"

namespace trellis::library::handlers {

namespace {

// The search's tags from the query string: one value of each at most.
std::vector<Tag> tags_asked(http::RequestContext& context) {
    std::vector<Tag> tags;
    for (const auto& [parameter, dimension] : {std::pair{"priority", "priority"},
                                               {"phase", "phase"},
                                               {"group", "staff_group"},
                                               {"mechanism", "mechanism"}})
        if (std::string value = context.query(parameter); !value.empty())
            tags.push_back({dimension, value});
    return tags;
}

ItemForm read_form(http::RequestContext& context) {
    ItemForm form{context.form("title"),
                  context.form("description"),
                  context.form("link"),
                  "",
                  "",
                  context.form_all("priority"),
                  context.form_all("phase"),
                  context.form_all("group"),
                  context.form_all("mechanism")};
    if (context.request.has_file("file")) {
        const auto& file = context.request.get_file_value("file");
        form.filename = file.filename;
        form.content = file.content;
    }
    return form;
}

void show_new(http::RequestContext& context, const ItemForm& form, const std::string& error, int status) {
    mstch::map data = tag_options(priority_titles(context), tags_sent(form));
    data["title"] = form.title;
    data["description"] = form.description;
    data["link"] = form.link;
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "library/new", "Add to the library", std::move(data), status);
}

void show_item(http::RequestContext& context, const Item& item, const std::vector<Tag>& tags,
               const std::string& error, int status) {
    const auto priorities = priority_titles(context);
    mstch::map data = tag_options(priorities, tags);
    data["item"] = item_view(item, priorities);
    data["can_keep"] = accounts::may_keep_library(context.signed_in(), item.school_id);
    data["can_remove"] = item.kind != ItemKind::Material;
    data["edit_title"] = item.title;
    data["edit_description"] = item.description;
    data["edit_link"] = item.link;
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "library/item", item.title, std::move(data), status);
}

// The item named by the route when the actor may find it; otherwise renders 404.
std::optional<Item> item_in_route(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    auto item = id ? context.app.library.find(context.signed_in(), *id) : std::nullopt;
    if (!item)
        http::render_error(context, 404, "There is no such item in the library.");
    return item;
}

} // namespace

void library_search(http::RequestContext& context) {
    const Query query{context.query("q"), tags_asked(context)};
    const auto items = context.app.library.search(context.signed_in(), query);
    const auto priorities = priority_titles(context);
    mstch::array rows;
    for (const Item& item : items)
        rows.push_back(item_view(item, priorities));
    mstch::map data = tag_options(priorities, query.tags);
    const bool searched = !text::trimmed(query.text).empty() || !query.tags.empty();
    data["q"] = query.text;
    data["any"] = !rows.empty();
    data["searched"] = searched;
    data["found"] = searched ? text::counted(static_cast<long long>(rows.size()), "item", "items") + " found"
                             : std::string("The newest items");
    data["more"] = static_cast<int>(rows.size()) == kMostFound;
    data["rows"] = std::move(rows);
    data["most"] = std::to_string(kMostFound);
    data["can_add"] = accounts::may_keep_library(context.signed_in(), context.signed_in().school_id);
    http::render_page(context, "library/search", "Library", std::move(data));
}

void materials_moved(http::RequestContext& context) {
    const std::string words = context.query("q");
    http::redirect(context, words.empty() ? "/library" : "/library?q=" + text::url_encode(words));
}

void item_show(http::RequestContext& context) {
    if (auto item = item_in_route(context))
        show_item(context, *item, item->tags, "", 200);
}

void item_download(http::RequestContext& context) {
    auto item = item_in_route(context);
    if (!item)
        return;
    if (item->kind != ItemKind::File)
        return http::render_error(context, 404, "This item is not a file kept in the library.");
    Material file;
    file.filename = item->filename;
    file.content_type = item->content_type;
    send_material(context, file, context.app.library.read(*item));
}

void item_new(http::RequestContext& context) {
    if (!accounts::may_keep_library(context.signed_in(), context.signed_in().school_id))
        return http::render_error(context, 403,
                                  "Only the trust's PD leads and a school's PD lead add to the library.");
    show_new(context, ItemForm{}, "", 200);
}

void item_create(http::RequestContext& context) {
    if (!accounts::may_keep_library(context.signed_in(), context.signed_in().school_id))
        return http::render_error(context, 403,
                                  "Only the trust's PD leads and a school's PD lead add to the library.");
    const ItemForm form = read_form(context);
    try {
        const long long id = context.app.library.add(context.signed_in(), form);
        http::redirect(context, "/library/" + std::to_string(id));
    } catch (const std::invalid_argument& problem) {
        show_new(context, form, problem.what(), 400);
    }
}

void item_update(http::RequestContext& context) {
    auto item = item_in_route(context);
    if (!item)
        return;
    if (!accounts::may_keep_library(context.signed_in(), item->school_id))
        return http::render_error(context, 403,
                                  "Only the trust's PD leads and a school's PD lead change the library.");
    const ItemForm form = read_form(context);
    try {
        context.app.library.update(context.signed_in(), *item, form);
        http::redirect(context, "/library/" + std::to_string(item->id));
    } catch (const std::invalid_argument& problem) {
        show_item(context, *item, tags_sent(form), problem.what(), 400);
    }
}

void item_delete(http::RequestContext& context) {
    auto item = item_in_route(context);
    if (!item)
        return;
    if (!accounts::may_keep_library(context.signed_in(), item->school_id))
        return http::render_error(context, 403,
                                  "Only the trust's PD leads and a school's PD lead change the library.");
    try {
        context.app.library.remove(context.signed_in(), *item);
        http::redirect(context, "/library");
    } catch (const std::invalid_argument& problem) {
        show_item(context, *item, item->tags, problem.what(), 400);
    }
}

} // namespace trellis::library::handlers
