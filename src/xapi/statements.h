#pragma once

#include <string>

// Learning records in xAPI 1.0.3: what a person did in Trellis, as a statement a trust's learning
// record store keeps. Pure: facts in, JSON out.
namespace trellis::xapi {

enum class Doing { CompletedModule, AttendedWorkshop, AttendedSession, CaughtUpSession, CompletedSurvey };

// Something a person did that a learning record store should hear of.
struct Fact {
    Doing doing = Doing::CompletedModule;
    long long trust_id = 0;
    long long person_id = 0;
    std::string key;         // unique per fact: "module 7 spaced-practice"
    std::string person_name; // the actor
    std::string person_email;
    std::string path;  // the thing's page: "/modules/spaced-practice"
    std::string title; // "Spaced practice in every subject"
    long long at = 0;  // when, in seconds since 1970
};

// The statement's UUID, drawn from the fact's key, so the same fact is always the same statement.
std::string statement_id(const Fact& fact);

// The statement as JSON: actor by email, verb, the activity at `public_url` + path with its name and
// type, timestamp, the platform. `public_url` is how people reach this Trellis ("https://…").
std::string statement(const Fact& fact, const std::string& public_url);

} // namespace trellis::xapi
