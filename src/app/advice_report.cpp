#include "app/advice_report.h"

#include <algorithm>

#include "core/ehc_clock.h"
#include "store/assessments.h"

namespace tandem::app {

Result<AdviceTimeliness> advice_report(RegisterServices& s, const SignedIn& user, std::string_view agency) {
  std::optional<Agency> only;
  if (!agency.empty()) {
    only = parse_agency(agency);
    if (!only) {
      std::string allowed;
      for (const auto a : all_agencies()) allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(a));
      return fail("agency", "Choose an agency: " + allowed);
    }
  }
  const Date today = s.clock.today();
  const Date from = add_months(today, -12) + std::chrono::days(1);
  std::vector<Assessment> cases;
  s.db.read([&](store::Tx& tx) { cases = store::assessments_with_advice_since(tx, user.area_id, from); });
  if (only) {
    for (auto& a : cases) std::erase_if(a.advice, [&](const AdviceRequest& r) { return r.agency != *only; });
  }
  return advice_timeliness(cases, from, today);
}

}  // namespace tandem::app
