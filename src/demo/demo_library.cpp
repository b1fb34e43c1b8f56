#include "demo/demo_library.h"

#include <vector>

#include "accounts/secrets.h"
#include "library/file_text.h"
#include "library/files.h"
#include "library/item_store.h"
#include "priorities/store.h"
#include "storage/keys.h"

namespace trellis::demo {

namespace {

struct DemoItem {
    const char* title;
    const char* description;
    const char* filename; // a Markdown guide, or null for a link
    const char* text;     // the guide, or the link's address
    const char* priority; // the start of one of the trust's priorities' titles, or ""
    std::vector<std::string> phases;
    std::vector<std::string> staff_groups;
    std::vector<std::string> mechanisms;
};

// Our own short guides and pointers, as a trust PD lead might gather them.
const std::vector<DemoItem>& demo_items() {
    static const std::vector<DemoItem> items = {
        {"Whole-class feedback: a one-page routine",
         "A weekly feedback lesson in place of written comments, with the sheet to use.",
         "whole-class-feedback.md",
         "# Whole-class feedback\n\nRead a set of books and note **three common errors** and two strong "
         "answers.\n\n"
         "1. Show the class the strong answers and say what makes them strong.\n"
         "2. Reteach the commonest error in five minutes.\n"
         "3. Pupils redraft one paragraph in green pen, in lesson time.\n\n"
         "Keep the sheet to one side of A4. The redraft is where the learning happens.\n",
         "Feedback",
         {"secondary", "primary"},
         {"teacher", "ect"},
         {"instruct", "model"}},
        {"Cold calling kindly",
         "How to warn, wait and choose so that every pupil expects to answer and nobody is caught out.",
         "cold-calling-kindly.md",
         "# Cold calling kindly\n\nTell the class you will choose who answers. Ask the question, **wait five "
         "seconds**, then say the name.\n\nIf a pupil cannot answer, come back to them after a classmate "
         "has: 'Now you try it.' Nobody opts out, and nobody is left stuck.\n",
         "Adaptive",
         {"primary", "secondary"},
         {"teacher", "ect"},
         {"model", "rehearse"}},
        {"Mini-whiteboards: everyone shows at once",
         "Everyone answers on a whiteboard at once, so the teacher sees every answer before moving on.",
         "mini-whiteboards.md",
         "# Mini-whiteboards\n\nAsk one hinge question with four options. Everyone writes, then *everyone "
         "shows at once* on 'three, two, one, show'. Scan the room: if fewer than four in five are right, "
         "reteach before moving on.\n",
         "Adaptive",
         {"primary"},
         {"teacher", "support"},
         {"instruct", "prompts"}},
        {"Vocabulary before reading: three tier-2 words",
         "Choose three words from the text, teach them before reading, and use them again that week.",
         "vocabulary-before-reading.md",
         "# Vocabulary before reading\n\nPick three tier-2 words (like *reluctant*, *significant*, "
         "*contrast*). Say each, show it in two sentences, ask pupils to use it. Revisit on Friday.\n",
         "Reading",
         {"secondary", "all-through"},
         {"teacher", "support"},
         {"instruct", "revisit"}},
        {"Meet and greet at the classroom door",
         "A calm start to every lesson: greet by name, give the first task at the door.",
         "meet-and-greet.md",
         "# Meet and greet\n\nStand at the door. Greet each pupil by name and hand over the first task. "
         "Correct uniform or mood quietly, there and then, before the lesson starts.\n",
         "Calm",
         {"primary", "secondary", "special"},
         {"teacher", "ect", "support"},
         {"prompts", "repetition"}},
        {"Talking to the teacher before the lesson: a guide for teaching assistants",
         "Three questions a teaching assistant asks before a lesson so the support fits the aim.",
         "ta-before-the-lesson.md",
         "# Before the lesson\n\nAsk the teacher three things: what should the group be able to do by the "
         "end, "
         "which pupils need most help, and when to step back. Write the answers on a sticky note.\n",
         "Every role",
         {"primary", "secondary", "special"},
         {"support"},
         {"goals", "action-planning"}},
        {"The EEF's guidance on effective professional development",
         "The review behind our programmes: fourteen mechanisms in four groups.",
         nullptr,
         "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/"
         "effective-professional-development",
         "",
         {},
         {"leader"},
         {"credible-source"}},
        {"Coaching in fifteen minutes: a leader's checklist",
         "Fortnightly, one step at a time, the next step agreed and dated before leaving.",
         "coaching-checklist.md",
         "# Coaching in fifteen minutes\n\n- Start with what the teacher tried since last time.\n"
         "- Agree **one step**, small enough to try tomorrow.\n- Rehearse it together for two minutes.\n"
         "- Write the step and the date you will look for it.\n",
         "",
         {"primary", "secondary", "all-through"},
         {"leader"},
         {"feedback", "rehearse", "action-planning"}},
    };
    return items;
}

} // namespace

void load_demo_library(db::Database& database, const accounts::Actor& lead, const DemoFolders& folders) {
    db::Transaction transaction(database);
    auto& sql = transaction.session();
    const auto priorities = priorities::store::priorities_of(sql, lead.trust_id, 0);
    for (const DemoItem& demo : demo_items()) {
        library::Item item;
        item.trust_id = lead.trust_id;
        item.title = demo.title;
        item.description = demo.description;
        item.added_by = lead.person_id;
        if (demo.filename) {
            if (!folders.files)
                continue; // nowhere to keep files: the links alone
            item.kind = library::ItemKind::File;
            item.filename = demo.filename;
            item.content_type = library::material_type_of(item.filename);
            item.bytes = static_cast<long long>(std::string(demo.text).size());
            item.body = library::searchable_text(item.filename, demo.text);
            item.stored_name = storage::stored_name(lead.trust_id, accounts::random_token());
            folders.files->put(storage::key_of(storage::kMaterials, item.stored_name), demo.text);
        } else {
            item.kind = library::ItemKind::Link;
            item.link = demo.text;
        }
        for (const auto& priority : priorities)
            if (*demo.priority && priority.title.rfind(demo.priority, 0) == 0)
                item.tags.push_back({"priority", std::to_string(priority.id)});
        for (const std::string& phase : demo.phases)
            item.tags.push_back({"phase", phase});
        for (const std::string& group : demo.staff_groups)
            item.tags.push_back({"staff_group", group});
        for (const std::string& mechanism : demo.mechanisms)
            item.tags.push_back({"mechanism", mechanism});
        library::item_store::insert(sql, item);
    }
    transaction.commit();
}

} // namespace trellis::demo
