#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/per_trust.h"
#include "surveys/model.h"
#include "surveys/questions.h"
#include "surveys/response_store.h"
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

// Thrown when a person may not answer a survey now, saying why: it is not for them, it is not open,
// or they have answered already.
struct NotAnswerable : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// A person's leave to answer a survey now, with the questions asked of them. Only SurveyService makes
// one (answering()), after checking the rules, so a request checks them once and reads them once.
class Answering {
  public:
    const Survey& survey() const { return m_survey; }
    const std::vector<Question>& asked() const { return m_asked; }

  private:
    friend class SurveyService;
    Answering(Survey survey, people::Person person, std::vector<Question> asked)
        : m_survey(std::move(survey)), m_person(std::move(person)), m_asked(std::move(asked)) {}
    Survey m_survey;
    people::Person m_person;
    std::vector<Question> m_asked;
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
    // The same, given the person's standings as read beside other reads (response_store::kStandingRows).
    std::vector<SurveyStanding> for_person(const accounts::Actor& actor, const std::string& today,
                                           const std::map<long long, response_store::PersonStanding>& read);
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

    // Leave for the person to answer now, with the questions for their staff group; throws
    // NotAnswerable saying why not.
    Answering answering(const accounts::Actor& actor, const Survey& survey, const std::string& today);
    Answers draft(const accounts::Actor& actor, const Survey& survey);
    // Keeps answers as the person goes (one question as they change it, or every question at once).
    void save_draft(const accounts::Actor& actor, const Answering& answering,
                    const std::map<long long, TypedAnswer>& typed);
    // Sends the person's answers (the draft with `typed` over it); at most once per person, so a
    // second (from another tab) throws NotAnswerable. `match_code` is what the person typed to match
    // an anonymous before and after ("" for none).
    void submit(const accounts::Actor& actor, const Answering& answering, const std::string& today,
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
    // for_person, reading the person's standings itself (once, if an open survey is theirs) when
    // `read` is null.
    std::vector<SurveyStanding>
    standings_in_open(const accounts::Actor& actor, const std::string& today,
                      const std::map<long long, response_store::PersonStanding>* read);

    // The trust's surveys, newest first, as of the actor's session (db/per_trust.h): the home page
    // looks for open ones on every visit.
    std::shared_ptr<const std::vector<Survey>> trust_surveys(const accounts::Actor& actor,
                                                             soci::session& sql);
    db::PerTrust<std::vector<Survey>> m_trust_surveys;

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
