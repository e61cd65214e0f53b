// The SEN2 return page for managers and performance staff: the validation
// report for a collection year (each problem linked to its case), the totals
// beside Tandem's own figures, recent imports, conflicts to settle and the
// imported cases a caseworker must complete. Reading it is recorded in the
// access log like any list of children.
#pragma once

#include <string>
#include <vector>

#include "app/auth.h"
#include "app/register.h"
#include "app/sen2_conflicts.h"
#include "app/sen2_import.h"
#include "app/sen2_return.h"
#include "store/sen2.h"

namespace tandem::app {

struct Sen2View {
  Sen2Report report;
  std::vector<store::Sen2ImportRow> imports;
  std::vector<Sen2ConflictItem> conflicts;
  std::vector<Sen2ToComplete> to_complete;
};

Result<Sen2View> sen2_return_view(RegisterServices& s, const SignedIn& user, int year, const std::string& route,
                                  bool everything);

}  // namespace tandem::app
