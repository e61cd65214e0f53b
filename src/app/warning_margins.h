// How far ahead an area's pages warn of deadlines: its profile's [warnings],
// or Tandem's defaults for an area without a shipped profile.
#pragma once

#include <string_view>

#include "core/area_profile.h"

namespace tandem::app {

// Looked up on every caseload request, so this reads a table built once from
// the shipped profiles rather than copying a profile.
const WarningMargins& warning_margins(std::string_view area_id);

}  // namespace tandem::app
