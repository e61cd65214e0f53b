// Closing Local Offer services on the day planned. A service given a closing
// day (app/directory_removals.h, withdraw_service) stays on offer until then,
// its page telling families the date; on the day it is withdrawn (status
// defunct) without anyone having to remember, audited as done by Tandem.
//
//   ClosureSweep sweep;                       // one per server
//   sweep.run(db, clock, local_offer);        // on every request: works once a day
//
// Several servers sharing a database each sweep; a service is closed once,
// since closing it requires it to be still due.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "app/clock.h"
#include "app/local_offer.h"
#include "store/database.h"

namespace tandem::app {

// Withdraws every service, in every area, whose closing day is today or past.
// Returns how many it closed.
std::size_t close_due_services(store::Database& db, const Clock& clock, LocalOffer* local_offer);

class ClosureSweep {
 public:
  // Closes what is due the first time it is called on each day; a failed
  // sweep is tried again on the next call.
  void run(store::Database& db, const Clock& clock, LocalOffer* local_offer);

 private:
  std::atomic<std::int64_t> swept_day_{-1};
};

}  // namespace tandem::app
