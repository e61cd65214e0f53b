// Settling a conflict between a later SEN2 return and what a caseworker
// entered in Tandem: a person keeps Tandem's value or takes the file's. Taking
// the file's value changes the case (the child's details, a request's dates or
// a placement's URN or UKPRN); either way who settled it and when is recorded
// on the conflict and in the audit trail, and the conflict leaves the list.
//
// Only items Tandem keeps as one field can take the file's value; for others
// (`can_take_file` false) the caseworker changes the case and keeps Tandem's.
#pragma once

#include <string>
#include <vector>

#include "app/auth.h"
#include "app/register.h"
#include "store/sen2.h"

namespace tandem::app {

struct Sen2ConflictItem {
  store::Sen2ConflictRow row;
  std::string person;  // "Surname, Forename"
  bool can_take_file = false;
};

// The area's open conflicts with each child's name (not logged: for views that log).
std::vector<Sen2ConflictItem> sen2_conflict_items(store::Tx& tx, const std::string& area_id, int limit);
// The area's open conflicts (reading them is logged as a list of children).
std::vector<Sen2ConflictItem> sen2_open_conflicts(RegisterServices& s, const SignedIn& user, const std::string& route,
                                                  int limit);

bool sen2_can_take_file(const std::string& path);

// `keep` is "tandem" or "file". Fails on field "conflict" when there is no
// such conflict in the area, "settled" when someone settled it already, and
// "keep" when the choice is missing or the file's value cannot be taken.
Result<store::Sen2ConflictState> settle_sen2_conflict(RegisterServices& s, const SignedIn& user,
                                                      const std::string& conflict_id, const std::string& keep);

}  // namespace tandem::app
