#pragma once

#include <string>
#include <vector>

// Who can help with …: the trust's own expertise, in a directory a person opts into (schema:
// 0024_expertise.sql). Beside what the person says, what Trellis knows of their work: workshops they
// presented that colleagues rated well, programmes they completed, steps they coached.
namespace trellis::expertise {

struct Topic {
    long long priority_id = 0; // a trust priority, or 0 for a tag in the person's words
    std::string text;          // the priority's title or the tag
};

// One thing Trellis knows of a person's work, in words a colleague reads.
struct Work {
    std::string text;                    // "Presented “Wait time that works” (Spring inset day)"
    std::string detail;                  // "rated 4.6 out of 5 by 12 colleagues"
    std::vector<long long> priority_ids; // the trust priorities it served
};

struct Expert {
    long long person_id = 0;
    std::string name;
    std::string email;
    std::string school_name; // "" for the central team
    std::string job_title;
    std::string offer; // what they can help with, in a sentence
    bool show_work = true;
    std::vector<Topic> topics;
    std::vector<Work> work; // empty unless show_work

    bool serves(long long priority_id) const;
    // True when every word of `words` (already lower case) is in the entry, its topics or its work.
    bool matches(const std::vector<std::string>& words) const;
};

// An entry as typed into its form: tags separated by commas, chosen priority ids.
struct EntryForm {
    std::string offer;
    std::string tags;
    std::vector<std::string> priorities;
    bool show_work = true;
};

// A colleague's request for help, as the expert sees it.
struct Request {
    long long id = 0;
    long long asker_id = 0;
    std::string asker_name;
    std::string asker_email;
    std::string asker_school;
    long long expert_id = 0;
    std::string expert_name;
    std::string about;
    long long created_at = 0;
    bool answered = false;
};

// The tags typed in a form, trimmed, in lower case, without repeats or blanks, in the order typed.
// Throws std::invalid_argument past 12 tags or a tag past 40 characters.
std::vector<std::string> tags_from(const std::string& typed);

// Where a request is answered, and the notice that takes the expert there from their home page.
std::string request_link(long long request_id);
std::string request_notice(const std::string& asker_name, const std::string& about);

// The words of a search, in lower case.
std::vector<std::string> search_words(const std::string& typed);

} // namespace trellis::expertise
