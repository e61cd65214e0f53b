// The SEN2 return: its validation report as a page and as CSV.
#include <chrono>

#include "app/sen2_view.h"
#include "web/forms.h"
#include "web/handlers.h"

namespace tandem::web::handlers {

// The collection year asked for, or the next return due (the January after
// the latest full calendar year); nullopt with an error when it is not a year
// Tandem has names for.
std::optional<int> sen2_year(Ctx& ctx, Error& error) {
  const int this_year = static_cast<int>(std::chrono::year_month_day{ctx.s.clock.today()}.year());
  const std::string text = param(ctx.query, "year");
  if (text.empty()) return sen2::schema_for(this_year) ? this_year : sen2::schema_years().back();
  int year = 0;
  try {
    year = std::stoi(text);
  } catch (const std::exception&) {
  }
  if (!sen2::schema_for(year)) {
    std::string years;
    for (int y : sen2::schema_years()) years += (years.empty() ? "" : ", ") + std::to_string(y);
    error = Error("year", "Year must be a collection year Tandem has the SEN2 names for: " + years);
    return std::nullopt;
  }
  return year;
}

Response sen2_return_page(Ctx& ctx) {
  Error error;
  const auto year = sen2_year(ctx, error);
  if (!year)
    return page(ctx, 400, "returns/sen2", "SEN2 return", mstch::map{{"year", param(ctx.query, "year")}}, "performance",
                &error);
  auto services = ctx.s.register_services();
  auto v = app::sen2_return_view(services, ctx.me(), *year, ctx.route(), false);
  if (!v) return page(ctx, 400, "returns/sen2", "SEN2 return", mstch::map{}, "performance", &v.error());
  const auto& r = v->report;
  const auto& t = r.totals;
  mstch::array problems;
  for (const auto& p : r.problems)
    problems.push_back(mstch::map{{"severity", p.severity},
                                  {"is_error", p.severity == "error"},
                                  {"rule", p.rule},
                                  {"person", p.person},
                                  {"child_id", p.child_id},
                                  {"path", p.path},
                                  {"page", p.page},
                                  {"message", p.message}});
  mstch::array conflicts;
  const bool can_settle = role_has(ctx.me().role, Permission::edit_child);
  for (const auto& c : v->conflicts)
    conflicts.push_back(mstch::map{{"id", c.row.id},
                                   {"child_id", c.row.child_id},
                                   {"person", c.person},
                                   {"path", c.row.path},
                                   {"tandem", c.row.tandem_value},
                                   {"file", c.row.file_value},
                                   {"can_settle", can_settle},
                                   {"can_take_file", c.can_take_file}});
  mstch::array imports;
  for (const auto& i : v->imports)
    imports.push_back(mstch::map{{"file", i.file_name},
                                 {"year", std::to_string(i.year)},
                                 {"persons", std::to_string(i.persons)},
                                 {"created", std::to_string(i.created)},
                                 {"updated", std::to_string(i.updated)},
                                 {"conflicts", std::to_string(i.conflicts)}});
  mstch::array complete;
  for (const auto& c : v->to_complete) {
    mstch::array items;
    for (std::size_t i = 0; i < c.items.size(); ++i)
      items.push_back(mstch::map{{"item", c.items[i]}, {"href", i < c.links.size() ? c.links[i] : std::string()}});
    complete.push_back(mstch::map{{"child_id", c.child_id}, {"person", c.person}, {"items", items}});
  }
  auto n = [](int x) { return std::to_string(x); };
  return page(ctx, 200, "returns/sen2", "SEN2 return " + std::to_string(*year),
              mstch::map{{"year", n(*year)},
                         {"census", format_date_long(r.period.census)},
                         {"activity_year", n(*year - 1)},
                         {"version", r.version},
                         {"persons", n(t.persons)},
                         {"active_plans", n(t.active_plans)},
                         {"tandem_active_plans", n(r.tandem_active_plans)},
                         {"requests", n(t.requests)},
                         {"requests_assess", n(t.requests_assess)},
                         {"requests_not_assess", n(t.requests_not_assess)},
                         {"tandem_requests", n(r.tandem_requests)},
                         {"tandem_requests_assess", n(r.tandem_requests_assess)},
                         {"tandem_requests_not_assess", n(r.tandem_requests_not_assess)},
                         {"plans_issued", n(t.plans_issued)},
                         {"within", n(t.issued_within_20_weeks)},
                         {"dash_within", n(r.rate.including_exceptions.within_20_weeks)},
                         {"dash_plans", n(r.rate.including_exceptions.plans)},
                         {"within_ex", n(t.issued_within_20_weeks_no_exception)},
                         {"plans_ex", n(t.plans_issued - t.issued_with_exception)},
                         {"dash_within_ex", n(r.rate.excluding_exceptions.within_20_weeks)},
                         {"dash_plans_ex", n(r.rate.excluding_exceptions.plans)},
                         {"errors", n(t.errors)},
                         {"queries", n(t.queries)},
                         {"shown", n(static_cast<int>(r.problems.size()))},
                         {"problems", problems},
                         {"has_problems", !r.problems.empty()},
                         {"conflicts", conflicts},
                         {"has_conflicts", !conflicts.empty()},
                         {"imports", imports},
                         {"has_imports", !imports.empty()},
                         {"complete", complete},
                         {"has_complete", !complete.empty()},
                         {"settled", param(ctx.query, "settled")}},
              "performance");
}

Response sen2_return_csv(Ctx& ctx) {
  Error error;
  const auto year = sen2_year(ctx, error);
  if (!year) return error_page(ctx, 400, "SEN2 return", error.fields.front().message);
  auto services = ctx.s.register_services();
  auto v = app::sen2_return_view(services, ctx.me(), *year, ctx.route(), true);
  if (!v) return error_page(ctx, 400, "SEN2 return", v.error().fields.front().message);
  Response res;
  res.set("Content-Type", "text/csv; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"sen2-" + std::to_string(*year) + "-validation.csv\"");
  res.body = app::sen2_report_csv(v->report, "");
  return res;
}

}  // namespace tandem::web::handlers
