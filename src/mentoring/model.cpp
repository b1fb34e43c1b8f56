#include "mentoring/model.h"

namespace trellis::mentoring {

std::string text_of(PairKind kind) {
    return kind == PairKind::Coaching ? "coaching" : "mentoring";
}

std::optional<PairKind> pair_kind_from_text(const std::string& text) {
    if (text == "mentoring")
        return PairKind::Mentoring;
    if (text == "coaching")
        return PairKind::Coaching;
    return std::nullopt;
}

std::string text_of(PairStatus status) {
    switch (status) {
    case PairStatus::Requested:
        return "requested";
    case PairStatus::Active:
        return "active";
    case PairStatus::Ended:
        return "ended";
    }
    return "";
}

std::optional<PairStatus> pair_status_from_text(const std::string& text) {
    for (PairStatus status : {PairStatus::Requested, PairStatus::Active, PairStatus::Ended})
        if (text == text_of(status))
            return status;
    return std::nullopt;
}

std::string text_of(Tried tried) {
    switch (tried) {
    case Tried::NotReviewed:
        return "";
    case Tried::Yes:
        return "yes";
    case Tried::Partly:
        return "partly";
    case Tried::NotYet:
        return "not_yet";
    }
    return "";
}

std::optional<Tried> tried_from_text(const std::string& text) {
    for (Tried tried : {Tried::NotReviewed, Tried::Yes, Tried::Partly, Tried::NotYet})
        if (text == text_of(tried))
            return tried;
    return std::nullopt;
}

std::string label_of(Tried tried) {
    switch (tried) {
    case Tried::NotReviewed:
        return "";
    case Tried::Yes:
        return "Tried it";
    case Tried::Partly:
        return "Tried it in part";
    case Tried::NotYet:
        return "Not tried yet";
    }
    return "";
}

} // namespace trellis::mentoring
