// The demo area's families' voice: feedback on the Local Offer at every stage
// of triage (some published with responses, as a "You said, we did" page
// would show them) over the last fourteen months, and requests for provision
// not in the offer at every stage from received to decided. Pure: the caller
// saves what this returns.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/feedback.h"
#include "core/provision_request.h"

namespace tandem::demo {

struct VoiceService {
  std::string id;
  std::vector<std::string> need_codes;
};
struct VoiceChild {
  std::string id;
  std::string primary_need;
  int age = 0;
};

struct VoiceOptions {
  std::uint64_t seed = 1;
  Date today{};
  std::string area_id;
  std::string id_prefix;
  std::size_t feedback = 140;
  std::vector<VoiceService> services;  // the Local Offer's
  std::vector<VoiceChild> children;    // children with plans, for staff requests
  std::string caseworker_id;           // who records staff requests
  std::string manager_id;              // who triages, checks and decides
};

struct DemoVoice {
  std::vector<Feedback> feedback;
  std::vector<ProvisionRequest> requests;
};

DemoVoice generate_families_voice(const VoiceOptions& options);

}  // namespace tandem::demo
