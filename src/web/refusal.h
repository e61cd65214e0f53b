// What the web layer answers when a use case refuses (app::Refused) and how a form's
// select lists its options: the same on every page.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <mstch/mstch.hpp>

#include "app/assessments.h"
#include "web/context.h"

namespace tandem::web {

// 404 "Page not found" or 403 under `forbidden_title` ("You cannot see this appeal"),
// as a page or, for the API, as JSON {"error": "not_found" | "forbidden", ...}.
Response refusal(Ctx& ctx, const app::Refused& r, bool api, std::string_view forbidden_title);

// The options of a GOV.UK select or radios: value, label and whether it is chosen.
mstch::array choices(const std::vector<std::pair<std::string, std::string>>& items, const std::string& selected);

}  // namespace tandem::web
