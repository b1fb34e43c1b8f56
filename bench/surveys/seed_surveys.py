#!/usr/bin/env python3
"""Seeds the demo trust, already loaded by `trellis demo`, for the surveys benchmark.

Usage: seed_surveys.py sqlite:PATH|postgresql://URL SESSIONS_FILE

Grows Oakfield Learning Trust to 20 schools (primary, secondary, special and all-through) and 15,000
staff still in post (teachers, early-career teachers, support staff and leaders, in proportions that
differ by phase), then adds two needs surveys of every question kind (rating, single and multiple
choice, ranking, confidence grid, free text), some asked of one staff group only, with options and
questions tied to the trust's priorities:
- a closed one, answered by about 85% of the staff (a little more or less by school), and
- an open one nobody has answered yet, with a session row for each of the 15,000 (as sign-in makes
  them: the SHA-256 of the token kept, the CSRF token beside it, eight hours to live), so they can
  answer over HTTP without paying Argon2id each. SESSIONS_FILE gets "token staff_group" per line.
On PostgreSQL the tables are analysed at the end, as autovacuum would soon do.
Rows go in by SQL: the sqlite3 module for SQLite, COPY through psql for PostgreSQL (no driver
needed). Everything is drawn from a fixed seed, so two runs make the same trust and answers (the
session tokens and response ids included). Prints "CLOSED_SURVEY_ID OPEN_SURVEY_ID SCHOOL_ID", the
school being the largest, for a filtered view.
"""
import datetime
import hashlib
import base64
import random
import sqlite3
import subprocess
import sys
import time

TARGET_STAFF = 15000
SESSION_SECONDS = 480 * 60  # as sign-in makes them with the default TRELLIS_SESSION_MINUTES, so none is extended
TARGET_SCHOOLS = 20
NEW_SCHOOLS = [  # name, phase, relative size
    ("Ashcombe Primary", "primary", 1.0), ("Brookfield Academy", "secondary", 3.2),
    ("Castle Hill Primary", "primary", 0.8), ("Deanery Church of England Primary", "primary", 0.9),
    ("Elmwood All-Through School", "all-through", 4.0), ("Fernside Special School", "special", 0.7),
    ("Greystone Secondary", "secondary", 3.0), ("Harbour View Primary", "primary", 1.1),
    ("Ivy Lane Infants", "primary", 0.6), ("Juniper Academy", "secondary", 2.8),
    ("Kingsmead Primary", "primary", 1.0), ("Larchwood High", "secondary", 3.4),
    ("Millbrook Primary", "primary", 0.9), ("Northgate College", "secondary", 3.6),
]
# Staff groups in each phase: teacher, early-career teacher, support, leader.
GROUP_MIX = {"primary": (0.40, 0.07, 0.45, 0.08), "secondary": (0.56, 0.08, 0.28, 0.08),
             "special": (0.30, 0.04, 0.58, 0.08), "all-through": (0.50, 0.08, 0.34, 0.08), "": (0.1, 0, 0.6, 0.3)}
GROUPS = ("teacher", "ect", "support", "leader")
SCALE = ["Not at all", "A little", "Somewhat", "Quite a lot", "A great deal"]
CONFIDENCE = ["Not at all confident", "Slightly confident", "Fairly confident", "Confident", "Very confident"]
TEXTS = {
    "teacher": ["Checking understanding with a whole class, not just the keen ones.",
                "Adapting lessons for pupils with SEND without writing three plans.",
                "Time to watch colleagues teach the same topic.",
                "Help with behaviour in the last lesson of the day.",
                "Less about marking policy, more about feedback that moves pupils on."],
    "ect": ["Someone to plan with in my first term.", "Managing a class that has had supply all year.",
            "Seeing how experienced teachers open a lesson."],
    "support": ["Training on behaviour that matches what the teachers do.",
                "Knowing the plan for the lesson before it starts.",
                "Courses on the systems I use every day, not on teaching.",
                "Phonics training for teaching assistants who run interventions."],
    "leader": ["Coaching for middle leaders who are new to it.", "Time for subject leaders to visit each other.",
               "A shared approach to appraisal across the trust."],
}


