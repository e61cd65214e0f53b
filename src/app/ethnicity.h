// DfE's ethnicity codes as Tandem offers them on the child's record: the
// newest SEN2 collection year's extended list (data/sen2/YEAR.json), the codes the
// school census uses, so a new year's list is a data change.
//
//   app::ethnicity_allowed("WBRI");  // true
//   app::ethnicity_label("BCRB");    // "Black Caribbean"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interop/sen2_schema.h"

namespace tandem::app {

const std::vector<sen2::Code>& ethnicity_codes();
bool ethnicity_allowed(std::string_view code);
// "White British (WBRI)"; "Not recorded" for an empty code.
std::string ethnicity_label(std::string_view code);

}  // namespace tandem::app
