#include "app/demo_voice.h"

#include <map>

#include "app/crypto.h"
#include "core/directory.h"
#include "store/audit.h"
#include "store/directory.h"
#include "store/feedback.h"
#include "store/provision_requests.h"

namespace tandem::app {

DemoVoiceCounts build_demo_voice(store::Database& db, const Clock& clock, const std::string& area_id,
                                 std::uint64_t seed, const std::string& id_prefix,
                                 std::vector<demo::VoiceChild> children, const std::string& caseworker_id,
                                 const std::string& manager_id) {
  demo::VoiceOptions o;
  o.seed = seed;
  o.today = clock.today();
  o.area_id = area_id;
  o.id_prefix = id_prefix;
  o.children = std::move(children);
  o.caseworker_id = caseworker_id;
  o.manager_id = manager_id;
  Directory d;
  db.read([&](store::Tx& tx) { d = store::load_directory(tx, area_id); });
  std::map<std::string, std::string> need_of_term;
  for (const auto& t : d.taxonomies) {
    if (t.name != kNeedsTaxonomyName) continue;
    for (const auto& term : d.terms) {
      if (term.taxonomy_id == t.id) need_of_term[term.id] = term.code;
    }
  }
  for (const auto& s : d.services) {
    demo::VoiceService v{s.id, {}};
    for (const auto& id : s.term_ids) {
      if (auto it = need_of_term.find(id); it != need_of_term.end()) v.need_codes.push_back(it->second);
    }
    o.services.push_back(std::move(v));
  }
  const auto voice = demo::generate_families_voice(o);
  DemoVoiceCounts counts;
  const std::int64_t now = clock.now_micros();
  db.write([&](store::Tx& tx) {
    store::delete_feedback(tx, area_id);
    store::delete_provision_requests(tx, area_id);
    for (const auto& f : voice.feedback) {
      store::insert_feedback(tx, f, f.received_at);
      if (f.published()) ++counts.published;
    }
    for (const auto& r : voice.requests) store::insert_provision_request(tx, r, r.received_at);
    counts.feedback = voice.feedback.size();
    counts.requests = voice.requests.size();
    store::insert_audit(tx, {new_id("a"), area_id, now, "cli", "voice.demo", "area", area_id, "",
                             std::to_string(counts.feedback) + " feedback items (" + std::to_string(counts.published) +
                                 " published), " + std::to_string(counts.requests) + " requests for provision",
                             "seed " + std::to_string(seed)});
  });
  return counts;
}

}  // namespace tandem::app