class Sqlite:
    def __init__(self, path):
        self.db = sqlite3.connect(path, timeout=60)

    def rows(self, sql, args=()):
        return self.db.execute(sql.replace("%s", "?"), args).fetchall()

    def insert_id(self, sql, args):
        return self.db.execute(sql.replace("%s", "?"), args).lastrowid

    def bulk(self, table, columns, rows):
        marks = ", ".join("?" for _ in columns)
        self.db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def commit(self):
        self.db.commit()


def pg_literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def copy_field(value):
    if value is None:
        return "\\N"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class Postgres:
    """psql for every statement; bulk rows wait and go in one COPY script at commit."""

    def __init__(self, url):
        self.url = url
        self.pending = []

    def psql(self, script, tuples=False):
        command = ["psql", self.url, "-X", "-q", "-v", "ON_ERROR_STOP=1"] + (["-At", "-F", "\t"] if tuples else [])
        done = subprocess.run(command, input=script, capture_output=True, text=True)
        if done.returncode:
            sys.exit("psql failed: " + done.stderr[:2000])
        return done.stdout

    def rows(self, sql, args=()):
        text = self.psql(sql.replace("%s", "{}").format(*map(pg_literal, args)) + ";\n", tuples=True)
        return [tuple(None if field == "" else (int(field) if field.lstrip("-").isdigit() else field)
                      for field in line.split("\t")) for line in text.splitlines() if line]

    def insert_id(self, sql, args):
        self.commit()
        return self.rows(sql + " RETURNING id", args)[0][0]

    def bulk(self, table, columns, rows):
        lines = [f"COPY {table} ({', '.join(columns)}) FROM STDIN;"]
        lines += ["\t".join(copy_field(value) for value in row) for row in rows]
        lines.append("\\.")
        self.pending.append("\n".join(lines) + "\n")

    def commit(self):
        if self.pending:
            self.psql("BEGIN;\n" + "".join(self.pending) + "COMMIT;\n")
            self.pending = []


def day_text(days_from_today):
    return (datetime.date.today() + datetime.timedelta(days=days_from_today)).isoformat()


def token(rng):
    # As accounts::random_token: 32 random bytes, URL-safe base64 without padding (43 characters).
    return base64.urlsafe_b64encode(rng.randbytes(32)).decode().rstrip("=")


def grow_trust(db, rng, trust_id, now):
    """Adds schools up to 20 and staff up to 15,000 in post; returns the schools as {id: phase}."""
    have = db.rows("SELECT COUNT(*) FROM schools WHERE trust_id = %s", (trust_id,))[0][0]
    sizes = {}
    for name, phase, size in NEW_SCHOOLS[:max(0, TARGET_SCHOOLS - have)]:
        school_id = db.insert_id("INSERT INTO schools (trust_id, name, phase, created_at) VALUES (%s, %s, %s, %s)",
                                 (trust_id, name, phase, now))
        sizes[school_id] = size
    schools = {row[0]: row[1] for row in db.rows("SELECT id, phase FROM schools WHERE trust_id = %s", (trust_id,))}
    for school_id, phase in schools.items():
        sizes.setdefault(school_id, 0.5 if phase == "primary" else 1.0)  # the demo's schools grow a little too
    in_post = db.rows("SELECT COUNT(*) FROM people WHERE trust_id = %s AND left_at = 0 AND erased_at = 0",
                      (trust_id,))[0][0]
    wanted = TARGET_STAFF - in_post
    ids = sorted(sizes)
    weights = [sizes[i] for i in ids]
    people = []
    for n in range(wanted):
        school_id = rng.choices(ids, weights)[0] if rng.random() > 0.01 else None  # 1% in the central team
        phase = schools.get(school_id, "")
        group = rng.choices(GROUPS, GROUP_MIX[phase])[0]
        own_phase = rng.choice(("primary", "secondary")) if phase == "all-through" else ""
        people.append((trust_id, school_id, f"bench.staff.{n:05d}@oakfield.example", f"Staff{n:05d}", "Bench",
                       group, own_phase, "staff", "", now, now))
    db.bulk("people", ("trust_id", "school_id", "email", "first_name", "last_name", "staff_group", "phase", "role",
                       "password_hash", "created_at", "updated_at"), people)
    db.commit()
    return schools


