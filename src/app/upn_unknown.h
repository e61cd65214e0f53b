// DfE's reasons a child has no unique pupil number (the SEN2 return's
// UPNunknown), as Tandem offers them on the child's record: the newest SEN2
// collection year's list (data/sen2/YEAR.json), so a new list is a data change.
//
//   app::upn_unknown_allowed("UN2");  // true
//   app::upn_unknown_label("");       // "Not recorded"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interop/sen2_schema.h"

namespace tandem::app {

const std::vector<sen2::Code>& upn_unknown_codes();
bool upn_unknown_allowed(std::string_view code);
// "UN2"; "Not recorded" for an empty code. The 2024 schema gives the codes no wording.
std::string upn_unknown_label(std::string_view code);

}  // namespace tandem::app
