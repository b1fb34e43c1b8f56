#include "groups/model.h"

namespace trellis::groups {

std::string text_of(GroupKind kind) {
    switch (kind) {
    case GroupKind::Session:
        return "session";
    case GroupKind::Department:
        return "department";
    case GroupKind::Phase:
        return "phase";
    case GroupKind::LessonStudy:
        return "lesson_study";
    case GroupKind::Other:
        return "other";
    }
    return "";
}

std::optional<GroupKind> group_kind_from_text(const std::string& text) {
    for (GroupKind kind : {GroupKind::Session, GroupKind::Department, GroupKind::Phase,
                           GroupKind::LessonStudy, GroupKind::Other})
        if (text_of(kind) == text)
            return kind;
    return std::nullopt;
}

std::string label_of(GroupKind kind) {
    switch (kind) {
    case GroupKind::Session:
        return "Group for a collaboration time";
    case GroupKind::Department:
        return "Department";
    case GroupKind::Phase:
        return "Phase group across schools";
    case GroupKind::LessonStudy:
        return "Lesson study";
    case GroupKind::Other:
        return "Working group";
    }
    return "";
}

} // namespace trellis::groups
