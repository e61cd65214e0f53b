// The invented parts of a demo area: people's names, settings' names and
// postcodes.
//
// Nothing here describes a real person or place. Given names are common ones;
// family names are put together from two invented syllables, so a full name
// belongs to nobody in particular. Setting names are generic ("Oakfield Primary
// School") and chosen by setting type and phase, so a 16-year-old's college
// reads as a college. Postcodes use an outward area starting with Q, a letter
// Royal Mail never puts first, so no demo address is a real one while each
// still passes Tandem's postcode check.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "demo/random.h"

namespace tandem::demo {

// sex is "F", "M" or "U" (SEN2); "U" draws from both lists.
std::string_view given_name(std::string_view sex, Rng& rng);
std::string family_name(Rng& rng);

// Pools of invented settings. Each pool has pool_size() names; index 0 is the
// first, and a smaller area uses fewer of them.
enum class SettingPool {
  primary,             // mainstream primary schools (and their nursery classes)
  secondary,           // mainstream secondary schools, with sixth forms
  special,             // special schools
  alternative,         // alternative provision and pupil referral units
  college,             // FE and sixth-form colleges
  specialist_college,  // specialist post-16 institutions
  early_years,         // nurseries and pre-schools
};
std::size_t pool_size(SettingPool pool);
std::string setting_name(SettingPool pool, std::size_t index);
// A mainstream school's SEN unit or resourced provision, named after the school.
std::string unit_name(SettingPool school_pool, std::size_t index);

// Arrangements outside a named setting, by SettingType group.
std::string_view educated_elsewhere_name(Rng& rng);
std::string_view neet_name(Rng& rng);
std::string_view other_setting_name(Rng& rng);

// An invented postcode in outward area "Q<area_letter>", districts 1 to
// `districts`, e.g. "QH4 7RW".
std::string postcode(char area_letter, int districts, Rng& rng);

}  // namespace tandem::demo
