#include "app/directory_locations.h"

#include <algorithm>

#include "app/crypto.h"
#include "app/directory_edits.h"
#include "app/form_values.h"
#include "app/postcode_lookup.h"
#include "core/directory_checks.h"
#include "store/directory.h"

namespace tandem::app {

namespace {

std::string degrees(std::int64_t e6) {
  const std::int64_t whole = (e6 < 0 ? -e6 : e6) / 1000000, part = (e6 < 0 ? -e6 : e6) % 1000000;
  std::string fraction = std::to_string(part);
  fraction.insert(0, 6 - fraction.size(), '0');
  while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
  return (e6 < 0 ? "-" : "") + std::to_string(whole) + "." + fraction;
}

std::string point_text(const std::optional<GeoPoint>& p) {
  return p ? degrees(p->latitude_e6) + ", " + degrees(p->longitude_e6) : "";
}

// Reads the form onto `l`, naming the coordinates that are wrong; the rest
// check_location judges.
void apply(Location& l, const LocationForm& f, std::vector<FieldError>& errors) {
  l.name = trimmed(f.name);
  l.description = trimmed(f.description);
  l.address_1 = trimmed(f.address_1);
  l.address_2 = trimmed(f.address_2);
  l.city = trimmed(f.city);
  l.postcode = normalise_postcode(f.postcode).value_or(trimmed(f.postcode));
  l.accessibility = trimmed(f.accessibility);
  const std::string lat = trimmed(f.latitude), lon = trimmed(f.longitude);
  l.point.reset();
  if (lat.empty() && lon.empty()) return;
  const auto la = parse_degrees_e6(lat, 90), lo = parse_degrees_e6(lon, 180);
  if (!la)
    errors.push_back({"latitude", lat.empty() ? "Enter the latitude too, or leave both empty"
                                              : "Latitude must be decimal degrees from -90 to 90, like 54.5742"});
  if (!lo)
    errors.push_back({"longitude", lon.empty() ? "Enter the longitude too, or leave both empty"
                                               : "Longitude must be decimal degrees from -180 to 180, like -1.2350"});
  if (la && lo) l.point = GeoPoint{*la, *lo};
}

void add_checks(const Location& l, std::vector<FieldError>& errors) {
  if (auto ok = check_location(l); !ok) {
    for (const auto& e : ok.error().fields) {
      if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; }))
        errors.push_back(e);
    }
  }
}

const Location* find_location(const Directory& d, const std::string& id) {
  for (const auto& l : d.locations) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

}  // namespace

std::vector<LocationView> locations_list(store::Database& db, const SignedIn& user) {
  const Directory d = area_directory(db, user);
  std::vector<LocationView> out;
  for (const auto& l : d.locations) {
    LocationView v{l, {}, {}};
    for (const auto& s : d.services) {
      if (std::any_of(s.locations.begin(), s.locations.end(),
                      [&](const ServiceAtLocation& sal) { return sal.location_id == l.id; }))
        v.services.push_back({s.id, s.name, s.status});
    }
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(),
            [](const LocationView& a, const LocationView& b) { return a.location.name < b.location.name; });
  return out;
}

std::optional<LocationView> location_view(store::Database& db, const SignedIn& user, const std::string& id) {
  const Directory d = area_directory(db, user);
  const Location* l = find_location(d, id);
  if (!l) return std::nullopt;
  LocationView v{*l, {}, {}};
  for (const auto& s : d.services) {
    const bool here = std::any_of(s.locations.begin(), s.locations.end(),
                                  [&](const ServiceAtLocation& sal) { return sal.location_id == id; });
    (here ? v.services : v.others).push_back({s.id, s.name, s.status});
  }
  return v;
}

LocationForm location_form(const Location& l) {
  return {l.name,
          l.description,
          l.address_1,
          l.address_2,
          l.city,
          l.postcode,
          l.point ? degrees(l.point->latitude_e6) : "",
          l.point ? degrees(l.point->longitude_e6) : "",
          l.accessibility,
          std::to_string(l.version)};
}

Result<std::string> create_location(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                    const SignedIn& user, const LocationForm& form) {
  Location l;
  l.id = new_uuid();
  std::vector<FieldError> errors;
  apply(l, form, errors);
  add_checks(l, errors);
  if (!errors.empty()) return fail(std::move(errors));
  db.read([&](store::Tx& tx) { locate_by_postcode(tx, l); });
  write_directory_change(db, clock, local_offer, user, "directory.location.add", "location", l.id,
                         l.name + ", " + l.postcode, [&](store::Tx& tx) {
                           store::insert_location(tx, user.area_id, l);
                           return true;
                         });
  return l.id;
}

