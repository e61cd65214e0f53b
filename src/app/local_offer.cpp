#include "app/local_offer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "store/directory.h"
#include "store/people.h"

namespace tandem::app {

namespace oruk = interop::oruk;

namespace {

void add_words(std::vector<std::pair<std::string, std::uint32_t>>& out, std::string_view text, std::uint32_t id) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.emplace_back(std::move(word), id);
    word.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (c != '\'') {
      flush();
    }
  }
  flush();
}

template <class T>
std::optional<T> number(std::string_view text) {
  T value{};
  const auto* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || p != end) return std::nullopt;
  return value;
}

std::string known_districts(const DirectorySnapshot& s) {
  std::string out;
  for (const auto& [d, _] : s.districts()) out += (out.empty() ? "" : ", ") + d;
  return out.empty() ? "none yet" : out;
}

bool schedules_match(const Service& s, const DirectoryQuery& q) {
  if (q.day.empty() && !q.start_minutes && !q.end_minutes) return true;
  return std::any_of(s.schedules.begin(), s.schedules.end(), [&](const Schedule& sc) {
    if (!q.day.empty() && sc.byday.find(q.day) == std::string::npos) return false;
    const auto opens = parse_time_of_day(sc.opens_at), closes = parse_time_of_day(sc.closes_at);
    if (q.start_minutes && (!opens || *opens < *q.start_minutes)) return false;
    if (q.end_minutes && (!closes || *closes > *q.end_minutes)) return false;
    return true;
  });
}

bool service_matches(const ServiceEntry& e, const DirectoryQuery& q) {
  const Service& s = *e.service;
  if (s.withdrawn() && !q.withdrawn_too) return false;
  if (!q.term_id.empty() && q.term_id != e.level_term_id &&
      std::find(s.term_ids.begin(), s.term_ids.end(), q.term_id) == s.term_ids.end())
    return false;
  if (!q.taxonomy_id.empty() && !std::binary_search(e.taxonomy_ids.begin(), e.taxonomy_ids.end(), q.taxonomy_id))
    return false;
  if (q.minimum_age && s.minimum_age < *q.minimum_age) return false;
  if (q.maximum_age && (!s.maximum_age || *s.maximum_age > *q.maximum_age)) return false;
  if (q.age && !s.for_age(*q.age)) return false;
  if (q.level && s.level != *q.level) return false;
  if (q.free && s.free() != *q.free) return false;
  return schedules_match(s, q);
}

std::vector<std::uint32_t> candidates(const DirectorySnapshot& s, const DirectoryQuery& q) {
  if (!q.words.empty()) return s.with_words(q.words);
  std::vector<std::uint32_t> all(s.services().size());
  for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

void nearest_first(std::vector<Hit>& hits) {
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.metres.has_value() != b.metres.has_value()) return a.metres.has_value();
    return a.metres.value_or(0) < b.metres.value_or(0);
  });
}

}  // namespace

