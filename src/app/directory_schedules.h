// A service's regular opening times, in Open Referral UK's schedule shape
// (weekly, on RFC 5545 days, HH:MM to HH:MM, optionally only at one of its
// venues and only between two dates), added, changed and removed by staff who
// keep the directory. Each change saves the service against the version the
// form was made from, so a stale form is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/auth.h"
#include "app/clock.h"
#include "app/local_offer.h"
#include "core/directory.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::app {

struct ScheduleVenue {
  std::string service_at_location_id;
  std::string name;  // the venue's name and postcode
};

struct SchedulesView {
  Service service;
  std::vector<ScheduleVenue> venues;  // where the service runs
};
std::optional<SchedulesView> service_schedules(store::Database& db, const SignedIn& user,
                                               const std::string& service_id);

// days: RFC 5545 codes ("MO", "TU"...), one per ticked box; dates YYYY-MM-DD or
// empty; version: the service's.
struct ScheduleForm {
  std::vector<std::string> days;
  std::string opens_at, closes_at, valid_from, valid_to, description, service_at_location_id, version;
};
ScheduleForm schedule_form(const Schedule& s, std::int64_t service_version);

// Each returns the service's new version; the schedule's id for an added one
// is the last in the service's schedules.
Result<std::int64_t> add_schedule(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                  const SignedIn& user, const std::string& service_id, const ScheduleForm& form);
Result<std::int64_t> update_schedule(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                     const SignedIn& user, const std::string& service_id,
                                     const std::string& schedule_id, const ScheduleForm& form);
Result<std::int64_t> remove_schedule(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                     const SignedIn& user, const std::string& service_id,
                                     const std::string& schedule_id, const std::string& version);

// "MO,WE" as "Monday, Wednesday".
std::string day_list(const std::string& byday);

}  // namespace tandem::app
