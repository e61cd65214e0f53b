#include "store/plan_codec.h"

#include <nlohmann/json.hpp>

namespace tandem::store {

namespace {

using nlohmann::json;

json strings(const std::vector<std::string>& v) { return json(v); }

std::vector<std::string> strings_of(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array()) {
    for (const auto& s : j[key]) {
      if (s.is_string()) out.push_back(s.get<std::string>());
    }
  }
  return out;
}

std::string text_of(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

std::string plan_to_json(const Plan& p) {
  json lines = json::array();
  for (const auto& l : p.provision) {
    json paying = json::array();
    for (const auto& s : l.paying)
      paying.push_back({{"agency", std::string(to_string(s.agency))}, {"basis_points", s.basis_points}});
    lines.push_back({{"id", l.id},
                     {"section", std::string(to_string(l.section))},
                     {"category", l.category},
                     {"what", l.what},
                     {"how_much", l.how_much},
                     {"how_often", l.how_often},
                     {"provider", l.provider.name},
                     {"directory_service_id",
                      l.provider.directory_service_id ? json(*l.provider.directory_service_id) : json(nullptr)},
                     {"level", std::string(to_string(l.level))},
                     {"securing", l.securing ? json(std::string(to_string(*l.securing))) : json(nullptr)},
                     {"paying", paying},
                     {"rule", l.rule},
                     {"override_reason", l.override_reason ? json(*l.override_reason) : json(nullptr)},
                     {"icb_agreed", l.icb_agreed},
                     {"annual_cost_pence", l.annual_cost.value},
                     {"outcome_ids", strings(l.outcome_ids)},
                     {"educates_or_trains", l.educates_or_trains}});
  }
  json outcomes = json::array();
  for (const auto& o : p.outcomes) {
    outcomes.push_back({{"id", o.id},
                        {"text", o.text},
                        {"target_date", o.target_date ? json(format_date(*o.target_date)) : json(nullptr)}});
  }
  json advice = json::array();
  for (const auto& a : p.advice) advice.push_back({{"reference", a.reference}, {"title", a.title}});
  json j{{"id", p.id},
         {"child_id", p.child_id},
         {"stage", p.stage == PlanStage::final ? "final" : "draft"},
         {"views", p.views},
         {"needs",
          {{"primary_need", p.needs.primary_need},
           {"secondary_needs", strings(p.needs.secondary_needs)},
           {"text", p.needs.text}}},
         {"health_needs", p.health_needs},
         {"social_care_needs", p.social_care_needs},
         {"outcomes", outcomes},
         {"provision", lines},
         {"advice", advice}};
  if (p.placement) {
    j["placement"] = {
        {"setting_name", p.placement->setting_name ? json(*p.placement->setting_name) : json(nullptr)},
        {"setting_type",
         p.placement->setting_type ? json(std::string(to_string(*p.placement->setting_type))) : json(nullptr)}};
    if (!p.placement->urn.empty()) j["placement"]["urn"] = p.placement->urn;
    if (!p.placement->ukprn.empty()) j["placement"]["ukprn"] = p.placement->ukprn;
  }
  if (p.personal_budget) {
    j["personal_budget"] = {{"direct_payment_line_ids", strings(p.personal_budget->direct_payment_line_ids)},
                            {"outcome_ids", strings(p.personal_budget->outcome_ids)},
                            {"text", p.personal_budget->text}};
  }
  return j.dump();
}

Result<Plan> plan_from_json(const std::string& text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error&) {
    return fail("plan", "The plan is not valid JSON");
  }
  if (!j.is_object()) return fail("plan", "The plan must be a JSON object");
  Plan p;
  p.id = text_of(j, "id");
  p.child_id = text_of(j, "child_id");
  p.stage = text_of(j, "stage") == "final" ? PlanStage::final : PlanStage::draft;
  p.views = text_of(j, "views");
  if (j.contains("needs") && j["needs"].is_object()) {
    p.needs.primary_need = text_of(j["needs"], "primary_need");
    p.needs.secondary_needs = strings_of(j["needs"], "secondary_needs");
    p.needs.text = text_of(j["needs"], "text");
  }
  p.health_needs = text_of(j, "health_needs");
  p.social_care_needs = text_of(j, "social_care_needs");
  for (const auto& o : j.value("outcomes", json::array())) {
    Outcome out{text_of(o, "id"), text_of(o, "text"), std::nullopt};
    if (auto d = text_of(o, "target_date"); !d.empty()) {
      auto parsed = parse_date("target_date", d);
      if (!parsed) return tl::unexpected<Error>(parsed.error());
      out.target_date = *parsed;
    }
    p.outcomes.push_back(std::move(out));
  }
  for (const auto& l : j.value("provision", json::array())) {
    ProvisionLine line;
    line.id = text_of(l, "id");
    auto section = parse_section(text_of(l, "section"));
    if (!section) return fail("section", "A provision line's section must be F, G, H1 or H2");
    line.section = *section;
    line.category = text_of(l, "category");
    line.what = text_of(l, "what");
    line.how_much = text_of(l, "how_much");
    line.how_often = text_of(l, "how_often");
    line.provider.name = text_of(l, "provider");
    if (auto d = text_of(l, "directory_service_id"); !d.empty()) line.provider.directory_service_id = d;
    const auto level = text_of(l, "level");
    line.level = level == "universal"           ? Level::universal
                 : level == "highly_specialist" ? Level::highly_specialist
                                                : Level::specialist;
    if (auto s = text_of(l, "securing"); !s.empty()) {
      auto a = parse_agency(s);
      if (!a) return fail("securing", "Unknown securing agency " + s);
      line.securing = *a;
    }
    for (const auto& share : l.value("paying", json::array())) {
      auto a = parse_agency(text_of(share, "agency"));
      if (!a || !share.contains("basis_points") || !share["basis_points"].is_number_integer()) {
        return fail("paying", "Each paying share names an agency and whole basis points");
      }
      line.paying.push_back({*a, share["basis_points"].get<std::int32_t>()});
    }
    line.rule = text_of(l, "rule");
    if (auto r = text_of(l, "override_reason"); !r.empty()) line.override_reason = r;
    line.icb_agreed = l.value("icb_agreed", false);
    line.annual_cost = Pence(l.value("annual_cost_pence", std::int64_t{0}));
    line.outcome_ids = strings_of(l, "outcome_ids");
    line.educates_or_trains = l.value("educates_or_trains", false);
    p.provision.push_back(std::move(line));
  }
  if (j.contains("placement") && j["placement"].is_object()) {
    PlacementSection pl;
    if (auto n = text_of(j["placement"], "setting_name"); !n.empty()) pl.setting_name = n;
    if (auto t = text_of(j["placement"], "setting_type"); !t.empty()) {
      auto type = parse_setting_type(t);
      if (!type) return fail("setting_type", "Unknown setting type " + t);
      pl.setting_type = *type;
    }
    pl.urn = text_of(j["placement"], "urn");
    pl.ukprn = text_of(j["placement"], "ukprn");
    p.placement = pl;
  }
  if (j.contains("personal_budget") && j["personal_budget"].is_object()) {
    p.personal_budget =
        PersonalBudgetSection{strings_of(j["personal_budget"], "direct_payment_line_ids"),
                              strings_of(j["personal_budget"], "outcome_ids"), text_of(j["personal_budget"], "text")};
  }
  for (const auto& a : j.value("advice", json::array()))
    p.advice.push_back({text_of(a, "reference"), text_of(a, "title")});
  return p;
}

}  // namespace tandem::store
