// Advice timeliness by provider: the performance page and its JSON API twin.
#include <nlohmann/json.hpp>

#include "app/advice_report.h"
#include "web/forms.h"
#include "web/handlers.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

namespace {

std::string percent_text(int percent) {
  return percent < 0 ? std::string("None due yet") : std::to_string(percent) + "%";
}
std::string days_text(int days) { return days < 0 ? std::string("None back") : std::to_string(days); }

nlohmann::json json_of(const ProviderAdvice& p) {
  const int percent = p.percent_on_time();
  return {{"asked", p.asked()},
          {"returned_on_time", p.returned_on_time},
          {"returned_late", p.returned_late},
          {"excused", p.excused},
          {"in_time", p.in_time},
          {"overdue", p.overdue},
          {"longest_overdue_days", p.longest_overdue_days},
          {"median_days_to_return",
           p.median_days_to_return < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.median_days_to_return)},
          {"percent_on_time", percent < 0 ? nlohmann::json(nullptr) : nlohmann::json(percent)}};
}

std::vector<std::pair<std::string, std::string>> agency_choices() {
  std::vector<std::pair<std::string, std::string>> out{{"", "Every agency"}};
  for (const Agency a : all_agencies()) out.emplace_back(std::string(to_string(a)), std::string(agency_label(a)));
  return out;
}

}  // namespace

Response advice_page(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string agency = param(ctx.query, "agency");
  const auto report = app::advice_report(services, ctx.me(), agency);
  const Error* e = report ? nullptr : &report.error();
  const AdviceTimeliness t = report ? *report : AdviceTimeliness{};
  mstch::array providers;
  for (const auto& p : t.providers) {
    providers.push_back(mstch::map{{"provider", p.provider},
                                   {"agency", std::string(agency_label(p.agency))},
                                   {"asked", std::to_string(p.asked())},
                                   {"on_time", std::to_string(p.returned_on_time)},
                                   {"late", std::to_string(p.returned_late)},
                                   {"excused", std::to_string(p.excused)},
                                   {"in_time", std::to_string(p.in_time)},
                                   {"overdue", std::to_string(p.overdue)},
                                   {"has_overdue", p.overdue > 0},
                                   {"longest", p.overdue > 0 ? std::to_string(p.longest_overdue_days) : std::string()},
                                   {"median", days_text(p.median_days_to_return)},
                                   {"percent", percent_text(p.percent_on_time())}});
  }
  mstch::array overdue;
  for (const auto& o : t.overdue) {
    overdue.push_back(mstch::map{{"assessment_id", o.assessment_id},
                                 {"kind", std::string(advice_kind_label(o.kind))},
                                 {"provider", o.provider},
                                 {"requested_on", format_date_long(o.requested_on)},
                                 {"last_day", format_date_long(o.last_day)},
                                 {"days_late", std::to_string(o.days_late)}});
  }
  mstch::map view{{"area_name", ctx.me().area_name},
                  {"from", format_date_long(t.from)},
                  {"to", format_date_long(t.to)},
                  {"asked", std::to_string(t.all.asked())},
                  {"percent", percent_text(t.all.percent_on_time())},
                  {"overdue_count", std::to_string(t.all.overdue)},
                  {"providers", providers},
                  {"no_providers", providers.empty()},
                  {"overdue", overdue},
                  {"has_overdue", !overdue.empty()},
                  {"agencies", choices(agency_choices(), agency)}};
  return page(ctx, e ? 400 : 200, "performance/advice", "Advice for assessments: who is late", std::move(view),
              "performance", e);
}

Response api_advice(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto report = app::advice_report(services, ctx.me(), param(ctx.query, "agency"));
  if (!report) return json_error(400, report.error());
  nlohmann::json providers = nlohmann::json::array(), overdue = nlohmann::json::array();
  for (const auto& p : report->providers) {
    auto j = json_of(p);
    j["provider"] = p.provider;
    j["agency"] = std::string(to_string(p.agency));
    providers.push_back(std::move(j));
  }
  for (const auto& o : report->overdue) {
    overdue.push_back({{"assessment_id", o.assessment_id},
                       {"advice_id", o.advice_id},
                       {"kind", std::string(to_string(o.kind))},
                       {"provider", o.provider},
                       {"agency", std::string(to_string(o.agency))},
                       {"requested_on", format_date(o.requested_on)},
                       {"last_day", format_date(o.last_day)},
                       {"days_late", o.days_late}});
  }
  return json_response(200, nlohmann::json{{"from", format_date(report->from)},
                                           {"to", format_date(report->to)},
                                           {"all", json_of(report->all)},
                                           {"providers", providers},
                                           {"overdue", overdue}}
                                .dump());
}

}  // namespace tandem::web::handlers
