#include "core/need.h"

#include <array>

namespace tandem {

namespace {
constexpr std::array<NeedCode, 14> kNeeds{{
    {"SPLD", "Specific learning difficulty", "Cognition and learning"},
    {"MLD", "Moderate learning difficulty", "Cognition and learning"},
    {"SLD", "Severe learning difficulty", "Cognition and learning"},
    {"PMLD", "Profound and multiple learning difficulty", "Cognition and learning"},
    {"SEMH", "Social, emotional and mental health", "Social, emotional and mental health"},
    {"SLCN", "Speech, language and communication needs", "Communication and interaction"},
    {"ASD", "Autistic spectrum disorder", "Communication and interaction"},
    {"HI", "Hearing impairment", "Sensory and/or physical"},
    {"VI", "Vision impairment", "Sensory and/or physical"},
    {"MSI", "Multi-sensory impairment", "Sensory and/or physical"},
    {"PD", "Physical disability", "Sensory and/or physical"},
    // Added to SEN2 for the 2025 return; earlier figures count it in OTH.
    {"DS", "Down syndrome", "Cognition and learning"},
    {"OTH", "Other difficulty or disability", "Other"},
    // School census only, with SEN provision K (SEN support).
    {"NSA", "SEN support but no specialist assessment of type of need", "Other"},
}};
}  // namespace

std::span<const NeedCode> need_codes() { return kNeeds; }

std::optional<NeedCode> find_need(std::string_view code) {
  for (const auto& n : kNeeds) {
    if (n.code == code) return n;
  }
  return std::nullopt;
}

}  // namespace tandem
