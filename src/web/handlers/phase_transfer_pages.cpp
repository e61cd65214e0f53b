// Phase transfers (reg 18(1)): the page and its JSON API twin.
#include <nlohmann/json.hpp>

#include "app/phase_transfers.h"
#include "core/area_profile.h"
#include "profile/area_profiles.h"
#include "web/handlers.h"

namespace tandem::web::handlers {

namespace {

const char* status_tag_of(TransferStatus s) {
  switch (s) {
    case TransferStatus::overdue: return "govuk-tag--red";
    case TransferStatus::to_do: return "govuk-tag--orange";
    case TransferStatus::done: return "govuk-tag--green";
  }
  return "";
}

const char* status_id(TransferStatus s) {
  switch (s) {
    case TransferStatus::overdue: return "overdue";
    case TransferStatus::to_do: return "to_do";
    case TransferStatus::done: return "done";
  }
  return "";
}

const char* status_label(TransferStatus s) {
  switch (s) {
    case TransferStatus::overdue: return "Overdue";
    case TransferStatus::to_do: return "To do";
    case TransferStatus::done: return "Amended";
  }
  return "";
}

std::string days_text(int days_left) {
  if (days_left < 0) return std::to_string(-days_left) + " days ago";
  return std::to_string(days_left) + " days left";
}

std::string points_text(const std::string& area_id) {
  const auto area = shipped_area_profile(area_id);
  std::string out;
  for (const auto& p : area ? transfer_points(*area) : default_transfer_points()) {
    out += (out.empty() ? "" : "; ") + p.label + " (into " + year_group_label(p.into_year_group) + ")";
  }
  return out;
}

}  // namespace

Response phase_transfers_page(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto list = app::phase_transfers(services, ctx.me(), page_param(ctx.query), ctx.route());
  mstch::array rows;
  for (const auto& r : list.rows) {
    rows.push_back(mstch::map{
        {"plan_id", r.plan_id},
        {"child", r.child_name},
        {"label", r.transfer.point.label},
        {"into", year_group_label(r.transfer.point.into_year_group)},
        {"due", format_date_long(r.transfer.deadline.date)},
        {"days", r.status == TransferStatus::done ? std::string() : days_text(r.days_left)},
        {"last_issued", r.last_issued_on ? format_date_long(*r.last_issued_on) : std::string("Not recorded")},
        {"tag", std::string(status_tag_of(r.status))},
        {"status", std::string(status_label(r.status))}});
  }
  mstch::map view{{"rows", rows},
                  {"has_rows", !rows.empty()},
                  {"school_year", std::to_string(list.school_year)},
                  {"total", std::to_string(list.total)},
                  {"overdue", std::to_string(list.overdue)},
                  {"to_do", std::to_string(list.to_do)},
                  {"done", std::to_string(list.done)},
                  {"points", points_text(ctx.me().area_id)}};
  if (list.pages > 1) {
    mstch::map pager{{"page", std::to_string(list.page)}, {"pages", std::to_string(list.pages)}};
    if (list.page > 1) pager["previous"] = "/phase-transfers?page=" + std::to_string(list.page - 1);
    if (list.page < list.pages) pager["next"] = "/phase-transfers?page=" + std::to_string(list.page + 1);
    view["pager"] = pager;
  }
  return page(ctx, 200, "plans/phase_transfers", "Phase transfers", std::move(view), "reviews");
}

Response api_phase_transfers(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto list = app::phase_transfers(services, ctx.me(), page_param(ctx.query), ctx.route());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : list.rows) {
    rows.push_back({{"plan_id", r.plan_id},
                    {"child_id", r.child_id},
                    {"child_name", r.child_name},
                    {"transfer", r.transfer.point.label},
                    {"into_year_group", year_group_id(r.transfer.point.into_year_group)},
                    {"kind", std::string(to_string(r.transfer.point.kind))},
                    {"transfer_on", format_date(r.transfer.transfer_on)},
                    {"amended_plan_due", format_date(r.transfer.deadline.date)},
                    {"basis", r.transfer.deadline.basis},
                    {"last_issued_on", r.last_issued_on ? nlohmann::json(format_date(*r.last_issued_on)) : nullptr},
                    {"status", status_id(r.status)},
                    {"days_left", r.days_left}});
  }
  return json_response(200, nlohmann::json{{"transfers", rows},
                                           {"school_year", list.school_year},
                                           {"total", list.total},
                                           {"overdue", list.overdue},
                                           {"to_do", list.to_do},
                                           {"done", list.done},
                                           {"page", list.page},
                                           {"pages", list.pages}}
                                .dump());
}

}  // namespace tandem::web::handlers
