#include "app/service_closures.h"

#include <iostream>
#include <set>
#include <stdexcept>

#include "app/crypto.h"
#include "store/audit.h"
#include "store/directory.h"

namespace tandem::app {

std::size_t close_due_services(store::Database& db, const Clock& clock, LocalOffer* local_offer) {
  std::size_t closed = 0;
  const std::int64_t now = clock.now_micros();
  db.write([&](store::Tx& tx) {
    std::set<std::string> areas;
    for (const auto& c : store::due_closures(tx, clock.today())) {
      if (!store::close_service(tx, c, now)) continue;
      ++closed;
      areas.insert(c.area_id);
      store::insert_audit(
          tx, {new_id("a"), c.area_id, now, "tandem", "directory.service.closed", "service", c.service_id, "",
               "withdrew " + c.name + " from " + format_date(c.closes_on) + "; status: " + c.status + " -> " +
                   std::string(kWithdrawnStatus),
               "its planned closing day"});
    }
    for (const auto& area : areas) store::bump_directory_version(tx, area);
  });
  if (closed > 0 && local_offer) local_offer->changed();
  return closed;
}

void ClosureSweep::run(store::Database& db, const Clock& clock, LocalOffer* local_offer) {
  const std::int64_t day = clock.today().time_since_epoch().count();
  std::int64_t last = swept_day_.load();
  if (last == day || !swept_day_.compare_exchange_strong(last, day)) return;
  try {
    close_due_services(db, clock, local_offer);
  } catch (const std::exception& e) {
    // Tried again on the next request; the request itself goes on.
    swept_day_.store(-1);
    std::cerr << "Closing services due today failed: " << e.what() << "\n";
  }
}

}  // namespace tandem::app
