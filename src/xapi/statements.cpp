#include "xapi/statements.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "text/dates.h"

namespace trellis::xapi {

namespace {

struct Meaning {
    const char* verb;
    const char* verb_name;
    const char* activity_type;
};

Meaning meaning_of(Doing doing) {
    constexpr const char* kCompleted = "http://adlnet.gov/expapi/verbs/completed";
    constexpr const char* kAttended = "http://adlnet.gov/expapi/verbs/attended";
    constexpr const char* kMeeting = "http://adlnet.gov/expapi/activities/meeting";
    switch (doing) {
    case Doing::CompletedModule:
        return {kCompleted, "completed", "http://adlnet.gov/expapi/activities/module"};
    case Doing::AttendedWorkshop:
    case Doing::AttendedSession:
        return {kAttended, "attended", kMeeting};
    case Doing::CaughtUpSession:
        // Watching a missed session's recording to its end, and saying what one took from it.
        return {"http://adlnet.gov/expapi/verbs/experienced", "caught up on the recording of", kMeeting};
    case Doing::CompletedSurvey:
        return {kCompleted, "completed", "http://id.tincanapi.com/activitytype/survey"};
    }
    return {kCompleted, "completed", kMeeting};
}

} // namespace

std::string statement_id(const Fact& fact) {
    // Sixteen bytes of a keyed hash of the fact, with the bits RFC 9562 reserves for a version 8
    // (custom) UUID and its variant.
    unsigned char hash[16];
    const std::string input = "trellis xapi " + std::to_string(fact.trust_id) + " " + fact.key;
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       nullptr, 0);
    hash[6] = static_cast<unsigned char>((hash[6] & 0x0F) | 0x80);
    hash[8] = static_cast<unsigned char>((hash[8] & 0x3F) | 0x80);
    static const char* digits = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            id += '-';
        id += digits[hash[i] >> 4];
        id += digits[hash[i] & 0x0F];
    }
    return id;
}

std::string statement(const Fact& fact, const std::string& public_url) {
    const Meaning meaning = meaning_of(fact.doing);
    const nlohmann::json json = {
        {"id", statement_id(fact)},
        {"actor",
         {{"objectType", "Agent"}, {"name", fact.person_name}, {"mbox", "mailto:" + fact.person_email}}},
        {"verb", {{"id", meaning.verb}, {"display", {{"en-GB", meaning.verb_name}}}}},
        {"object",
         {{"objectType", "Activity"},
          {"id", public_url + fact.path},
          {"definition", {{"name", {{"en-GB", fact.title}}}, {"type", meaning.activity_type}}}}},
        {"timestamp", text::utc(fact.at, "%Y-%m-%dT%H:%M:%SZ")},
        {"context", {{"platform", "Trellis"}, {"language", "en-GB"}}},
    };
    return json.dump();
}

} // namespace trellis::xapi
