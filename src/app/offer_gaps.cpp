#include "app/offer_gaps.h"

#include "core/directory.h"
#include "profile/area_profiles.h"
#include "store/directory.h"
#include "store/provision_requests.h"

namespace tandem::app {

GapsView offer_gaps(store::Database& db, const Clock& clock, const SignedIn& user) {
  GapsView v;
  std::vector<Demand> demand;
  Directory d;
  db.read([&](store::Tx& tx) {
    demand = store::caseload_demand(tx, user.area_id, clock.today());
    d = store::load_directory(tx, user.area_id);
  });
  std::map<std::string, std::string> need_of_term;
  for (const auto& t : d.taxonomies) {
    if (t.name != kNeedsTaxonomyName) continue;
    for (const auto& term : d.terms) {
      if (term.taxonomy_id == t.id) need_of_term[term.id] = term.code;
    }
  }
  std::vector<Supply> supply;
  for (const auto& s : d.services) {
    if (s.status != "active") continue;
    Supply x{{}, s.minimum_age, s.maximum_age};
    for (const auto& id : s.term_ids) {
      if (auto it = need_of_term.find(id); it != need_of_term.end()) x.need_codes.push_back(it->second);
    }
    if (x.need_codes.empty()) continue;
    supply.push_back(std::move(x));
  }
  v.services = static_cast<int>(supply.size());
  if (auto profile = shipped_area_profile(user.area_id)) v.threshold = profile->services_per_100_children;
  v.rows = find_gaps(demand, supply, v.threshold.value_or(0));
  for (const auto& r : v.rows) {
    v.children += r.children;
    v.lines_by_need[r.need_code] += r.provision_lines;
    v.gaps += r.gap ? 1 : 0;
  }
  return v;
}

}  // namespace tandem::app
