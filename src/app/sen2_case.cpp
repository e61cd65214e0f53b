#include "app/sen2_case.h"

#include "store/plans.h"

namespace tandem::app {

std::vector<Sen2Todo> sen2_todo(store::Tx& tx, const std::string& area_id, const store::Sen2Area& area,
                                const Child& c) {
  std::vector<Sen2Todo> out;
  if (!area.stored.contains(c.id)) return out;
  const auto pl = area.plans.find(c.id);
  std::string any_plan;
  if (pl != area.plans.end()) {
    for (const auto& p : pl->second) {
      if (p.stage != "final") continue;
      any_plan = p.id;
      const auto full = store::find_plan(tx, area_id, p.id);
      if (!full) continue;
      const std::string made = p.made_on ? format_date(*p.made_on) : std::string("on a date not known");
      if (full->plan.outcomes.empty())
        out.push_back({"Outcomes (section E) of the plan made " + made, "/plans/" + p.id + "/outcomes/new"});
      if (full->plan.provision.empty())
        out.push_back({"Provision (sections F, G, H1 and H2) of the plan made " + made +
                           ", each line with who secures and pays for it",
                       "/plans/" + p.id + "/lines/new"});
      if (full->plan.views.empty())
        out.push_back({"Sections A to D of the plan made " + made + ": views, needs, health and social care needs",
                       "/plans/" + p.id + "/sections"});
    }
  }
  if (!any_plan.empty())
    out.push_back({"The plan as issued and its advice (documents are not in the return)", "/plans/" + any_plan});
  if (c.nhs_number.empty()) out.push_back({"NHS number and responsible ICB", "/children/" + c.id + "/edit"});
  return out;
}

Sen2CaseStatus sen2_case_status(store::Database& db, const std::string& area_id, const std::string& child_id) {
  Sen2CaseStatus out;
  db.read([&](store::Tx& tx) {
    out.imported = store::sen2_imported(tx, child_id);
    if (!out.imported) return;
    const auto area = store::load_sen2_area(tx, area_id, child_id);
    if (!area.children.empty()) out.to_complete = sen2_todo(tx, area_id, area, area.children.front());
    out.conflicts = store::open_sen2_conflicts_of(tx, child_id);
  });
  return out;
}

}  // namespace tandem::app
