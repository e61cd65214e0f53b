// Gaps in the Local Offer for the strategic level: the caseload's demand (EHC
// plans by primary need and age band, and their provision lines) against the
// active services the offer lists for each need and age, with the bands below
// the area's threshold flagged (core/sufficiency.h; the threshold is the area
// profile's [sufficiency] table).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/auth.h"
#include "app/clock.h"
#include "core/sufficiency.h"
#include "store/database.h"

namespace tandem::app {

struct GapsView {
  std::vector<GapRow> rows;                  // gaps first, thinnest first
  std::optional<double> threshold;           // services per 100 children; none: the area has set none
  int children = 0;                          // with plans, in a band
  int services = 0;                          // active services counted as supply
  std::map<std::string, int> lines_by_need;  // provision lines in plans, by primary need
  int gaps = 0;
};

GapsView offer_gaps(store::Database& db, const Clock& clock, const SignedIn& user);

}  // namespace tandem::app
