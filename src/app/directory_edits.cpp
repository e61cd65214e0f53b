#include "app/directory_edits.h"

#include <algorithm>

#include "app/crypto.h"
#include "store/audit.h"
#include "store/directory.h"

namespace tandem::app {

Directory area_directory(store::Database& db, const SignedIn& user) {
  Directory d;
  db.read([&](store::Tx& tx) { d = store::load_directory(tx, user.area_id); });
  return d;
}

std::optional<Service> find_service(const Directory& d, const std::string& id) {
  for (const auto& s : d.services) {
    if (s.id == id) return s;
  }
  return std::nullopt;
}

void add_errors(std::vector<FieldError>& errors, const Result<void>& checked) {
  if (checked) return;
  for (const auto& e : checked.error().fields) {
    if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; }))
      errors.push_back(e);
  }
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

void note_change(std::string& detail, std::string_view field, const std::string& before, const std::string& after) {
  if (before == after) return;
  detail += (detail.empty() ? "" : "; ") + std::string(field) + ": " + (before.empty() ? "(none)" : before) + " -> " +
            (after.empty() ? "(none)" : after);
}

Error stale_edit(std::string_view what) {
  return Error("version", "Someone else changed " + std::string(what) +
                              " while you were editing it: reload the page and make your change again");
}

bool write_directory_change(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                            const std::string& action, const std::string& entity, const std::string& entity_id,
                            const std::string& detail, const std::function<bool(store::Tx&)>& write) {
  bool saved = false;
  db.write([&](store::Tx& tx) {
    saved = write(tx);
    if (!saved) return;
    store::bump_directory_version(tx, user.area_id);
    store::insert_audit(tx, {new_id("a"), user.area_id, clock.now_micros(), user.user_id, action, entity, entity_id, "",
                             detail.empty() ? "no change" : detail, ""});
  });
  if (saved && local_offer) local_offer->changed();
  return saved;
}

Result<std::int64_t> save_service_parts(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                        const SignedIn& user, Service changed, std::int64_t expected,
                                        const std::string& action, const std::string& detail) {
  changed.version = expected + 1;
  changed.updated_at = clock.now_micros();
  const bool saved =
      write_directory_change(db, clock, local_offer, user, action, "service", changed.id, detail,
                             [&](store::Tx& tx) { return store::update_service(tx, user.area_id, changed, expected); });
  if (!saved) return tl::unexpected(stale_edit("this service"));
  return changed.version;
}

}  // namespace tandem::app
