#include "attendance/model.h"

namespace trellis::attendance {

std::string text_of(SessionKind kind) {
    return kind == SessionKind::Workshop ? "workshop" : "activity";
}

std::string text_of(How how) {
    switch (how) {
    case How::Register:
        return "register";
    case How::Code:
        return "code";
    case How::Qr:
        return "qr";
    case How::Recording:
        return "recording";
    }
    return "register";
}

} // namespace trellis::attendance