def trust_priorities(db, trust_id, now):
    """The trust's own priorities (the demo's five), at least five, as [(id, title)]."""
    found = db.rows("SELECT id, title FROM priorities WHERE trust_id = %s AND school_id IS NULL ORDER BY id",
                    (trust_id,))
    extra = ["Reading across the curriculum", "Early career development", "Assessment and feedback",
             "Mental health and wellbeing", "Support staff roles", "Leadership development"]
    for title in extra[:max(0, 5 - len(found))]:
        db.insert_id("INSERT INTO priorities (trust_id, title, meaning, created_at, updated_at) "
                     "VALUES (%s, %s, 'Added by the surveys benchmark.', %s, %s)", (trust_id, title, now, now))
    return db.rows("SELECT id, title FROM priorities WHERE trust_id = %s AND school_id IS NULL ORDER BY id",
                   (trust_id,))


def shape(options=(), rows=(), scale=()):
    import json
    return json.dumps({"options": [{"label": label, "priority": priority} for label, priority in options],
                       "rows": list(rows), "scale": list(scale)}, separators=(",", ":"))


def questions_of(priorities):
    """(kind, prompt, shape, staff_groups, priority_id, layout) for the survey; layout keeps what answers need."""
    p = [pid for pid, _ in priorities]
    tag = lambda i: p[i % len(p)]
    choice_areas = [("Behaviour and routines", tag(1)), ("Adaptive teaching and SEND", tag(2)),
                    ("Reading and oracy", tag(0)), ("Assessment and feedback", tag(3)),
                    ("Subject knowledge", 0), ("Wellbeing and workload", tag(4)), ("Using technology", 0),
                    ("Leading others", tag(5))]
    training = choice_areas + [("Questioning", tag(3)), ("Working with teaching assistants", tag(4)),
                               ("Curriculum planning", 0), ("Parents and carers", 0)]
    support = [("Behaviour support in class", tag(1)), ("Running interventions", tag(0)),
               ("Supporting pupils with SEND", tag(2)), ("First aid and medical needs", 0),
               ("The school's systems and software", 0), ("Career progression", tag(4)),
               ("Safeguarding refreshers", 0), ("Working with the class teacher", tag(4))]
    return [
        ("rating", "How well has professional development met your needs this year?", shape(scale=SCALE), "",
         0),
        ("single", "Which one area would help your work most next year?", shape(options=choice_areas), "", 0),
        ("multiple", "Which of these would you like training in? Tick any.", shape(options=training),
         "teacher,ect,leader", 0),
        ("multiple", "Which of these would help you in your role? Tick any.", shape(options=support), "support",
         0),
        ("rank", "Put the trust's priorities in order: which do you most want help with?",
         shape(options=[(title, pid) for pid, title in priorities]), "", 0),
        ("grid", "How confident are you in each of these?",
         shape(rows=["Checking what the whole class understands", "Adapting a lesson for pupils with SEND",
                     "Keeping a calm classroom", "Giving feedback that moves pupils on",
                     "Teaching reading in my subject", "Using the trust's curriculum"], scale=CONFIDENCE),
         "teacher,ect", tag(2)),
        ("grid", "How confident are you in each part of your role?",
         shape(rows=["Supporting behaviour in class", "Running a small-group intervention",
                     "Knowing the plan for the lesson", "Supporting pupils with SEND",
                     "Using the school's systems"], scale=CONFIDENCE), "support", tag(4)),
        ("rating", "How confident are you leading professional development for your team?", shape(scale=SCALE),
         "leader", tag(5)),
        ("single", "How would you most like to learn?",
         shape(options=[("In person, in my school", 0), ("In person, with other schools", 0),
                        ("Online, live", 0), ("Online, in my own time", 0), ("Coaching", 0)]), "", 0),
        ("text", "What else would help you do your job well?", shape(), "", 0),
    ]


