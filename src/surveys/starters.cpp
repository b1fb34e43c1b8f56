#include "surveys/starters.h"

#include "surveys/questions.h"

namespace trellis::surveys {

namespace {

using people::StaffGroup;

const std::vector<std::string> kHowOften{"Never", "Once or twice a term", "Every few weeks", "Most weeks",
                                         "Every day"};
const std::vector<std::string> kAgree{"Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"};

Question question(QuestionKind kind, std::string prompt, std::string help = "") {
    Question made;
    made.kind = kind;
    made.prompt = std::move(prompt);
    made.help = std::move(help);
    return made;
}

Question choice(QuestionKind kind, std::string prompt, const std::vector<std::string>& options) {
    Question made = question(kind, std::move(prompt));
    for (const auto& label : options)
        made.options.push_back({label, 0});
    return made;
}

Question grid(std::string prompt, std::vector<std::string> rows,
              std::vector<std::string> scale = default_scale()) {
    Question made = question(QuestionKind::Grid, std::move(prompt));
    made.rows = std::move(rows);
    made.scale = std::move(scale);
    return made;
}

Question rating(std::string prompt, std::vector<std::string> scale) {
    Question made = question(QuestionKind::Rating, std::move(prompt));
    made.scale = std::move(scale);
    return made;
}

// "Which of the trust's priorities would help you most?", each option tagged with its priority.
std::optional<Question> priority_ranking(const std::vector<priorities::Priority>& priorities) {
    if (priorities.size() < 2)
        return std::nullopt;
    Question made = question(
        QuestionKind::Rank, "Put the trust's priorities in order of how much help you would like with them.");
    for (const auto& priority : priorities)
        if (made.options.size() < kMaxOptions)
            made.options.push_back({priority.title, priority.id});
    return made;
}

Starter teachers() {
    Starter starter{"teachers",
                    "What would help your teaching this year?",
                    "Confidence in everyday classroom practice, how time for development is used, and "
                    "the trust's priorities ranked.",
                    {"What would help your teaching this year?",
                     "This takes about five minutes. Your answers are anonymous: we keep your school, "
                     "staff group and phase, never your name. We use them to plan training days, "
                     "programmes and collaboration time.",
                     true,
                     "",
                     "",
                     {"teacher", "ect"}},
                    {}};
    starter.questions = {
        grid("How confident do you feel about each of these in your own classroom?",
             {"Explaining new material so every pupil can follow", "Checking understanding during a lesson",
              "Adapting teaching for pupils with SEND", "Managing behaviour calmly and consistently",
              "Giving feedback that pupils act on", "Teaching reading in my subject"}),
        choice(QuestionKind::Multiple, "Which ways of learning work best for you?",
               {"A workshop with colleagues", "Watching a colleague teach", "Being coached",
                "Working on one thing with a small group over a term", "Short online modules",
                "Reading and discussing a piece of research"}),
        rating("How often do you get to work on your teaching with colleagues, beyond meetings about "
               "pupils?",
               kHowOften),
        question(QuestionKind::Text, "What is one thing you would like to get better at this year?"),
    };
    return starter;
}

Starter support() {
    Starter starter{"support",
                    "What would help you in your role this year?",
                    "For teaching assistants, office, site, pastoral and other support staff: confidence "
                    "in their own roles, what training they get now, and the trust's priorities ranked.",
                    {"What would help you in your role this year?",
                     "Training is too often planned for teachers and handed to everyone else. Tell us what "
                     "would help in your own role. About five minutes; anonymous: we keep your school, "
                     "staff group and phase, never your name.",
                     true,
                     "",
                     "",
                     {"support"}},
                    {}};
    Question role = choice(QuestionKind::Single, "Which best describes your role?",
                           {"Teaching assistant in class", "Teaching assistant for pupils with SEND",
                            "Pastoral, attendance or family support", "Office, finance or HR",
                            "Site, premises or catering", "IT or data", "Another role"});
    starter.questions = {
        role,
        grid("How confident do you feel about each of these?",
             {"Supporting a pupil who is struggling without doing the work for them",
              "Helping with behaviour in a way that matches the teacher's",
              "Knowing what a lesson is for "
              "before it starts",
              "Using the systems my job needs", "Keeping pupils safe and knowing who to tell"}),
        rating("How much of the training you had last year was useful in your role?",
               {"None of it", "A little", "About half", "Most of it", "All of it"}),
        choice(QuestionKind::Multiple, "What gets in the way of training for you?",
               {"It is timed when I am working or gone home", "It is about teaching, not my role",
                "Nobody tells me what is on", "I am not paid for the time", "Nothing gets in the way"}),
        question(QuestionKind::Text, "What training would make the biggest difference to your work?"),
    };
    return starter;
}

Starter leaders() {
    Starter starter{"leaders",
                    "What does your school need from professional development?",
                    "For senior and middle leaders: the school's needs, how development is led, and the "
                    "trust's priorities ranked.",
                    {"What does your school need from professional development?",
                     "For senior and middle leaders. About five minutes; anonymous: we keep your school "
                     "and phase, never your name.",
                     true,
                     "",
                     "",
                     {"leader"}},
                    {}};
    starter.questions = {
        grid("How far do you agree?",
             {"Staff here have protected time for development",
              "Our training days change what happens in "
              "classrooms",
              "Support staff get development made for their roles",
              "We check whether development made a "
              "difference",
              "I know what staff in my team need to learn next"},
             kAgree),
        choice(QuestionKind::Single, "Where should the trust help your school most this year?",
               {"Curriculum and subject knowledge", "Behaviour and attendance", "SEND and inclusion",
                "Early-career teachers and mentoring", "Leadership at every level", "Support staff roles"}),
        question(QuestionKind::Text, "What would you stop doing to make time for development?"),
    };
    return starter;
}

// The same statements for senior leaders and for everyone else, so the results can put the two side
// by side and show where leaders think better of the school's development than staff do.
Starter culture() {
    Starter starter{"culture",
                    "How does professional development feel here?",
                    "A CPD culture check for everyone, leaders included: the same statements for both, "
                    "with the results side by side.",
                    {"How does professional development feel here?",
                     "The same few statements for everyone, leaders included, so we can see where we agree "
                     "and where we do not. About three minutes; anonymous: we keep your school, staff group "
                     "and phase, never your name.",
                     true,
                     "",
                     "",
                     {}},
                    {}};
    starter.questions = {
        grid("How far do you agree with each of these about your school?",
             {"Development here is planned around what staff need",
              "Staff have protected time to learn and to try out what they learn",
              "Leaders learn alongside everyone else", "What we learn is followed up, not forgotten",
              "Support staff get development that fits their roles",
              "I can try something new without worrying about being judged",
              "Development here makes a difference to pupils"},
             kAgree),
        question(QuestionKind::Text, "What one change would make development here better?"),
    };
    return starter;
}

} // namespace

std::vector<Starter> starters(const std::vector<priorities::Priority>& priorities) {
    std::vector<Starter> all{teachers(), support(), leaders()};
    if (auto ranking = priority_ranking(priorities))
        for (Starter& starter : all)
            starter.questions.insert(starter.questions.begin() + 1, *ranking);
    all.push_back(culture());
    return all;
}

} // namespace trellis::surveys
