// What a child's record says about the SEN2 return: when the case was loaded
// from a council's return (and from which file), what a caseworker must still
// complete because the return holds no outcomes, provision or documents, each
// with a link to where it is done, and the open conflicts with a later return.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/child.h"
#include "store/database.h"
#include "store/sen2.h"

namespace tandem::app {

struct Sen2Todo {
  std::string text;  // "Outcomes (section E) of the plan made 2024-03-01"
  std::string href;  // "/plans/p-1/outcomes/new"
};

struct Sen2CaseStatus {
  std::optional<store::Sen2Imported> imported;  // nullopt: not from a return
  std::vector<Sen2Todo> to_complete;
  std::vector<store::Sen2ConflictRow> conflicts;
};

// What an imported case lacks (empty for a case that did not come from a return).
std::vector<Sen2Todo> sen2_todo(store::Tx& tx, const std::string& area_id, const store::Sen2Area& area,
                                const Child& child);

// The child's SEN2 status, read in one transaction (the record's own read is
// logged by the record).
Sen2CaseStatus sen2_case_status(store::Database& db, const std::string& area_id, const std::string& child_id);

}  // namespace tandem::app
