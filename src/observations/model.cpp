#include "observations/model.h"

namespace trellis::observations {

std::string text_of(Status status) {
    switch (status) {
    case Status::Invited:
        return "invited";
    case Status::Declined:
        return "declined";
    case Status::Written:
        return "written";
    }
    return "";
}

std::optional<Status> status_from_text(const std::string& text) {
    for (Status status : {Status::Invited, Status::Declined, Status::Written})
        if (text == text_of(status))
            return status;
    return std::nullopt;
}

} // namespace trellis::observations
