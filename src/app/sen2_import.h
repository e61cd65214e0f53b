// Loads a DfE SEN2 person-level return into an area: people, requests,
// assessments, plans (with cessations), placements and ranked needs.
//
// Streaming (one Person in memory at a time) inside one transaction: any
// record the file cannot give (bad XML, another collection, an unknown
// element or code, an impossible date, a missing required item, a person
// matching two children) is reported with its XML path and what is allowed,
// and nothing at all is loaded.
//
// People already present are matched by UPN, else by family name, given name
// and date of birth. Running the same file again changes nothing; a later file
// updates people whose cases nobody has changed in Tandem since their import,
// and for the others each item where Tandem and the file disagree is kept as
// Tandem has it and recorded as a conflict for a person to settle.
//
// The return holds no outcomes, provision or documents: each imported case
// lists what a caseworker must complete.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/clock.h"
#include "app/sen2_return.h"
#include "interop/sen2_xml.h"
#include "store/database.h"

namespace tandem::app {

struct Sen2ImportSummary {
  int year = 0;
  std::size_t persons = 0;
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t conflicts = 0;            // items kept as Tandem has them
  std::vector<sen2::Problem> rejected;  // empty when imported
  bool truncated = false;
  std::vector<std::string>
      conflict_lines;  // "Surname, Forename: Requests[1]/ReceivedDate: Tandem 2025-01-02, file 2025-01-03"
  std::string import_id;
  // Elements the file spells otherwise than the year does, read as the year's:
  // "PlanWPB" -> {"PlanWBP", times}.
  std::map<std::string, std::pair<std::string, std::size_t>> spelled_otherwise;
};

using Sen2Progress = std::function<void(std::size_t persons, std::size_t bytes)>;

// Imports `path`. The summary's `rejected` lists every problem when nothing
// was loaded.
Sen2ImportSummary import_sen2(store::Database& db, const Clock& clock, const std::string& area_id,
                              const std::string& path, const std::string& by, const Sen2Progress& progress = {});

// What a caseworker must complete on imported cases (those with an imported
// person and a final plan without outcomes or provision).
std::vector<Sen2ToComplete> sen2_cases_to_complete(store::Database& db, const std::string& area_id, int limit);

}  // namespace tandem::app