DirectorySnapshot::DirectorySnapshot(Directory d, std::map<std::string, GeoPoint> districts, std::int64_t version,
                                     std::string area_name)
    : directory_(std::move(d)),
      districts_(std::move(districts)),
      version_(version),
      area_name_(std::move(area_name)),
      index_(directory_) {
  const Taxonomy* needs = nullptr;
  auto add_taxonomy = [&](const Taxonomy& t) {
    taxonomy_at_[t.id] = static_cast<std::uint32_t>(taxonomy_json_.size());
    taxonomy_json_.push_back(oruk::taxonomy_json(t));
  };
  auto add_term = [&](const TaxonomyTerm& t) {
    term_at_[t.id] = static_cast<std::uint32_t>(term_json_.size());
    term_json_.push_back(oruk::taxonomy_term_json(t, index_));
  };
  for (const auto& t : directory_.taxonomies) {
    if (t.name == kNeedsTaxonomyName) needs = &t;
    add_taxonomy(t);
  }
  add_taxonomy(index_.level_taxonomy());
  for (const auto& t : directory_.terms) add_term(t);
  for (const auto& t : index_.level_terms()) add_term(t);
  services_.reserve(directory_.services.size());
  for (const auto& s : directory_.services) {
    const auto id = static_cast<std::uint32_t>(services_.size());
    ServiceEntry e;
    e.service = &s;
    e.organisation = index_.organisation(s.organisation_id);
    add_words(words_, s.name, id);
    add_words(words_, s.description, id);
    if (e.organisation) add_words(words_, e.organisation->name, id);
    for (const auto& term_id : s.term_ids) {
      const auto* t = index_.term(term_id);
      if (!t) continue;
      (needs && t->taxonomy_id == needs->id ? e.needs : e.types).push_back(t);
      e.taxonomy_ids.push_back(t->taxonomy_id);
      add_words(words_, t->name, id);
      add_words(words_, t->code, id);
    }
    e.taxonomy_ids.push_back(index_.level_taxonomy().id);
    e.level_term_id = index_.level_term(s.level).id;
    std::sort(e.taxonomy_ids.begin(), e.taxonomy_ids.end());
    e.taxonomy_ids.erase(std::unique(e.taxonomy_ids.begin(), e.taxonomy_ids.end()), e.taxonomy_ids.end());
    for (const auto& sal : s.locations) {
      const auto* l = index_.location(sal.location_id);
      if (l) add_words(words_, l->city + " " + l->name + " " + postcode_district(l->postcode), id);
      located_.push_back({id, &sal, l, oruk::service_at_location_item(s, sal, index_),
                          oruk::service_at_location_full(s, sal, index_)});
    }
    e.list_json = oruk::service_list_item(s, index_);
    e.full_json = oruk::service_full(s, index_);
    service_at_[s.id] = id;
    services_.push_back(std::move(e));
  }
  for (std::uint32_t i = 0; i < located_.size(); ++i) located_at_[located_[i].sal->id] = i;
  std::sort(words_.begin(), words_.end());
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
}

namespace {
template <class Map>
std::optional<std::uint32_t> lookup(const Map& m, std::string_view id) {
  auto it = m.find(id);
  if (it == m.end()) return std::nullopt;
  return it->second;
}
}  // namespace

std::optional<std::uint32_t> DirectorySnapshot::find_service(std::string_view id) const {
  return lookup(service_at_, id);
}
std::optional<std::uint32_t> DirectorySnapshot::find_located(std::string_view id) const {
  return lookup(located_at_, id);
}
std::optional<std::uint32_t> DirectorySnapshot::find_taxonomy(std::string_view id) const {
  return lookup(taxonomy_at_, id);
}
std::optional<std::uint32_t> DirectorySnapshot::find_term(std::string_view id) const { return lookup(term_at_, id); }

const TaxonomyTerm* DirectorySnapshot::need_term(std::string_view code) const {
  for (const auto& t : directory_.taxonomies) {
    if (t.name != kNeedsTaxonomyName) continue;
    for (const auto& term : directory_.terms) {
      if (term.taxonomy_id == t.id && term.code == code) return &term;
    }
  }
  return nullptr;
}

std::vector<std::uint32_t> DirectorySnapshot::with_words(const std::vector<std::string>& words) const {
  std::vector<std::uint32_t> result;
  bool first = true;
  for (const auto& w : words) {
    std::vector<std::uint32_t> found;
    auto it = std::lower_bound(words_.begin(), words_.end(), std::make_pair(w, std::uint32_t{0}));
    for (; it != words_.end() && it->first.starts_with(w); ++it) found.push_back(it->second);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    if (first) {
      result = std::move(found);
      first = false;
    } else {
      std::vector<std::uint32_t> both;
      std::set_intersection(result.begin(), result.end(), found.begin(), found.end(), std::back_inserter(both));
      result = std::move(both);
    }
    if (result.empty()) break;
  }
  return result;
}

