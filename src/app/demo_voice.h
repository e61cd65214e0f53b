// The demo area's families' voice (src/demo/families_voice.h): feedback and
// requests saved in place of any the area had, with an audit entry.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/clock.h"
#include "demo/families_voice.h"
#include "store/database.h"

namespace tandem::app {

struct DemoVoiceCounts {
  std::size_t feedback = 0;
  std::size_t published = 0;
  std::size_t requests = 0;
};

// Reads the area's Local Offer for the services feedback is about.
DemoVoiceCounts build_demo_voice(store::Database& db, const Clock& clock, const std::string& area_id,
                                 std::uint64_t seed, const std::string& id_prefix,
                                 std::vector<demo::VoiceChild> children, const std::string& caseworker_id,
                                 const std::string& manager_id);

}  // namespace tandem::app
