#include "app/sen2_view.h"

#include <set>

namespace tandem::app {

Result<Sen2View> sen2_return_view(RegisterServices& s, const SignedIn& user, int year, const std::string& route,
                                  bool everything) {
  auto report = export_sen2(s.db, s.clock, {user.area_id, year, "", "Tandem", "", "", ""}, nullptr);
  if (!report) return tl::unexpected<Error>(report.error());
  Sen2View v;
  v.report = std::move(*report);
  s.db.read([&](store::Tx& tx) {
    v.imports = store::sen2_imports(tx, user.area_id, 5);
    v.conflicts = sen2_conflict_items(tx, user.area_id, 200);
  });
  v.to_complete = sen2_cases_to_complete(s.db, user.area_id, 50);
  if (!everything && v.report.problems.size() > 500) v.report.problems.resize(500);
  std::set<std::string> shown;
  for (const auto& p : v.report.problems) shown.insert(p.child_id);
  for (const auto& c : v.conflicts) shown.insert(c.row.child_id);
  for (const auto& t : v.to_complete) shown.insert(t.child_id);
  std::string ids;
  for (const auto& id : shown) ids += (ids.empty() ? "" : " ") + id;
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, ids, "shown"});
  return v;
}

}  // namespace tandem::app
