#include "app/directory_schedules.h"

#include <algorithm>
#include <array>

#include "app/crypto.h"
#include "app/directory_edits.h"
#include "app/form_values.h"
#include "core/directory_checks.h"

namespace tandem::app {

namespace {

constexpr std::array<std::pair<const char*, const char*>, 7> kDays{{{"MO", "Monday"},
                                                                    {"TU", "Tuesday"},
                                                                    {"WE", "Wednesday"},
                                                                    {"TH", "Thursday"},
                                                                    {"FR", "Friday"},
                                                                    {"SA", "Saturday"},
                                                                    {"SU", "Sunday"}}};

// Days in week order, so "WE,MO" and "MO,WE" are the same opening.
std::string byday_of(const std::vector<std::string>& days, std::vector<FieldError>& errors) {
  std::string out;
  bool wrong = false;
  for (const auto& [code, name] : kDays) {
    if (std::find(days.begin(), days.end(), code) != days.end()) out += (out.empty() ? "" : ",") + std::string(code);
  }
  for (const auto& d : days) {
    wrong = wrong || std::none_of(kDays.begin(), kDays.end(), [&](const auto& k) { return d == k.first; });
  }
  if (wrong) errors.push_back({"byday", "Choose days of the week from the list"});
  return out;
}

std::string describe(const Schedule& s) {
  std::string out = day_list(s.byday) + " " + s.opens_at + " to " + s.closes_at;
  if (s.valid_from) out += " from " + format_date(*s.valid_from);
  if (s.valid_to) out += " until " + format_date(*s.valid_to);
  if (!s.service_at_location_id.empty()) out += " at venue " + s.service_at_location_id;
  if (!s.description.empty()) out += " (" + s.description + ")";
  return out;
}

// Reads the form onto `s` and checks it against the service's venues.
Result<std::int64_t> read_form(Schedule& s, const Service& service, const ScheduleForm& form) {
  std::vector<FieldError> errors;
  s.byday = byday_of(form.days, errors);
  s.opens_at = trimmed(form.opens_at);
  s.closes_at = trimmed(form.closes_at);
  s.valid_from = optional_date("valid_from", form.valid_from, errors);
  s.valid_to = optional_date("valid_to", form.valid_to, errors);
  s.description = trimmed(form.description);
  s.service_at_location_id = form.service_at_location_id;
  add_errors(errors, check_schedule(s, service.locations));
  const auto version = parse_version(form.version, "the service");
  if (!version) errors.push_back(version.error().fields.front());
  if (!errors.empty()) return fail(std::move(errors));
  return *version;
}

}  // namespace

std::string day_list(const std::string& byday) {
  std::string out;
  for (const auto& [code, name] : kDays) {
    if (byday.find(code) != std::string::npos) out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out;
}

std::optional<SchedulesView> service_schedules(store::Database& db, const SignedIn& user,
                                               const std::string& service_id) {
  const Directory d = area_directory(db, user);
  auto s = find_service(d, service_id);
  if (!s) return std::nullopt;
  SchedulesView v{*s, {}};
  for (const auto& sal : s->locations) {
    for (const auto& l : d.locations) {
      if (l.id == sal.location_id) v.venues.push_back({sal.id, l.name + ", " + l.postcode});
    }
  }
  return v;
}

ScheduleForm schedule_form(const Schedule& s, std::int64_t service_version) {
  ScheduleForm f;
  for (const auto& [code, name] : kDays) {
    if (s.byday.find(code) != std::string::npos) f.days.emplace_back(code);
  }
  f.opens_at = s.opens_at;
  f.closes_at = s.closes_at;
  f.valid_from = s.valid_from ? format_date(*s.valid_from) : "";
  f.valid_to = s.valid_to ? format_date(*s.valid_to) : "";
  f.description = s.description;
  f.service_at_location_id = s.service_at_location_id;
  f.version = std::to_string(service_version);
  return f;
}

Result<std::int64_t> add_schedule(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                  const SignedIn& user, const std::string& service_id, const ScheduleForm& form) {
  const Directory d = area_directory(db, user);
  auto s = find_service(d, service_id);
  if (!s) return fail("id", "There is no such service in your area's Local Offer");
  Schedule sc;
  sc.id = new_uuid();
  auto version = read_form(sc, *s, form);
  if (!version) return version;
  Service changed = *s;
  changed.schedules.push_back(sc);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.schedule.add",
                            s->name + ": " + describe(sc));
}

Result<std::int64_t> update_schedule(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                     const SignedIn& user, const std::string& service_id,
                                     const std::string& schedule_id, const ScheduleForm& form) {
  const Directory d = area_directory(db, user);
  auto s = find_service(d, service_id);
  if (!s) return fail("id", "There is no such service in your area's Local Offer");
  Service changed = *s;
  auto it = std::find_if(changed.schedules.begin(), changed.schedules.end(),
                         [&](const Schedule& x) { return x.id == schedule_id; });
  if (it == changed.schedules.end()) return fail("id", "There are no such opening times for this service");
  const std::string before = describe(*it);
  auto version = read_form(*it, *s, form);
  if (!version) return version;
  const std::string detail = s->name + ": " + before + " -> " + describe(*it);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.schedule.update", detail);
}

Result<std::int64_t> remove_schedule(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                     const SignedIn& user, const std::string& service_id,
                                     const std::string& schedule_id, const std::string& version_text) {
  const Directory d = area_directory(db, user);
  auto s = find_service(d, service_id);
  if (!s) return fail("id", "There is no such service in your area's Local Offer");
  Service changed = *s;
  auto it = std::find_if(changed.schedules.begin(), changed.schedules.end(),
                         [&](const Schedule& x) { return x.id == schedule_id; });
  if (it == changed.schedules.end()) return fail("id", "There are no such opening times for this service");
  const auto version = parse_version(version_text, "the service");
  if (!version) return tl::unexpected(version.error());
  const std::string detail = s->name + ": removed " + describe(*it);
  changed.schedules.erase(it);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.schedule.remove", detail);
}

}  // namespace tandem::app
