#include "demo/demo_names.h"

#include <cctype>
#include <iterator>

namespace trellis::demo {

namespace {

constexpr const char* kFirstNames[] = {
    "Aisha",   "Ben",     "Chloe",   "Daniel",  "Eleanor",  "Farhan",  "Georgia", "Harry",
    "Imogen",  "Jack",    "Kiran",   "Laura",   "Mohammed", "Niamh",   "Oliver",  "Priya",
    "Rachel",  "Samuel",  "Tariq",   "Una",     "Victoria", "William", "Yasmin",  "Zoe",
    "Adam",    "Bethany", "Callum",  "Deborah", "Ethan",    "Fiona",   "Gareth",  "Hannah",
    "Isaac",   "Jasmine", "Kwame",   "Lucy",    "Matthew",  "Nadia",   "Owen",    "Paula",
    "Rhys",    "Sophie",  "Thomas",  "Amira",   "Bronwen",  "Connor",  "Diane",   "Emeka",
    "Frances", "Gemma",   "Hamza",   "Iris",    "Joanne",   "Karen",   "Liam",    "Megan",
    "Nathan",  "Olivia",  "Patrick", "Rebecca", "Simon",    "Tanya",   "Wendy",   "Zainab"};

constexpr const char* kLastNames[] = {
    "Adams",  "Ahmed",    "Baker",    "Bennett", "Brown",    "Campbell", "Chaudhry",  "Clarke",   "Cooper",
    "Davies", "Edwards",  "Evans",    "Fisher",  "Foster",   "Green",    "Griffiths", "Hall",     "Harris",
    "Hughes", "Hussain",  "Jackson",  "James",   "Jones",    "Kaur",     "Kelly",     "Khan",     "Lewis",
    "Lloyd",  "Marshall", "Martin",   "Mensah",  "Mitchell", "Morgan",   "Murphy",    "Nowak",    "O'Brien",
    "Owen",   "Parker",   "Phillips", "Price",   "Rahman",   "Roberts",  "Robinson",  "Scott",    "Shaw",
    "Singh",  "Smith",    "Stewart",  "Taylor",  "Thomas",   "Thompson", "Turner",    "Walker",   "Ward",
    "Watson", "White",    "Williams", "Wilson",  "Wood",     "Wright",   "Young",     "Zielinski"};

constexpr const char* kSubjects[] = {"Mathematics",
                                     "English",
                                     "Science",
                                     "History",
                                     "Geography",
                                     "Modern foreign languages",
                                     "Computing",
                                     "Art and design",
                                     "Music",
                                     "Physical education",
                                     "Religious education",
                                     "Design and technology"};

constexpr const char* kSupportJobs[] = {"Teaching assistant",
                                        "Teaching assistant",
                                        "Teaching assistant",
                                        "Higher level teaching assistant",
                                        "Learning support assistant",
                                        "Midday supervisor",
                                        "School business manager",
                                        "Office administrator",
                                        "Site manager",
                                        "Cleaner",
                                        "IT technician",
                                        "Cover supervisor",
                                        "Catering assistant",
                                        "Pastoral support worker",
                                        "Attendance officer",
                                        "Librarian"};

constexpr const char* kCentralJobs[] = {
    "HR officer",      "Finance officer",         "Data manager",
    "Estates officer", "Governance professional", "IT service desk analyst",
    "Payroll officer"};

constexpr const char* kLeaderJobs[] = {"Headteacher", "Deputy headteacher", "Assistant headteacher",
                                       "Special educational needs coordinator"};

template <typename T, std::size_t N> const char* pick(Sequence& sequence, T (&items)[N]) {
    return items[sequence.next(static_cast<unsigned>(N))];
}

} // namespace

Name next_name(Sequence& sequence) {
    return Name{pick(sequence, kFirstNames), pick(sequence, kLastNames)};
}

JobAndSubjects job_for(Sequence& sequence, people::StaffGroup group, const std::string& phase,
                       bool central_team) {
    using people::StaffGroup;
    if (central_team)
        return {group == StaffGroup::Leader ? "Trust director" : pick(sequence, kCentralJobs), ""};
    switch (group) {
    case StaffGroup::Leader:
        return {pick(sequence, kLeaderJobs), ""};
    case StaffGroup::Support:
        return {phase == "secondary" && sequence.next(8) == 0 ? "Science technician"
                                                              : pick(sequence, kSupportJobs),
                ""};
    case StaffGroup::Teacher:
    case StaffGroup::Ect: {
        if (phase == "secondary") {
            const std::string subject = pick(sequence, kSubjects);
            return {"Teacher of " + subject, subject};
        }
        if (phase == "special")
            return {"Class teacher", ""};
        return {"Class teacher (Year " + std::to_string(1 + sequence.next(6)) + ")", ""};
    }
    }
    return {"", ""};
}

std::string email_local_part(const std::string& first, const std::string& last) {
    std::string local;
    for (char c : first + "." + last)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '.')
            local += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return local;
}

} // namespace trellis::demo
