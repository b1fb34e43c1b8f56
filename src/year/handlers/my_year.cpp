#include "calendar/ics.h"
#include "calendar/london_time.h"
#include "calendar/school_year.h"
#include "db/database.h"
#include "http/response.h"
#include "text/dates.h"
#include "year/handlers/handlers.h"

namespace trellis::year::handlers {

namespace {

std::string when_of(const YearItem& item) {
    if (item.due)
        return "Due " + text::long_date(item.day);
    return text::long_date(item.day) +
           (item.starts_at.empty() ? "" : ", " + item.starts_at + "–" + item.ends_at);
}

mstch::map item_view(const YearItem& item, const std::string& now) {
    return mstch::map{{"title", item.title},       {"what", item.what},     {"kind", item.kind},
                      {"source", item.source},     {"href", item.href},     {"when", when_of(item)},
                      {"location", item.location}, {"past", item.day < now}};
}

// The heading an item falls under: its half-term in the current school year, else its school year.
std::string group_of(const YearItem& item, int current_year) {
    if (!calendar::parse_day(item.day) || item.day < "2000-01-01" || item.day > "2099-12-31")
        return "Undated";
    const calendar::SchoolYear year = calendar::school_year_containing(item.day);
    if (year.starts_in != current_year)
        return year.label;
    return year.half_terms[static_cast<std::size_t>(calendar::timeline_column(item.day))].name + " " +
           year.label;
}

void show(http::RequestContext& context, const std::string& feed_url) {
    const accounts::Actor& actor = context.signed_in();
    const std::string now = context.app.clock.today();
    const int current_year = calendar::school_year_containing(now).starts_in;
    std::vector<std::pair<std::string, mstch::array>> grouped; // items are in date order already
    mstch::array groups, next;
    const auto year = context.app.year.year_of(actor);
    for (const YearItem& item : year.items) {
        if (item.day >= now && next.size() < 3)
            next.push_back(item_view(item, now));
        const std::string label = group_of(item, current_year);
        if (grouped.empty() || grouped.back().first != label)
            grouped.emplace_back(label, mstch::array{});
        grouped.back().second.push_back(item_view(item, now));
    }
    for (auto& [label, items] : grouped)
        groups.push_back(mstch::map{{"label", label}, {"items", std::move(items)}});
    mstch::map data{{"groups", groups},
                    {"any", !groups.empty()},
                    {"next", next},
                    {"any_next", !next.empty()},
                    {"has_feed", year.has_feed}};
    if (!feed_url.empty())
        data["feed_url"] = feed_url;
    http::render_page(context, "year/my_year", "My year", data);
}

} // namespace

void my_year_show(http::RequestContext& context) {
    show(context, "");
}

void feed_create(http::RequestContext& context) {
    const std::string token = context.app.year.new_feed_token(context.signed_in());
    // Shown once on this page and never put in an address bar or log: only its hash is kept.
    show(context, context.app.config.public_url + "/calendar/" + token + ".ics");
}

void feed_download(http::RequestContext& context) {
    const auto owner = context.app.year.feed_owner(context.capture(1));
    if (!owner)
        return http::render_error(context, 404, "This calendar address is no longer in use.");
    std::vector<calendar::ics::CalendarEntry> entries;
    for (const YearItem& item : context.app.year.items_for(*owner)) {
        std::string summary = item.due ? "Due: " + item.title : item.title;
        std::string description = item.what + (item.source.empty() ? "" : " · " + item.source);
        if (!context.app.config.public_url.empty())
            description += "\n" + context.app.config.public_url + item.href;
        entries.push_back(calendar::ics::CalendarEntry{item.uid, item.day, item.starts_at, item.ends_at,
                                                       summary, item.location, description, item.sequence});
    }
    context.response.set_header("Cache-Control", "private, max-age=900");
    context.response.set_content(
        calendar::ics::calendar("Trellis: " + owner->display_name, entries, db::now_seconds()),
        "text/calendar; charset=utf-8");
}

mstch::array next_up(http::RequestContext& context, std::size_t count,
                     const std::map<long long, std::string>& programme_statuses) {
    const std::string now = context.app.clock.today();
    mstch::array next;
    for (const YearItem& item :
         context.app.year.upcoming_for(context.signed_in(), programme_statuses, now, count))
        next.push_back(item_view(item, now));
    return next;
}

} // namespace trellis::year::handlers
