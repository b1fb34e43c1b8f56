#pragma once

#include <memory>

#include "accounts/home_reads.h"
#include "accounts/service.h"
#include "app/config.h"
#include "audit/audit_log.h"
#include "badges/signing_key.h"
#include "calendar/clock.h"
#include "db/database.h"
#include "events/day/day_service.h"
#include "events/day/feedback_service.h"
#include "events/offers/offer_service.h"
#include "events/service.h"
#include "expertise/service.h"
#include "groups/service.h"
#include "groups/standing_service.h"
#include "impact/service.h"
#include "jobs/queue.h"
#include "library/catalogue.h"
#include "library/service.h"
#include "mail/links.h"
#include "mail/service.h"
#include "mentoring/service.h"
#include "observations/service.h"
#include "openid/service.h"
#include "priorities/service.h"
#include "privacy/personal_data.h"
#include "programmes/activity_service.h"
#include "programmes/person_reads.h"
#include "programmes/reflections.h"
#include "programmes/service.h"
#include "programmes/sessions/recordings.h"
#include "programmes/sessions/session_attendance.h"
#include "programmes/sessions/session_feedback.h"
#include "provision/service.h"
#include "record/service.h"
#include "storage/file_store.h"
#include "surveys/service.h"
#include "year/service.h"
// --- Training days: schedule, choices, allocation ---
#include "events/allocation/allocation_service.h"
#include "events/choices/choice_service.h"
#include "events/schedule/schedule_service.h"
// --- end ---
#include "http/fair_gate.h"
#include "http/views.h"
#include "learning/content/library.h"
#include "learning/service.h"
#include "notifications/service.h"
#include "organisations/service.h"
#include "people/service.h"

namespace trellis::http {

// The long-lived parts of the running server, built once at start and shared by every request.
struct App {
    explicit App(const Config& configuration);

    Config config;
    calendar::Clock clock;
    // Signs the portable badges issued with certificates (kept in the data folder's keys/).
    badges::SigningKey badge_key;
    // Seals the secrets kept in the database (a sign-in provider's client secret); its key is kept
    // in the data folder's keys/ beside the badge key.
    accounts::SecretBox sealed_secrets;
    // Signs the unsubscribe links in emails (kept in keys/ too).
    mail::UnsubscribeLinks unsubscribe_links;
    db::Database database;
    // Uploaded files (materials, recordings): the data folder or an S3 bucket (TRELLIS_STORAGE).
    std::unique_ptr<storage::FileStore> files;
    Views views;
    FairGate gate;
    organisations::OrganisationService organisations;
    people::PeopleService people;
    accounts::AccountService accounts;
    // Background work (staff imports, allocation runs) queued for whichever server takes it.
    jobs::JobQueue jobs;
    learning::content::ContentLibrary content;
    learning::LearningService learning;
    events::EventService events;
    // --- Training days: schedule, choices, allocation ---
    events::ScheduleService schedule;
    events::ChoiceService choices;
    events::AllocationService allocation;
    // --- end ---
    // Files attached to workshops and programme activities, kept in `files`.
    library::Materials materials;
    // Training days: call for offers and reviews (offers branch).
    events::OfferService offers;
    // Training days on the day and after: timetables, registers, room sheets, feedback, notices.
    events::DayService day;
    events::FeedbackService feedback;
    notifications::NotificationService notices;
    // What the home page reads of the person, in one statement (notices among it).
    accounts::HomeReads home_reads;
    audit::AuditLog audit;
    privacy::PersonalData personal_data;
    priorities::PrioritiesService priorities;
    programmes::ProgrammeService programmes;
    // What a programme's page reads of the person, in one statement.
    programmes::PersonReads programme_reads;
    programmes::ActivityService activities;
    programmes::SessionAttendance session_attendance;
    programmes::Recordings recordings;
    programmes::Reflections reflections;
    programmes::SessionFeedback session_feedback;
    groups::GroupService groups;
    groups::StandingGroupService standing_groups;
    year::YearService year;
    record::CpdRecord record;
    mentoring::MentoringService mentoring;
    observations::ObservationService observations;
    expertise::ExpertiseService expertise;
    surveys::SurveyService surveys;
    provision::ProvisionService provision;
    impact::ImpactService impact;
    // The trust's library: its own files and links beside every material, in one search.
    library::Library library;
    // Signing in with the trust's Microsoft or Google accounts.
    openid::OpenIdService openid;
    // People's choices about email, and the outbox for administrators.
    mail::MailService mail;
};

} // namespace trellis::http