def add_survey(db, trust_id, lead_id, title, opens, closes, priorities, now):
    survey_id = db.insert_id(
        "INSERT INTO surveys (trust_id, school_id, title, intro, anonymous, opens_on, closes_on, staff_groups, "
        "created_by, created_at, updated_at) VALUES (%s, NULL, %s, %s, 1, %s, %s, '', %s, %s, %s)",
        (trust_id, title, "What would help you most? Anonymous: we keep your school, staff group and phase.",
         opens, closes, lead_id, now, now))
    questions = []
    for position, (kind, prompt, shape_text, groups, priority) in enumerate(questions_of(priorities), 1):
        question_id = db.insert_id(
            "INSERT INTO survey_questions (trust_id, survey_id, position, kind, prompt, help, shape, staff_groups, "
            "priority_id) VALUES (%s, %s, %s, %s, %s, '', %s, %s, %s)",
            (trust_id, survey_id, position, kind, prompt, shape_text, groups, priority or None))
        questions.append((question_id, kind, shape_text, groups))
    return survey_id, questions


def answer_for(rng, kind, shape_text, group, school_lift):
    """The stored picks and text of one answer, skewed by staff group and school so views differ."""
    import json
    shape_ = json.loads(shape_text)
    options, rows, scale = shape_["options"], shape_["rows"], shape_["scale"]
    lift = school_lift + (-1 if group == "ect" else 0) + (1 if group == "leader" else 0)
    clamp = lambda v, hi: max(0, min(hi, v))
    keen = GROUPS.index(group)
    if kind == "rating":
        return str(clamp(2 + lift + rng.randint(-2, 1), len(scale) - 1)), ""
    if kind == "single":
        pick = rng.randrange(len(options)) if rng.random() < 0.4 else (keen * 2 + school_lift + 2) % len(options)
        return str(pick), ""
    if kind == "multiple":
        picks = [i for i in range(len(options)) if rng.random() < (0.5 if (i + keen) % 3 == 0 else 0.2)]
        return ",".join(map(str, picks or [rng.randrange(len(options))])), ""
    if kind == "rank":
        scored = sorted(range(len(options)), key=lambda i: -(((i * 7 + keen * 3) % len(options)) + rng.random() * 4))
        return ",".join(map(str, scored[:rng.randint(2, len(options))])), ""
    if kind == "grid":
        return ",".join("-1" if rng.random() < 0.08 else str(clamp(2 + lift + (row % 3) - 1 + rng.randint(-1, 1),
                                                                  len(scale) - 1))
                        for row in range(len(rows))), ""
    return "", rng.choice(TEXTS[group])


def answer_closed(db, rng, trust_id, survey_id, questions, schools, now):
    """About 85% of staff in post answer (70% to 97% by school); returns how many did."""
    school_names = {}
    staff = db.rows("SELECT id, school_id, staff_group, phase FROM people WHERE trust_id = %s AND left_at = 0 "
                    "AND erased_at = 0 ORDER BY id", (trust_id,))
    school_order = sorted(schools)
    answerers, responses, answers = [], [], []
    used_ids = set()
    for person_id, school_id, group, own_phase in staff:
        index = school_order.index(school_id) if school_id in schools else len(school_order)
        if rng.random() >= 0.70 + (index % 10) * 0.03:
            continue
        response_id = rng.getrandbits(62) + 1
        while response_id in used_ids:
            response_id = rng.getrandbits(62) + 1
        used_ids.add(response_id)
        phase = own_phase or schools.get(school_id, "")
        answerers.append((trust_id, survey_id, person_id))
        responses.append((response_id, trust_id, survey_id, None, school_id, group, phase,
                          day_text(-20 - rng.randrange(10))))
        school_lift = (index % 3) - 1
        for question_id, kind, shape_text, groups in questions:
            if groups and group not in groups.split(","):
                continue
            if rng.random() < (0.65 if kind == "text" else 0.06):
                continue  # left blank: most skip the free-text question
            picks, text = answer_for(rng, kind, shape_text, group, school_lift)
            answers.append((trust_id, response_id, question_id, picks, text))
    db.bulk("survey_answerers", ("trust_id", "survey_id", "person_id"), answerers)
    db.bulk("survey_responses", ("id", "trust_id", "survey_id", "person_id", "school_id", "staff_group", "phase",
                                 "answered_on"), responses)
    db.bulk("survey_answers", ("trust_id", "response_id", "question_id", "picks", "answer_text"), answers)
    db.commit()
    return len(responses), len(answers)


