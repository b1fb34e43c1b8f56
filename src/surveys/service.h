#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "surveys/model.h"
#include "surveys/questions.h"
#include "surveys/results.h"
#include "surveys/starters.h"

// Surveys from building to results. The trust's are kept by its trust PD leads and administrators,
// a school's by its school PD lead. Broken rules throw std::invalid_argument with a message for the
// person, and nothing is saved. `today` is the day in London ("YYYY-MM-DD"), passed in so tests can
// choose it.
namespace trellis::surveys {

// A survey as the lead's list shows it.
struct SurveySummary {
    Survey survey;
    long long responses = 0;
};

// Response rates while a survey is open: people it is for and how many have answered, by school and
// staff group; a cell of fewer than the smallest group is withheld (with enough others beside it).
struct RateCell {
    int people = 0;
    int answered = 0;
    bool hidden = false;
};
struct Rates {
    std::vector<std::string> schools;         // rows
    std::vector<people::StaffGroup> groups;   // columns
    std::vector<std::vector<RateCell>> cells; // [school][group]
    std::vector<RateCell> school_totals, group_totals;
    RateCell total;
    int smallest = 0; // the fewest staff a shown rate describes
};

class SurveyService {
  public:
    explicit SurveyService(db::Database& database) : m_database(database) {}

    static bool may_keep(const accounts::Actor& actor, const Survey& survey);
    // True when the actor may make surveys at all (a PD lead or an administrator).
    static bool may_make(const accounts::Actor& actor);

    // The surveys the actor keeps, newest first.
    std::vector<SurveySummary> kept_by(const accounts::Actor& actor);
    // The open surveys meant for the person, with whether they have answered or started.
    std::vector<SurveyStanding> for_person(const accounts::Actor& actor, const std::string& today);
    std::optional<Survey> find(long long trust_id, long long survey_id);

    long long create(const accounts::Actor& actor, const SurveyForm& form);
    // A draft copied from a starter needs survey ("teachers", "support", "leaders"), ranking the
    // trust's priorities; throws for a starter we do not have.
    long long create_from_starter(const accounts::Actor& actor, const std::string& key);
    void update(const accounts::Actor& actor, const Survey& survey, const SurveyForm& form);
    void remove(const accounts::Actor& actor, const Survey& survey);

    std::vector<Question> questions(const Survey& survey);
    // Questions can change only while nobody has answered (sent or in a draft).
    bool questions_fixed(const Survey& survey);
    long long add_question(const accounts::Actor& actor, const Survey& survey, const QuestionForm& form);
    // Returns false when the survey has no such question.
    bool update_question(const accounts::Actor& actor, const Survey& survey, long long question_id,
                         const QuestionForm& form);
    bool remove_question(const accounts::Actor& actor, const Survey& survey, long long question_id);
    // Moves a question one place up (-1) or down (+1).
    bool move_question(const accounts::Actor& actor, const Survey& survey, long long question_id, int step);
    // Tags an option of a choice or ranking question with a priority (0: none).
    bool tag_option(const accounts::Actor& actor, const Survey& survey, long long question_id,
                    std::size_t option, long long priority_id);

    // Adds the option's words as a trust priority (or finds the one of the same title) and ties the
    // option to it. For trust PD leads and administrators only.
    void option_to_priority(const accounts::Actor& actor, const Survey& survey, long long question_id,
                            std::size_t option);

    // The questions the person is asked: those for their staff group.
    std::vector<Question> questions_for(const accounts::Actor& actor, const Survey& survey);
    // Why the person may not answer now ("" when they may): not for them, not open, already answered.
    std::string why_not_answer(const accounts::Actor& actor, const Survey& survey, const std::string& today);
    bool has_answered(const accounts::Actor& actor, const Survey& survey);
    Answers draft(const accounts::Actor& actor, const Survey& survey);
    // Keeps answers as the person goes (one question as they change it, or every question at once).
    void save_draft(const accounts::Actor& actor, const Survey& survey, const std::string& today,
                    const std::map<long long, TypedAnswer>& typed);
    // Sends the person's answers (the draft with `typed` over it); at most once per person.
    // `match_code` is what the person typed to match an anonymous before and after ("" for none).
    void submit(const accounts::Actor& actor, const Survey& survey, const std::string& today,
                const std::map<long long, TypedAnswer>& typed, const std::string& match_code = "");

    // Results and response rates are for those who keep the survey. The responses are read once and
    // kept (for the few surveys read most lately) while they stay as they are, so a results page read
    // again costs one count; the same list is handed back until they change.
    std::shared_ptr<const std::vector<Response>> responses(const Survey& survey);
    Rates rates(const Survey& survey, int smallest);
    // Puts a reminder on the home page of everyone it is for who has not answered; returns how many.
    int remind(const accounts::Actor& actor, const Survey& survey, const std::string& today);

  private:
    Survey checked(const accounts::Actor& actor, Survey survey, const SurveyForm& form);

    struct KeptResponses {
        std::pair<long long, long long> version;
        std::shared_ptr<const std::vector<Response>> responses;
        unsigned long long used = 0;
    };
    static constexpr std::size_t kSurveysKept = 8;
    std::mutex m_kept_mutex;
    std::map<long long, KeptResponses> m_kept; // by survey id
    unsigned long long m_uses = 0;
    Answers answers_from(const Survey& survey, const std::vector<Question>& asked,
                         const std::map<long long, TypedAnswer>& typed);

    db::Database& m_database;
};

} // namespace trellis::surveys
