#include "app/postcode_lookup.h"

#include "core/postcode_directory.h"
#include "store/postcodes.h"

namespace tandem::app {

PostcodeLookup::PostcodeLookup(store::Database& db, const Clock& clock, std::size_t capacity)
    : db_(db), clock_(clock), capacity_(capacity) {}

void PostcodeLookup::forget_if_reimported() {
  const std::int64_t now = clock_.now_micros();
  {
    std::lock_guard lock(mutex_);
    if (version_ >= 0 && now - checked_at_ < kMicrosPerSecond) return;
    checked_at_ = now;
  }
  std::int64_t version = 0;
  db_.read([&](store::Tx& tx) { version = store::postcode_import_version(tx); });
  std::lock_guard lock(mutex_);
  if (version != version_) {
    entries_.clear();
    recent_.clear();
    version_ = version;
  }
}

std::optional<GeoPoint> PostcodeLookup::look_up(const std::string& key) {
  std::optional<GeoPoint> point;
  db_.read([&](store::Tx& tx) {
    if (key.find(' ') != std::string::npos) {
      point = store::find_postcode(tx, key);
      if (!point) point = store::find_district_centre(tx, key.substr(0, key.find(' ')));
    } else {
      point = store::find_district_centre(tx, key);
    }
  });
  return point;
}

std::optional<GeoPoint> PostcodeLookup::centre(std::string_view postcode) {
  std::string key;
  if (auto full = normalise_full_postcode(postcode))
    key = std::move(*full);
  else
    key = postcode_district(postcode);
  if (key.empty()) return std::nullopt;
  forget_if_reimported();
  std::int64_t seen = 0;
  {
    std::lock_guard lock(mutex_);
    seen = version_;
    if (version_ == 0) return std::nullopt;  // nothing imported: no query
    if (auto it = entries_.find(key); it != entries_.end()) {
      recent_.splice(recent_.begin(), recent_, it->second.at);
      return it->second.point;
    }
  }
  const auto point = look_up(key);
  std::lock_guard lock(mutex_);
  if (version_ != seen || entries_.contains(key)) return point;
  recent_.push_front(key);
  entries_[key] = {point, recent_.begin()};
  if (entries_.size() > capacity_) {
    entries_.erase(recent_.back());
    recent_.pop_back();
  }
  return point;
}

void locate_by_postcode(store::Tx& tx, Location& location) {
  if (location.point) return;
  if (auto postcode = normalise_full_postcode(location.postcode)) location.point = store::find_postcode(tx, *postcode);
}

}  // namespace tandem::app
