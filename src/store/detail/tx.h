// A transaction in progress: the SOCI session it runs on and its engine.
// Included only by store/ source files.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/database.h"

namespace tandem::store {

class Tx {
 public:
  Tx(soci::session& s, Engine e) : sql(s), engine(e) {}
  soci::session& sql;
  Engine engine;
  // Set by writes to the children's register (children, their search tokens,
  // placements, involvements); once committed, Database::register_generation()
  // moves on so cached register reads know they are stale.
  bool register_changed = false;
  // The areas whose children or involvements this transaction wrote; each
  // gets a new register_changes token just before the commit (migration 0025).
  void changed_register_of(const std::string& area_id) {
    register_changed = true;
    if (std::find(register_areas.begin(), register_areas.end(), area_id) == register_areas.end()) {
      register_areas.push_back(area_id);
    }
  }
  std::vector<std::string> register_areas;
  // The areas whose plans, plans' top-ups or top-up payments this transaction
  // wrote; each gets a new top_up_changes token just before the commit
  // (migration 0030).
  void changed_top_ups_of(const std::string& area_id) {
    if (std::find(top_up_areas.begin(), top_up_areas.end(), area_id) == top_up_areas.end()) {
      top_up_areas.push_back(area_id);
    }
  }
  std::vector<std::string> top_up_areas;
  // The areas whose assessments (or their stored clocks) this transaction
  // wrote; each gets one new assessment_changes token just before the commit,
  // however many cases it wrote (a SEN2 import writes thousands).
  void changed_assessments_of(const std::string& area_id) {
    if (std::find(assessment_areas.begin(), assessment_areas.end(), area_id) == assessment_areas.end()) {
      assessment_areas.push_back(area_id);
    }
  }
  std::vector<std::string> assessment_areas;
};

// A fresh change token: random, so two databases (or one rebuilt) never share
// one by chance.
long long new_change_token();
// Replaces the register_changes token of every area in tx.register_areas,
// the top_up_changes token of every area in tx.top_up_areas and the
// assessment_changes token of every area in tx.assessment_areas.
void record_register_changes(Tx& tx);

}  // namespace tandem::store