Result<GeoPoint> postcode_centre(std::string_view field, std::string_view postcode, const DirectorySnapshot& s,
                                 PostcodeLookup* postcodes) {
  const std::string district = postcode_district(postcode);
  if (district.empty())
    return fail(std::string(field), std::string(field) +
                                        " must be a UK postcode or postcode district, like QS4 7RW "
                                        "or QS4");
  if (postcodes) {
    if (auto imported = postcodes->centre(postcode)) return *imported;
  }
  auto it = s.districts().find(district);
  if (it == s.districts().end())
    return fail(std::string(field), std::string(field) + " " + district +
                                        " is not a postcode district this directory covers; it covers " +
                                        known_districts(s));
  return it->second;
}

Result<DirectoryQuery> parse_oruk_query(const QueryParams& params, const DirectorySnapshot& s, bool located,
                                        PostcodeLookup* postcodes) {
  DirectoryQuery q;
  q.withdrawn_too = true;
  std::vector<FieldError> errors;
  auto get = [&](std::string_view key) -> std::string {
    auto it = params.find(key);
    return it == params.end() ? std::string() : it->second;
  };
  std::vector<std::pair<std::string, std::uint32_t>> words;
  add_words(words, get("search"), 0);
  for (auto& [w, _] : words) q.words.push_back(std::move(w));
  if (auto v = get("page"); !v.empty()) {
    auto n = number<std::int64_t>(v);
    if (!n || *n < 1)
      errors.push_back({"page", "page must be a whole number from 1 upwards, like page=2"});
    else
      q.page = *n;
  }
  if (auto v = get("per_page"); !v.empty()) {
    auto n = number<std::int64_t>(v);
    if (!n || *n < 1 || *n > kMaxPerPage)
      errors.push_back({"per_page", "per_page must be a whole number from 1 to " + std::to_string(kMaxPerPage)});
    else
      q.per_page = *n;
  }
  if (auto v = get("taxonomy_term_id"); !v.empty()) {
    if (!s.find_term(v))
      errors.push_back({"taxonomy_term_id", "taxonomy_term_id " + v +
                                                " is not a taxonomy term in this directory; /api/oruk/taxonomy_terms "
                                                "lists them"});
    q.term_id = v;
  }
  if (auto v = get("taxonomy_id"); !v.empty()) {
    if (!s.find_taxonomy(v))
      errors.push_back({"taxonomy_id",
                        "taxonomy_id " + v + " is not a taxonomy in this directory; /api/oruk/taxonomies lists them"});
    q.taxonomy_id = v;
  }
  for (const char* key : {"minimum_age", "maximum_age"}) {
    if (auto v = get(key); !v.empty()) {
      auto n = number<double>(v);
      if (!n || !std::isfinite(*n) || *n < 0 || *n > 120)
        errors.push_back({key, std::string(key) + " must be an age in years from 0 to 120, like 5"});
      else
        (std::string_view(key) == "minimum_age" ? q.minimum_age : q.maximum_age) = *n;
    }
  }
  if (auto v = get("day"); !v.empty()) {
    auto d = parse_day_code(v);
    if (!d)
      errors.push_back({"day", "day must be a day of the week: MO, TU, WE, TH, FR, SA or SU, or its name"});
    else
      q.day = *d;
  }
  for (const char* key : {"start_time", "end_time"}) {
    if (auto v = get(key); !v.empty()) {
      auto t = parse_time_of_day(v);
      if (!t)
        errors.push_back({key, std::string(key) + " must be a time of day as HH:MM, like 09:30"});
      else
        (std::string_view(key) == "start_time" ? q.start_minutes : q.end_minutes) = *t;
    }
  }
  if (located) {
    const std::string postcode = get("postcode"), proximity = get("proximity");
    if (!postcode.empty()) {
      auto centre = postcode_centre("postcode", postcode, s, postcodes);
      if (!centre)
        errors.push_back(centre.error().fields.front());
      else
        q.near = *centre;
    }
    if (!proximity.empty()) {
      auto m = number<double>(proximity);
      if (!m || !std::isfinite(*m) || *m <= 0 || *m > 100000)
        errors.push_back({"proximity", "proximity must be a distance in metres above 0 and up to 100000"});
      else if (postcode.empty())
        errors.push_back({"proximity", "proximity needs a postcode to measure from"});
      else
        q.within_metres = *m;
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  return q;
}

std::vector<Hit> find_services(const DirectorySnapshot& s, const DirectoryQuery& q) {
  std::vector<Hit> hits;
  for (auto i : candidates(s, q)) {
    const auto& e = s.services()[i];
    if (!service_matches(e, q)) continue;
    Hit h{i, std::nullopt};
    if (q.near) {
      for (const auto& sal : e.service->locations) {
        const auto* l = s.index().location(sal.location_id);
        if (!l || !l->point) continue;
        const double m = distance_metres(*q.near, *l->point);
        if (!h.metres || m < *h.metres) h.metres = m;
      }
      // Services that come to families' homes serve the whole area.
      if (q.within_metres && h.metres && *h.metres > *q.within_metres) continue;
    }
    hits.push_back(h);
  }
  if (q.near) nearest_first(hits);
  return hits;
}

std::vector<Hit> find_located(const DirectorySnapshot& s, const DirectoryQuery& q) {
  std::vector<Hit> hits;
  const auto services = candidates(s, q);
  std::vector<bool> wanted(s.services().size(), false);
  for (auto i : services) wanted[i] = service_matches(s.services()[i], q);
  for (std::uint32_t i = 0; i < s.located().size(); ++i) {
    const auto& e = s.located()[i];
    if (!wanted[e.service]) continue;
    Hit h{i, std::nullopt};
    if (q.near) {
      if (e.location && e.location->point) h.metres = distance_metres(*q.near, *e.location->point);
      if (q.within_metres && (!h.metres || *h.metres > *q.within_metres)) continue;
    }
    hits.push_back(h);
  }
  if (q.near) nearest_first(hits);
  return hits;
}

LocalOffer::LocalOffer(store::Database& db, const Clock& clock, std::string area_id)
    : db_(db), clock_(clock), area_id_(std::move(area_id)), postcodes_(db, clock) {}

std::string LocalOffer::area_id() {
  {
    std::lock_guard lock(mutex_);
    if (!area_id_.empty()) return area_id_;
  }
  // Served without --local-offer-area, the offer is the database's only area's,
  // found when the directory is first read: a family's first request after the
  // server starts may come before anyone has searched.
  snapshot();
  std::lock_guard lock(mutex_);
  return area_id_;
}

void LocalOffer::changed() {
  std::lock_guard lock(mutex_);
  checked_at_ = 0;
}

std::shared_ptr<const DirectorySnapshot> LocalOffer::snapshot() {
  const std::int64_t now = clock_.now_micros();
  std::string area;
  std::shared_ptr<const DirectorySnapshot> current;
  {
    std::lock_guard lock(mutex_);
    if (current_ && now - checked_at_ < kMicrosPerSecond) return current_;
    checked_at_ = now;
    area = area_id_;
    current = current_;
  }
  std::int64_t version = 0;
  db_.read([&](store::Tx& tx) {
    if (area.empty()) {
      const auto areas = store::list_areas(tx);
      if (areas.size() == 1) area = areas.front().id;
    }
    if (!area.empty()) version = store::directory_version(tx, area);
  });
  if (area.empty()) return nullptr;
  if (current && current->version() == version && current->directory().area_id == area) return current;
  // One build at a time: requests arriving meanwhile wait for it and share it,
  // rather than each building its own copy.
  std::lock_guard building(build_mutex_);
  {
    std::lock_guard lock(mutex_);
    if (current_ && current_->version() >= version && current_->directory().area_id == area) return current_;
  }
  Directory d;
  std::map<std::string, GeoPoint> districts;
  std::string area_name;
  // Read the version again inside the same transaction as the rows it labels.
  db_.read([&](store::Tx& tx) {
    version = store::directory_version(tx, area);
    d = store::load_directory(tx, area);
    districts = store::postcode_districts(tx, area);
    if (auto row = store::find_area(tx, area)) area_name = row->name;
  });
  auto fresh =
      std::make_shared<const DirectorySnapshot>(std::move(d), std::move(districts), version, std::move(area_name));
  std::lock_guard lock(mutex_);
  area_id_ = area;
  current_ = std::move(fresh);
  return current_;
}

}  // namespace tandem::app
