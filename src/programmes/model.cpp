#include "programmes/model.h"

namespace trellis::programmes {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> from_text(const std::pair<Enum, const char*> (&names)[N], const std::string& text) {
    for (const auto& [value, name] : names)
        if (text == name)
            return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string name_in(const std::pair<Enum, const char*> (&names)[N], Enum value) {
    for (const auto& [known, name] : names)
        if (known == value)
            return name;
    return "";
}

const std::pair<Audience, const char*> kAudiences[] = {
    {Audience::Everyone, "everyone"}, {Audience::Cohort, "cohort"}, {Audience::Open, "open"}};
const std::pair<ActivityKind, const char*> kKinds[] = {{ActivityKind::Live, "live"},
                                                       {ActivityKind::Module, "module"},
                                                       {ActivityKind::Collaboration, "collaboration"},
                                                       {ActivityKind::Practice, "practice"},
                                                       {ActivityKind::FollowUp, "follow_up"}};
const std::pair<ActivityKind, const char*> kKindLabels[] = {
    {ActivityKind::Live, "Live session"},
    {ActivityKind::Module, "Self-paced module"},
    {ActivityKind::Collaboration, "Collaboration time"},
    {ActivityKind::Practice, "Practice task"},
    {ActivityKind::FollowUp, "Follow-up check-in"}};
const std::pair<Delivery, const char*> kDeliveries[] = {
    {Delivery::InPerson, "in_person"}, {Delivery::Online, "online"}, {Delivery::Both, "both"}};
const std::pair<Delivery, const char*> kDeliveryLabels[] = {{Delivery::InPerson, "In person"},
                                                            {Delivery::Online, "Online"},
                                                            {Delivery::Both, "In person and online"}};

} // namespace

std::optional<Audience> audience_from_text(const std::string& text) {
    return from_text(kAudiences, text);
}
std::string text_of(Audience audience) {
    return name_in(kAudiences, audience);
}
std::optional<ActivityKind> activity_kind_from_text(const std::string& text) {
    return from_text(kKinds, text);
}
std::string text_of(ActivityKind kind) {
    return name_in(kKinds, kind);
}
std::string label_of(ActivityKind kind) {
    return name_in(kKindLabels, kind);
}
const std::vector<ActivityKind>& all_activity_kinds() {
    static const std::vector<ActivityKind> kinds = {ActivityKind::Live, ActivityKind::Module,
                                                    ActivityKind::Collaboration, ActivityKind::Practice,
                                                    ActivityKind::FollowUp};
    return kinds;
}
std::optional<Delivery> delivery_from_text(const std::string& text) {
    return from_text(kDeliveries, text);
}
std::string text_of(Delivery delivery) {
    return name_in(kDeliveries, delivery);
}
std::string label_of(Delivery delivery) {
    return name_in(kDeliveryLabels, delivery);
}

} // namespace trellis::programmes
