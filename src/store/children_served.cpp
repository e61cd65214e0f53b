#include "store/children_served.h"

#include <algorithm>
#include <vector>

#include "store/detail/tx.h"
#include "store/plan_codec.h"

namespace tandem::store {

using soci::into;
using soci::use;

std::vector<ServedPlan> plans_served(Tx& tx, const std::string& area_id, const Contract& c,
                                     const std::string& provider_name, const std::set<std::string>& ended_plans) {
  std::vector<std::string> names = c.provision_names;
  if (!provider_name.empty()) names.push_back(provider_name);
  // Narrow by text first (both engines' LIKE agree on exact substrings of
  // matching case), then match exactly on the decoded plan.
  std::vector<std::string> needles = names;
  needles.insert(needles.end(), c.service_ids.begin(), c.service_ids.end());
  std::set<std::string> plan_ids;
  for (const auto& needle : needles) {
    const std::string pattern = "%" + needle + "%";
    std::string id;
    soci::statement st = (tx.sql.prepare << "SELECT id FROM plans WHERE area_id = :a AND stage = 'final' AND body "
                                            "LIKE :p",
                          use(area_id), use(pattern), into(id));
    st.execute();
    while (st.fetch()) plan_ids.insert(id);
  }
  std::vector<ServedPlan> out;
  for (const auto& plan_id : plan_ids) {
    if (ended_plans.contains(plan_id)) continue;
    std::string body, child;
    tx.sql << "SELECT body, child_id FROM plans WHERE id = :id", use(plan_id), into(body), into(child);
    auto plan = plan_from_json(body);
    if (!plan) continue;
    ServedPlan served{plan_id, child, {}};
    bool named = false;
    for (const auto& line : plan->provision) {
      const auto& ref = line.provider;
      const bool by_service = ref.directory_service_id && std::find(c.service_ids.begin(), c.service_ids.end(),
                                                                    *ref.directory_service_id) != c.service_ids.end();
      if (!by_service && std::find(names.begin(), names.end(), ref.name) == names.end()) continue;
      named = true;
      served.outcome_ids.insert(line.outcome_ids.begin(), line.outcome_ids.end());
    }
    if (named) out.push_back(std::move(served));
  }
  return out;
}

std::set<std::string> children_served(Tx& tx, const std::string& area_id, const Contract& c,
                                      const std::string& provider_name, const std::set<std::string>& ended_plans) {
  std::set<std::string> out;
  for (auto& p : plans_served(tx, area_id, c, provider_name, ended_plans)) out.insert(std::move(p.child_id));
  return out;
}

}  // namespace tandem::store
