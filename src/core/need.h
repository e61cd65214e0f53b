// The DfE primary-need codes (SEN2 `SENtype`, school census), with the broad
// area of need each belongs to. Source: DfE SEN2 guide; domain.md section 7.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace tandem {

struct NeedCode {
  std::string_view code;        // SEN2 value, e.g. "ASD"
  std::string_view name;        // e.g. "Autistic spectrum disorder"
  std::string_view broad_area;  // e.g. "Communication and interaction"
};

std::span<const NeedCode> need_codes();
std::optional<NeedCode> find_need(std::string_view code);

}  // namespace tandem
