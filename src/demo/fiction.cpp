#include "demo/fiction.h"

#include <array>
#include <span>

namespace tandem::demo {

namespace {

constexpr std::array<std::string_view, 40> kFemale{
    "Amelia", "Isla", "Ava",    "Mia",    "Ivy",   "Lily",   "Freya", "Florence", "Grace",  "Sophia",
    "Evie",   "Ella", "Poppy",  "Willow", "Rosie", "Sienna", "Aisha", "Zara",     "Maya",   "Hannah",
    "Chloe",  "Ruby", "Erin",   "Layla",  "Nia",   "Amara",  "Esme",  "Harriet",  "Imogen", "Jessica",
    "Keira",  "Leah", "Maryam", "Niamh",  "Orla",  "Phoebe", "Priya", "Sofia",    "Tilly",  "Yasmin"};
constexpr std::array<std::string_view, 40> kMale{
    "Oliver", "Noah",  "George",  "Arthur",  "Leo",    "Muhammad", "Harry", "Oscar",   "Archie", "Henry",
    "Theo",   "Jack",  "Charlie", "Freddie", "Alfie",  "Finley",   "Isaac", "Jacob",   "Joshua", "Kai",
    "Logan",  "Mason", "Nathan",  "Reuben",  "Samuel", "Tyler",    "Zain",  "Ibrahim", "Kofi",   "Dylan",
    "Ethan",  "Ewan",  "Callum",  "Rory",    "Toby",   "Luca",     "Omar",  "Ravi",    "Declan", "Bilal"};

// Family names are a first syllable and an ending, e.g. "Brackhithe".
constexpr std::array<std::string_view, 20> kFamilyStart{"Ash",   "Brack", "Cald",  "Dunn",   "Elver",  "Fenn",  "Garth",
                                                        "Holl",  "Kest",  "Lang",  "Morrow", "Nettle", "Orr",   "Pell",
                                                        "Quarr", "Rook",  "Sedge", "Thorn",  "Wend",   "Yarrow"};
constexpr std::array<std::string_view, 16> kFamilyEnd{"ebury", "ington", "hithe", "combe", "thwaite", "wick",
                                                      "stead", "mere",   "ridge", "gate",  "ley",     "holme",
                                                      "dale",  "shaw",   "croft", "well"};

constexpr std::array<std::string_view, 40> kPrimary{
    "Oakfield",  "Ashgrove",   "Beechwood",   "Brookside",     "Cherry Tree",  "Elmhurst",      "Fernbank",
    "Foxhill",   "Greenacre",  "Hawthorn",    "Hollybank",     "Kingsmead",    "Larchfield",    "Linden",
    "Maplewood", "Meadowbank", "Millbrook",   "Northcroft",    "Orchard Vale", "Pinewood",      "Redwing",
    "Riverside", "Rowan Tree", "Sandpiper",   "Silver Birch",  "Skylark",      "Spring Meadow", "Stonebridge",
    "Sycamore",  "Westbrook",  "Willowbank",  "Windmill Hill", "Woodlands",    "Yew Tree",      "Bluebell",
    "Kestrel",   "Heron Way",  "Copperfield", "Lark Rise",     "Thistle Brook"};
constexpr std::array<std::string_view, 16> kSecondary{
    "Beacon Hill", "Brackenfield", "Castlemead", "Dovecote",    "Fairhaven",  "Greystone", "Harbourside", "Kingfisher",
    "Lakeside",    "Moorland",     "Parkside",   "Ravensworth", "Saxon Hill", "Tollgate",  "Weavers",     "Wolds Edge"};
constexpr std::array<std::string_view, 14> kSpecial{
    "Acorn Bank", "Brightwater", "Cloverfield", "Daisyfield",  "Evergreen",     "Glenbrook",      "Hillcrest",
    "Ivy House",  "Juniper",     "Lanterns",    "Meadow View", "Orchard House", "Rainbow Bridge", "Starfield"};
constexpr std::array<std::string_view, 6> kAlternative{"Compass",  "Horizons",        "Lighthouse",
                                                       "Pathways", "Stepping Stones", "Bridgeway"};
constexpr std::array<std::string_view, 5> kCollege{"Northgate College", "Riverbank College",
                                                   "Southmoor Sixth Form College", "Westfield College",
                                                   "Eastern Vale College"};
constexpr std::array<std::string_view, 4> kSpecialistCollege{"Aspire Specialist College",
                                                             "Greenways Specialist College", "Hillside Post-16 Centre",
                                                             "Oak Lodge Specialist College"};
constexpr std::array<std::string_view, 16> kEarlyYears{
    "Little Acorns Nursery", "Sunflower Day Nursery", "Tiny Steps Nursery",    "Rainbow Pre-School",
    "Ladybird Nursery",      "Honeypot Day Nursery",  "Caterpillars Nursery",  "Little Owls Pre-School",
    "Dandelion Day Nursery", "Conker Tree Nursery",   "Snapdragon Pre-School", "Bumblebee Nursery",
    "Kite Hill Day Nursery", "Pebbles Pre-School",    "Moonbeam Nursery",      "Tadpoles Day Nursery"};

// Weights are rough: elective home education and council arrangements are the
// bulk of "educated elsewhere" in England's caseload.csv; parents'
// arrangements and online schools are few.
constexpr std::array<std::string_view, 4> kElsewhere{"Elective home education",
                                                     "Education otherwise than at school (council arrangement)",
                                                     "Education arranged by parents", "Brightpath Online School"};
constexpr std::array<double, 4> kElsewhereWeights{4, 5, 1, 0.5};
constexpr std::array<std::string_view, 2> kNeet{"Not in education, employment or training",
                                                "Not in education or training (notice to cease issued)"};
constexpr std::array<double, 2> kNeetWeights{9, 1};
constexpr std::array<std::string_view, 4> kOther{"Awaiting a named setting", "Hospital education service",
                                                 "Not in education (compulsory school age)", "Secure children's home"};
constexpr std::array<double, 4> kOtherWeights{5, 2, 3, 1};

// Royal Mail's inward-code letters leave out C, I, K, M, O and V.
constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& names, Rng& rng) {
  return names[static_cast<std::size_t>(rng.below(N))];
}

std::span<const std::string_view> pool(SettingPool p) {
  switch (p) {
    case SettingPool::primary: return kPrimary;
    case SettingPool::secondary: return kSecondary;
    case SettingPool::special: return kSpecial;
    case SettingPool::alternative: return kAlternative;
    case SettingPool::college: return kCollege;
    case SettingPool::specialist_college: return kSpecialistCollege;
    case SettingPool::early_years: return kEarlyYears;
  }
  return kPrimary;
}

}  // namespace

