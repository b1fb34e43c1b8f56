#pragma once

#include <mstch/mstch.hpp>

#include "http/request_context.h"

// HTTP handlers for programmes. Leads (trust or school) keep programmes and their activities; staff
// see the programmes they are in or may join; any other programme answers 404.
namespace trellis::programmes::handlers {

void programmes_list(http::RequestContext& context);  // GET /programmes
void programme_new(http::RequestContext& context);    // GET /programmes/new
void programme_create(http::RequestContext& context); // POST /programmes
void programme_show(http::RequestContext& context);   // GET /programmes/N
void programme_edit(http::RequestContext& context);   // GET /programmes/N/edit
void programme_update(http::RequestContext& context); // POST /programmes/N/edit
void programme_join(http::RequestContext& context);   // POST /programmes/N/join
void programme_leave(http::RequestContext& context);  // POST /programmes/N/leave
void members_add(http::RequestContext& context);      // POST /programmes/N/members
void member_remove(http::RequestContext& context);    // POST /programmes/N/members/M/remove

void activity_new(http::RequestContext& context);    // GET /programmes/N/activities/new?kind=
void activity_create(http::RequestContext& context); // POST /programmes/N/activities
void activity_edit(http::RequestContext& context);   // GET /programmes/N/activities/M/edit
void activity_update(http::RequestContext& context); // POST /programmes/N/activities/M/edit
void activity_move(http::RequestContext& context);   // POST /programmes/N/activities/M/move
void activity_delete(http::RequestContext& context); // POST /programmes/N/activities/M/delete

void session_register_show(http::RequestContext& context); // GET /programmes/N/activities/M/register
void session_register_save(http::RequestContext& context); // POST /programmes/N/activities/M/register
void check_in_show(http::RequestContext& context);         // GET /programmes/N/activities/M/check-in
void check_in_submit(http::RequestContext& context);       // POST /programmes/N/activities/M/check-in

void recording_show(http::RequestContext& context);     // GET /programmes/N/activities/M/recording
void recording_attach(http::RequestContext& context);   // POST /programmes/N/activities/M/recording
void recording_video(http::RequestContext& context);    // GET .../recording/video and .../captions.vtt
void recording_catch_up(http::RequestContext& context); // POST .../recording/catch-up

void attendance_report_show(http::RequestContext& context); // GET /programmes/N/attendance?session=M

void reflection_show(http::RequestContext& context);  // GET /programmes/N/activities/M/reflection
void reflection_write(http::RequestContext& context); // POST /programmes/N/activities/M/reflection

void session_feedback_show(http::RequestContext& context);   // GET /programmes/N/activities/M/feedback
void session_feedback_submit(http::RequestContext& context); // POST /programmes/N/activities/M/feedback

void materials_show(http::RequestContext& context);    // GET /programmes/N/activities/M/materials
void material_upload(http::RequestContext& context);   // POST /programmes/N/activities/M/materials
void material_download(http::RequestContext& context); // GET .../materials/K/download
void material_delete(http::RequestContext& context);   // POST .../materials/K/delete

void groups_show(http::RequestContext& context);    // GET /programmes/N/activities/M/groups
void groups_suggest(http::RequestContext& context); // POST .../groups/suggest
void groups_arrange(http::RequestContext& context); // POST .../groups/arrange
void group_record(http::RequestContext& context);   // POST .../groups/G/record
void apart_add(http::RequestContext& context);      // POST .../groups/apart (two people kept apart)
void apart_remove(http::RequestContext& context);   // POST .../groups/apart/remove

// For a lead's home page: the programmes they keep whose design check has gaps, each with what is
// missing (empty for anyone who keeps none).
mstch::array programmes_needing_attention(http::RequestContext& context);

} // namespace trellis::programmes::handlers