Result<std::int64_t> update_location(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                     const SignedIn& user, const std::string& id, const LocationForm& form) {
  const Directory d = area_directory(db, user);
  const Location* found = find_location(d, id);
  if (!found) return fail("id", "There is no such venue in your area's Local Offer");
  const Location before = *found;
  Location l = before;
  std::vector<FieldError> errors;
  apply(l, form, errors);
  add_checks(l, errors);
  const auto version = parse_version(form.version, "the venue");
  if (!version) errors.push_back(version.error().fields.front());
  if (!errors.empty()) return fail(std::move(errors));
  db.read([&](store::Tx& tx) { locate_by_postcode(tx, l); });
  l.version = *version + 1;
  std::string detail;
  note_change(detail, "name", before.name, l.name);
  note_change(detail, "description", before.description, l.description);
  note_change(detail, "address", before.address_1, l.address_1);
  note_change(detail, "address line 2", before.address_2, l.address_2);
  note_change(detail, "town", before.city, l.city);
  note_change(detail, "postcode", before.postcode, l.postcode);
  note_change(detail, "coordinates", point_text(before.point), point_text(l.point));
  note_change(detail, "accessibility", before.accessibility, l.accessibility);
  const bool saved =
      write_directory_change(db, clock, local_offer, user, "directory.location.update", "location", l.id, detail,
                             [&](store::Tx& tx) { return store::update_location(tx, user.area_id, l, *version); });
  if (!saved) return tl::unexpected(stale_edit("this venue"));
  return l.version;
}

Result<std::string> add_service_at_location(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                            const SignedIn& user, const std::string& location_id,
                                            const std::string& service_id) {
  const Directory d = area_directory(db, user);
  const Location* l = find_location(d, location_id);
  if (!l) return fail("id", "There is no such venue in your area's Local Offer");
  auto s = std::find_if(d.services.begin(), d.services.end(), [&](const Service& x) { return x.id == service_id; });
  if (s == d.services.end()) return fail("service_id", "Choose a service from the list");
  if (std::any_of(s->locations.begin(), s->locations.end(),
                  [&](const ServiceAtLocation& sal) { return sal.location_id == location_id; }))
    return fail("service_id", s->name + " is already offered here: choose another service");
  Service changed = *s;
  const std::string sal_id = new_uuid();
  changed.locations.push_back({sal_id, location_id});
  auto saved = save_service_parts(db, clock, local_offer, user, changed, s->version,
                                  "directory.service_at_location.add", s->name + " at " + l->name);
  if (!saved) return tl::unexpected(saved.error());
  return sal_id;
}

std::optional<ServiceHereView> service_here_view(store::Database& db, const SignedIn& user,
                                                 const std::string& location_id, const std::string& service_id) {
  const Directory d = area_directory(db, user);
  const Location* l = find_location(d, location_id);
  auto s = find_service(d, service_id);
  if (!l || !s) return std::nullopt;
  ServiceHereView v{*l, *s, {}};
  for (const auto& sal : s->locations) {
    if (sal.location_id != location_id) continue;
    for (const auto& sc : s->schedules) {
      if (sc.service_at_location_id == sal.id) v.times.push_back(sc);
    }
  }
  if (std::none_of(s->locations.begin(), s->locations.end(),
                   [&](const ServiceAtLocation& sal) { return sal.location_id == location_id; }))
    return std::nullopt;
  return v;
}

Result<void> remove_service_at_location(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                        const SignedIn& user, const std::string& location_id,
                                        const std::string& service_id, const std::string& version_text) {
  const Directory d = area_directory(db, user);
  const Location* l = find_location(d, location_id);
  if (!l) return fail("id", "There is no such venue in your area's Local Offer");
  auto s = std::find_if(d.services.begin(), d.services.end(), [&](const Service& x) { return x.id == service_id; });
  if (s == d.services.end()) return fail("service_id", "There is no such service in your area's Local Offer");
  Service changed = *s;
  std::vector<std::string> removed;
  std::erase_if(changed.locations, [&](const ServiceAtLocation& sal) {
    if (sal.location_id != location_id) return false;
    removed.push_back(sal.id);
    return true;
  });
  if (removed.empty()) return fail("service_id", s->name + " is not offered here");
  const auto version = parse_version(version_text, "the service");
  if (!version) return tl::unexpected(version.error());
  const auto times = std::erase_if(changed.schedules, [&](const Schedule& sc) {
    return std::find(removed.begin(), removed.end(), sc.service_at_location_id) != removed.end();
  });
  std::string detail = s->name + " no longer at " + l->name;
  if (times > 0) detail += ", with its " + std::to_string(times) + " opening times there";
  auto saved = save_service_parts(db, clock, local_offer, user, changed, *version,
                                  "directory.service_at_location.remove", detail);
  if (!saved) return tl::unexpected(saved.error());
  return {};
}

Result<void> remove_location(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                             const std::string& id, const std::string& version_text) {
  const Directory d = area_directory(db, user);
  const Location* l = find_location(d, id);
  if (!l) return fail("id", "There is no such venue in your area's Local Offer");
  std::string users;
  for (const auto& s : d.services) {
    if (std::any_of(s.locations.begin(), s.locations.end(),
                    [&](const ServiceAtLocation& sal) { return sal.location_id == id; }))
      users += (users.empty() ? "" : ", ") + s.name;
  }
  if (!users.empty())
    return fail("services", "This venue is still used by " + users + ": stop offering them here first");
  const auto version = parse_version(version_text, "the venue");
  if (!version) return tl::unexpected(version.error());
  const std::string detail = "removed " + l->name + ", " + l->postcode;
  const bool saved = write_directory_change(
      db, clock, local_offer, user, "directory.location.remove", "location", id, detail,
      [&](store::Tx& tx) { return store::delete_unused_location(tx, user.area_id, id, *version); });
  if (!saved) return tl::unexpected(stale_edit("this venue"));
  return {};
}

}  // namespace tandem::app