def open_sessions(db, rng, trust_id, path, now):
    staff = db.rows("SELECT id, staff_group FROM people WHERE trust_id = %s AND left_at = 0 AND erased_at = 0 "
                    "ORDER BY id", (trust_id,))
    rows = []
    with open(path, "w") as out:
        for person_id, group in staff:
            secret, csrf = token(rng), token(rng)
            rows.append((hashlib.sha256(secret.encode()).hexdigest(), person_id, trust_id, csrf, now, now + SESSION_SECONDS))
            out.write(f"{secret} {group}\n")
    db.bulk("sessions", ("token_hash", "person_id", "trust_id", "csrf_token", "created_at", "expires_at"), rows)
    db.commit()
    return len(rows)


def main():
    target, sessions_path = sys.argv[1], sys.argv[2]
    db = Sqlite(target[len("sqlite:"):]) if target.startswith("sqlite:") else Postgres(target)
    rng = random.Random(20261204)
    now = int(time.time())
    trust_id, lead_id = db.rows("SELECT trust_id, id FROM people WHERE email = 'pdlead@oakfield.example'")[0]
    started = time.monotonic()
    schools = grow_trust(db, rng, trust_id, now)
    priorities = trust_priorities(db, trust_id, now)
    closed_id, closed_questions = add_survey(db, trust_id, lead_id, "Needs survey at scale (benchmark, closed)",
                                             day_text(-30), day_text(-10), priorities, now)
    responses, answers = answer_closed(db, rng, trust_id, closed_id, closed_questions, schools, now)
    open_id, _ = add_survey(db, trust_id, lead_id, "Needs survey at scale (benchmark, open)", day_text(-1),
                            day_text(14), priorities, now)
    sessions = open_sessions(db, rng, trust_id, sessions_path, now)
    db.commit()
    if isinstance(db, Postgres):
        # What autovacuum does a minute or two after a bulk load. Until then the planner, which saw 850
        # people, joins a session to its person through people_audience and filters thousands of rows
        # (10 to 30 ms a request, measured); the bench measures the settled state.
        db.psql("ANALYZE;\n")
    largest, largest_name, largest_staff = db.rows(
        "SELECT p.school_id, s.name, COUNT(*) FROM people p JOIN schools s ON s.id = p.school_id WHERE p.trust_id = %s "
        "AND p.left_at = 0 GROUP BY p.school_id, s.name ORDER BY COUNT(*) DESC, p.school_id LIMIT 1", (trust_id,))[0]
    staff = db.rows("SELECT COUNT(*) FROM people WHERE trust_id = %s AND left_at = 0 AND erased_at = 0",
                    (trust_id,))[0][0]
    print(f"  seeded in {time.monotonic() - started:.1f} s: {len(schools)} schools, {staff} staff in post, "
          f"{len(priorities)} trust priorities; closed survey {closed_id}: {responses} responses, {answers} answers; "
          f"open survey {open_id}: {sessions} sessions; largest school {largest_name} ({largest_staff} staff)",
          file=sys.stderr)
    print(closed_id, open_id, largest)


if __name__ == "__main__":
    main()