std::string_view given_name(std::string_view sex, Rng& rng) {
  if (sex == "F") return pick(kFemale, rng);
  if (sex == "M") return pick(kMale, rng);
  return rng.chance(0.5) ? pick(kFemale, rng) : pick(kMale, rng);
}

std::string family_name(Rng& rng) {
  std::string name(pick(kFamilyStart, rng));
  name += pick(kFamilyEnd, rng);
  return name;
}

std::size_t pool_size(SettingPool p) { return pool(p).size(); }

std::string setting_name(SettingPool p, std::size_t index) {
  const auto names = pool(p);
  const std::string base(names[index % names.size()]);
  // Vary the style within a pool the way a real area's list varies.
  switch (p) {
    case SettingPool::primary: {
      static constexpr std::array<std::string_view, 4> styles{" Primary School", " Community Primary School",
                                                              " Church of England Primary School", " Primary Academy"};
      return base + std::string(styles[index % styles.size()]);
    }
    case SettingPool::secondary: {
      static constexpr std::array<std::string_view, 3> styles{" Academy", " High School", " School"};
      return base + std::string(styles[index % styles.size()]);
    }
    case SettingPool::special: {
      static constexpr std::array<std::string_view, 3> styles{" School", " Special School", " Specialist Academy"};
      return base + std::string(styles[index % styles.size()]);
    }
    case SettingPool::alternative: {
      static constexpr std::array<std::string_view, 3> styles{" Pupil Referral Unit", " Learning Centre",
                                                              " Alternative Provision Academy"};
      return base + std::string(styles[index % styles.size()]);
    }
    case SettingPool::college:
    case SettingPool::specialist_college:
    case SettingPool::early_years: return base;
  }
  return base;
}

std::string unit_name(SettingPool school_pool, std::size_t index) {
  return setting_name(school_pool, index) + (index % 2 == 0 ? " (resourced provision)" : " (SEN unit)");
}

std::string_view educated_elsewhere_name(Rng& rng) { return kElsewhere[rng.weighted(kElsewhereWeights)]; }
std::string_view neet_name(Rng& rng) { return kNeet[rng.weighted(kNeetWeights)]; }
std::string_view other_setting_name(Rng& rng) { return kOther[rng.weighted(kOtherWeights)]; }

std::string postcode(char area_letter, int districts, Rng& rng) {
  std::string out = "Q";
  out.push_back(area_letter);
  out += std::to_string(rng.between(1, districts < 1 ? 1 : districts));
  out.push_back(' ');
  out.push_back(static_cast<char>('0' + rng.between(0, 9)));
  out.push_back(kInwardLetters[static_cast<std::size_t>(rng.below(kInwardLetters.size()))]);
  out.push_back(kInwardLetters[static_cast<std::size_t>(rng.below(kInwardLetters.size()))]);
  return out;
}

}  // namespace tandem::demo
