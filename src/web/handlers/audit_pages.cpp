#include <chrono>

#include "store/audit.h"
#include "store/people.h"
#include "web/handlers.h"

namespace tandem::web::handlers {

namespace {
std::string when(std::int64_t micros) {
  const auto t = std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(micros));
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const auto hms = std::chrono::hh_mm_ss(std::chrono::floor<std::chrono::seconds>(t - day));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return format_date(day) + " " + buf + " UTC";
}
}  // namespace

Response audit_trail(Ctx& ctx) {
  store::AuditQuery q;
  q.area_id = ctx.me().area_id;
  q.child_id = param(ctx.query, "child");
  q.limit = 100;
  std::vector<store::AuditEntryView> entries;
  int total = 0;
  std::map<std::string, std::string> emails;
  ctx.s.db.read([&](store::Tx& tx) {
    entries = store::query_audit(tx, q);
    total = store::count_audit(tx, q);
    for (const auto& e : entries) {
      if (emails.contains(e.user_id)) continue;
      auto u = store::find_user(tx, e.user_id);
      emails[e.user_id] = u ? u->email : e.user_id;
    }
  });
  mstch::array rows;
  for (const auto& e : entries) {
    rows.push_back(mstch::map{{"when", when(e.at)},
                              {"kind", e.kind == "write" ? std::string("Change") : std::string("Read")},
                              {"who", emails[e.user_id]},
                              {"action", e.action},
                              {"children", e.child_ids},
                              {"detail", e.detail},
                              {"reason", e.reason}});
  }
  return page(ctx, 200, "audit", "Audit trail",
              mstch::map{{"rows", rows},
                         {"child", q.child_id},
                         {"total", std::to_string(total)},
                         {"shown", std::to_string(entries.size())}},
              "audit");
}

}  // namespace tandem::web::handlers
