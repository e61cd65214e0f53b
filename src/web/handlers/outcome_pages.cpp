// Outcomes by provider and kind of provision: the performance page and its
// JSON API twin.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/outcome_report.h"
#include "web/handlers.h"

namespace tandem::web::handlers {

namespace {

std::string rate_text(const ProgressCounts& c) {
  const int rate = c.percent_achieved_or_on_track();
  return rate < 0 ? std::string("Not yet reviewed") : std::to_string(rate) + "%";
}

// Rows with the lowest rate first (not yet reviewed last), then by name.
mstch::array rows_of(const std::map<std::string, ProgressCounts>& counts, bool categories) {
  std::vector<std::pair<std::string, const ProgressCounts*>> sorted;
  for (const auto& [key, c] : counts) sorted.emplace_back(key, &c);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    const int ra = a.second->percent_achieved_or_on_track(), rb = b.second->percent_achieved_or_on_track();
    if ((ra < 0) != (rb < 0)) return rb < 0;
    return ra < rb;
  });
  mstch::array out;
  for (const auto& [key, c] : sorted) {
    mstch::array counts_shown;
    for (int n : c->by_progress) counts_shown.push_back(std::to_string(n));
    counts_shown.push_back(std::to_string(c->not_yet_reviewed));
    std::string name = key;
    if (categories) {
      if (const auto cat = find_provision_category(key)) name = std::string(cat->label);
    }
    out.push_back(mstch::map{{"name", name}, {"counts", counts_shown}, {"rate", rate_text(*c)}});
  }
  return out;
}

nlohmann::json json_of(const ProgressCounts& c) {
  nlohmann::json j;
  for (const auto p : all_progress()) j[std::string(to_string(p))] = c.by_progress[static_cast<std::size_t>(p)];
  j["not_yet_reviewed"] = c.not_yet_reviewed;
  const int rate = c.percent_achieved_or_on_track();
  j["percent_achieved_or_on_track"] = rate < 0 ? nlohmann::json(nullptr) : nlohmann::json(rate);
  return j;
}

}  // namespace

Response outcomes_page(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto counts = app::outcomes_by_provision(services, ctx.me());
  mstch::array tables{
      mstch::map{{"heading", std::string("By provider")},
                 {"key", std::string("Provider")},
                 {"rows", rows_of(counts.by_provider, false)}},
      mstch::map{{"heading", std::string("By kind of provision")},
                 {"key", std::string("Kind of provision")},
                 {"rows", rows_of(counts.by_category, true)}},
  };
  mstch::map view{{"tables", tables},
                  {"area_name", ctx.me().area_name},
                  {"total", std::to_string(counts.all.total())},
                  {"reviewed", std::to_string(counts.all.reviewed())},
                  {"rate", rate_text(counts.all)}};
  return page(ctx, 200, "performance/outcomes", "Outcomes by provider and kind of provision", std::move(view),
              "performance");
}

Response api_outcomes(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto counts = app::outcomes_by_provision(services, ctx.me());
  nlohmann::json providers = nlohmann::json::object(), categories = nlohmann::json::object();
  for (const auto& [k, c] : counts.by_provider) providers[k] = json_of(c);
  for (const auto& [k, c] : counts.by_category) categories[k] = json_of(c);
  return json_response(
      200,
      nlohmann::json{{"all", json_of(counts.all)}, {"by_provider", providers}, {"by_category", categories}}.dump());
}

}  // namespace tandem::web::handlers
