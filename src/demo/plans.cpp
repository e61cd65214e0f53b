#include "demo/plans.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <span>
#include <string_view>
#include <utility>

#include "core/need.h"
#include "demo/random.h"

namespace tandem::demo {
namespace {

constexpr std::uint64_t kFinalStream = 0xf1a1000000000000ULL;
constexpr std::uint64_t kDraftStream = 0xd4af700000000000ULL;
constexpr double kPersonalBudget = 0.05;

std::string zero_pad(std::uint64_t n, std::size_t width) {
  std::string s = std::to_string(n);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

// What a line or an outcome is about, so each line serves the outcomes of its
// kind.
enum class Theme { learning, communication, social, wellbeing, physical, health, independence };

// One kind of provision line. `section` is where the generator first puts it;
// propose_responsibility decides where it sits.
struct LineTemplate {
  std::string_view category;
  Section section;
  std::string_view what;
  std::string_view how_much;
  std::string_view how_often;
  std::string_view provider;  // empty: the child's school or setting
  Level level;
  bool educates;
  std::int64_t min_pounds;
  std::int64_t max_pounds;
  Theme theme;
};

constexpr std::string_view kSchool = "";

// ---- Lines by setting: the child's core provision ---------------------------------

constexpr LineTemplate kTaFullTime{
    "teaching_assistant_support",
    Section::F,
    "One-to-one support from a trained teaching assistant in lessons and at unstructured "
    "times",
    "32.5 hours a week",
    "every school day in term time",
    kSchool,
    Level::highly_specialist,
    true,
    16'000,
    20'000,
    Theme::learning};
constexpr LineTemplate kTaPartTime{"teaching_assistant_support",
                                   Section::F,
                                   "Support from a teaching assistant to take part in lessons, in class and in small "
                                   "groups",
                                   "15 hours a week",
                                   "every school day in term time",
                                   kSchool,
                                   Level::specialist,
                                   true,
                                   7'000,
                                   10'000,
                                   Theme::learning};
constexpr LineTemplate kSpecialPlace{"special_school_place",
                                     Section::F,
                                     "A place at a special school, taught in a class of no more than 10 with a teacher "
                                     "and teaching assistants",
                                     "full time",
                                     "every school day",
                                     kSchool,
                                     Level::highly_specialist,
                                     true,
                                     10'000,
                                     25'000,
                                     Theme::learning};
constexpr LineTemplate kResourcedPlace{"resourced_provision",
                                       Section::F,
                                       "A place in the resourced provision, with small-group teaching from a "
                                       "specialist teacher",
                                       "at least half of each day",
                                       "every school day",
                                       kSchool,
                                       Level::specialist,
                                       true,
                                       6'000,
                                       12'000,
                                       Theme::learning};
constexpr LineTemplate kApTeaching{"specialist_teaching",
                                   Section::F,
                                   "Small-group teaching in alternative provision, with a plan to return to school",
                                   "25 hours a week",
                                   "every school day in term time",
                                   kSchool,
                                   Level::specialist,
                                   true,
                                   8'000,
                                   15'000,
                                   Theme::learning};
constexpr LineTemplate kCollegeSupport{"teaching_assistant_support",
                                       Section::F,
                                       "Learning support in college lessons and help to plan independent study",
                                       "12 hours a week",
                                       "in term time",
                                       kSchool,
                                       Level::specialist,
                                       true,
                                       5'000,
                                       12'000,
                                       Theme::independence};
constexpr LineTemplate kEarlyYears{"teaching_assistant_support",
                                   Section::F,
                                   "Key-person support in the setting to join in play and early learning",
                                   "15 hours a week",
                                   "during each session attended",
                                   kSchool,
                                   Level::specialist,
                                   true,
                                   6'000,
                                   12'000,
                                   Theme::communication};
constexpr LineTemplate kTuition{"specialist_teaching",
                                Section::F,
                                "Specialist tuition following an individual learning programme",
                                "5 hours a week",
                                "in term time",
                                "Specialist tuition service",
                                Level::specialist,
                                true,
                                8'000,
                                14'000,
                                Theme::learning};
constexpr LineTemplate kPathwaySupport{"transition_support",
                                       Section::H2,
                                       "A personal adviser to find and start a course, training or supported "
                                       "employment",
                                       "2 hours",
                                       "weekly",
                                       "Preparing for adulthood team",
                                       Level::specialist,
                                       false,
                                       1'500,
                                       3'000,
                                       Theme::independence};

// ---- Lines by need ---------------------------------------------------------------

constexpr LineTemplate kAutismOutreach{"specialist_teaching",
                                       Section::F,
                                       "Advice and modelling for staff from a specialist autism teacher",
                                       "a half-day visit",
                                       "twice a term",
                                       "Autism outreach team",
                                       Level::specialist,
                                       true,
                                       1'000,
                                       2'000,
                                       Theme::learning};
constexpr LineTemplate kSltBlock{"speech_and_language_therapy",
                                 Section::F,
                                 "Speech and language therapy: assessment, targets and a programme delivered by "
                                 "trained staff",
                                 "a block of 6 sessions of 45 minutes",
                                 "twice a year, with a review each term",
                                 "Community speech and language therapy service",
                                 Level::specialist,
                                 false,
                                 2'000,
                                 3'000,
                                 Theme::communication};
constexpr LineTemplate kSltWeekly{"speech_and_language_therapy",
                                  Section::F,
                                  "Individual speech and language therapy from a speech and language therapist",
                                  "45 minutes",
                                  "weekly in term time",
                                  "Community speech and language therapy service",
                                  Level::highly_specialist,
                                  false,
                                  4'000,
                                  5'500,
                                  Theme::communication};
constexpr LineTemplate kSocialGroup{"specialist_teaching",
                                    Section::F,
                                    "A social communication group led by a trained teaching assistant",
                                    "30 minutes",
                                    "twice weekly in term time",
                                    kSchool,
                                    Level::specialist,
                                    true,
                                    1'000,
                                    1'800,
                                    Theme::social};
constexpr LineTemplate kSensoryOt{"occupational_therapy",
                                  Section::G,
                                  "Occupational therapy assessment of sensory needs and a sensory programme",
                                  "an assessment and 4 review visits",
                                  "over the year",
                                  "Children's occupational therapy service",
                                  Level::specialist,
                                  false,
                                  1'200,
                                  2'000,
                                  Theme::health};
constexpr LineTemplate kLanguageGroup{"specialist_teaching",
                                      Section::F,
                                      "Small-group language teaching to build vocabulary and understanding",
                                      "30 minutes",
                                      "three times a week in term time",
                                      kSchool,
                                      Level::specialist,
                                      true,
                                      1'200,
                                      2'000,
                                      Theme::communication};
constexpr LineTemplate kMentoring{"teaching_assistant_support",
                                  Section::F,
                                  "Mentoring with a named learning mentor, and a safe space to go to when needed",
                                  "45 minutes",
                                  "weekly, and when needed",
                                  kSchool,
                                  Level::specialist,
                                  true,
                                  2'500,
                                  4'000,
                                  Theme::wellbeing};
constexpr LineTemplate kCamhs{"camhs",
                              Section::G,
                              "Therapy from the child and adolescent mental health service",
                              "12 sessions of 50 minutes",
                              "weekly, then reviewed",
                              "Child and adolescent mental health service",
                              Level::specialist,
                              false,
                              2'500,
                              4'000,
                              Theme::wellbeing};
constexpr LineTemplate kEpConsultation{"educational_psychology",
                                       Section::F,
                                       "Educational psychology consultation to plan how staff teach and support",
                                       "a half-day consultation",
                                       "once a term",
                                       "Educational psychology service",
                                       Level::specialist,
                                       true,
                                       900,
                                       1'500,
                                       Theme::learning};
constexpr LineTemplate kParenting{"parenting_support",
                                  Section::H2,
                                  "A parenting programme for the family, with a family support worker",
                                  "10 sessions of 2 hours",
                                  "weekly",
                                  "Early help family support team",
                                  Level::specialist,
                                  false,
                                  1'000,
                                  2'000,
                                  Theme::wellbeing};
constexpr LineTemplate kPhysio{"physiotherapy",
                               Section::G,
                               "Physiotherapy: a daily stretching and positioning programme, reviewed by a "
                               "physiotherapist",
                               "1 hour",
                               "every half term, with the programme daily",
                               "Children's physiotherapy service",
                               Level::specialist,
                               false,
                               1'500,
                               2'500,
                               Theme::physical};
constexpr LineTemplate kOtHandwriting{"occupational_therapy",
                                      Section::F,
                                      "Occupational therapy programme for fine-motor skills and recording work in "
                                      "class",
                                      "30 minutes",
                                      "weekly in term time, delivered by trained staff",
                                      "Children's occupational therapy service",
                                      Level::specialist,
                                      true,
                                      1'200,
                                      2'200,
                                      Theme::physical};
constexpr LineTemplate kLearningEquipment{"specialist_equipment",
                                          Section::F,
                                          "Specialist seating and a laptop with assistive software for recording "
                                          "work",
                                          "for the child's own use",
                                          "in every lesson",
                                          kSchool,
                                          Level::specialist,
                                          true,
                                          800,
                                          2'500,
                                          Theme::learning};
constexpr LineTemplate kHealthEquipment{"health_equipment",
                                        Section::G,
                                        "A wheelchair and standing frame, maintained and reviewed as the child grows",
                                        "for the child's own use",
                                        "reviewed every 6 months",
                                        "Wheelchair and equipment service",
                                        Level::specialist,
                                        false,
                                        800,
                                        2'000,
                                        Theme::physical};
constexpr LineTemplate kContinuingCare{"continuing_care",
                                       Section::G,
                                       "A continuing care package: nursing care from trained carers at school and at "
                                       "home",
                                       "20 hours a week",
                                       "every week",
                                       "Children's continuing care team",
                                       Level::highly_specialist,
                                       false,
                                       30'000,
                                       60'000,
                                       Theme::health};
constexpr LineTemplate kNursing{"community_nursing",
                                Section::G,
                                "Nursing care: a care plan for feeding, medication and suction, with staff trained "
                                "by a community nurse",
                                "2 hours",
                                "weekly, and on call",
                                "Children's community nursing team",
                                Level::highly_specialist,
                                false,
                                6'000,
                                10'000,
                                Theme::health};
constexpr LineTemplate kContinence{"continence_support",
                                   Section::G,
                                   "Continence assessment and supplies, with a toileting plan",
                                   "a review",
                                   "every 6 months",
                                   "Children's continence service",
                                   Level::specialist,
                                   false,
                                   400,
                                   900,
                                   Theme::health};
constexpr LineTemplate kShortBreaks{"short_breaks",
                                    Section::H1,
                                    "Short breaks: a weekend activity club with support",
                                    "4 hours",
                                    "every other week",
                                    "Short breaks service",
                                    Level::specialist,
                                    false,
                                    2'000,
                                    4'000,
                                    Theme::social};
constexpr LineTemplate kOvernight{"overnight_short_breaks",
                                  Section::H1,
                                  "Overnight short breaks at a residential short breaks home",
                                  "2 nights",
                                  "each month",
                                  "Short breaks service",
                                  Level::highly_specialist,
                                  false,
                                  9'000,
                                  15'000,
                                  Theme::social};
constexpr LineTemplate kLiteracy{"specialist_teaching",
                                 Section::F,
                                 "A structured, multi-sensory literacy programme from a specialist teacher",
                                 "1 hour",
                                 "weekly in term time",
                                 "Specialist teaching service",
                                 Level::specialist,
                                 true,
                                 1'500,
                                 3'000,
                                 Theme::learning};
constexpr LineTemplate kQtod{"specialist_teaching",
                             Section::F,
                             "Teaching and advice from a qualified teacher of the deaf",
                             "1 hour",
                             "every two weeks in term time",
                             "Sensory support service",
                             Level::specialist,
                             true,
                             1'500,
                             3'000,
                             Theme::communication};
constexpr LineTemplate kRadioAid{"specialist_equipment",
                                 Section::F,
                                 "A radio aid for lessons, checked daily by staff",
                                 "for the child's own use",
                                 "in every lesson",
                                 "Sensory support service",
                                 Level::specialist,
                                 true,
                                 600,
                                 1'500,
                                 Theme::communication};
constexpr LineTemplate kQtvi{"specialist_teaching",
                             Section::F,
                             "Teaching and advice from a qualified teacher of vision impairment, with modified "
                             "materials",
                             "1 hour",
                             "weekly in term time",
                             "Sensory support service",
                             Level::specialist,
                             true,
                             2'000,
                             3'500,
                             Theme::learning};
constexpr LineTemplate kHabilitation{"specialist_teaching",
                                     Section::F,
                                     "Habilitation training to move around school and the community safely",
                                     "45 minutes",
                                     "weekly for two terms",
                                     "Sensory support service",
                                     Level::specialist,
                                     true,
                                     1'500,
                                     2'500,
                                     Theme::independence};
constexpr LineTemplate kIntervenor{"teaching_assistant_support",
                                   Section::F,
                                   "An intervenor trained in multi-sensory impairment to support access to learning",
                                   "32.5 hours a week",
                                   "every school day in term time",
                                   kSchool,
                                   Level::highly_specialist,
                                   true,
                                   17'000,
                                   21'000,
                                   Theme::communication};
constexpr LineTemplate kSmallGroupBasics{"specialist_teaching",
                                         Section::F,
                                         "Small-group teaching in reading, writing and number, at the child's level",
                                         "30 minutes",
                                         "daily in term time",
                                         kSchool,
                                         Level::specialist,
                                         true,
                                         1'500,
                                         2'500,
                                         Theme::learning};
constexpr LineTemplate kTransition{"transition_support",
                                   Section::H2,
                                   "Preparing for adulthood: planning for life after school with a transition worker",
                                   "1 hour",
                                   "each half term",
                                   "Preparing for adulthood team",
                                   Level::specialist,
                                   false,
                                   800,
                                   1'500,
                                   Theme::independence};

// ---- Outcomes, views and needs text ---------------------------------------------

std::span<const std::string_view> outcome_texts(Theme t) {
  static constexpr std::array<std::string_view, 3> learning{
      "To read and understand a short text at the next level, and answer questions about it",
      "To complete a piece of written work independently, using the tools that help",
      "To make expected progress in number work, using number facts to 20 with confidence"};
  static constexpr std::array<std::string_view, 3> communication{
      "To ask for help or a break using words, signs or a symbol card, in most lessons",
      "To follow a two-part instruction in class without needing it repeated",
      "To take part in a short conversation with an adult or friend, taking turns"};
  static constexpr std::array<std::string_view, 3> social{
      "To play or work with a partner for 10 minutes, sharing and taking turns",
      "To have at least one friend to spend break times with",
      "To take part in an after-school or community activity each week"};
  static constexpr std::array<std::string_view, 3> wellbeing{
      "To attend school on at least 9 days in 10, over each half term",
      "To recognise rising anxiety and use a calming strategy, with reminders fading",
      "To stay in lessons for the whole lesson on most days, with fewer exclusions"};
  static constexpr std::array<std::string_view, 3> physical{
      "To move between lessons safely and on time, using walking aids as needed",
      "To sit comfortably and hold a pen or switch well enough to record work",
      "To take part in PE in an adapted way each week"};
  static constexpr std::array<std::string_view, 3> health{
      "To stay well enough to attend school, with the care plan followed every day",
      "To eat and drink safely, with the eating and drinking plan followed at every meal",
      "To use the toilet or tell an adult when needed, with help reducing over the year"};
  static constexpr std::array<std::string_view, 3> independence{
      "To travel to school or college with less adult help, following a travel plan",
      "To manage money for a small purchase in a shop",
      "To choose a course or work placement for next year, and visit it"};
  switch (t) {
    case Theme::learning: return learning;
    case Theme::communication: return communication;
    case Theme::social: return social;
    case Theme::wellbeing: return wellbeing;
    case Theme::physical: return physical;
    case Theme::health: return health;
    case Theme::independence: return independence;
  }
  return learning;
}

constexpr std::array<std::string_view, 10> kInterests{
    "music",     "drawing",        "swimming", "football", "animals",
    "dinosaurs", "computer games", "cooking",  "trains",   "being outdoors",
};
constexpr std::array<std::string_view, 6> kAspirationsYoung{
    "to make friends at school",
    "to read stories by themselves",
    "to go to the park with friends",
    "to be understood by everyone",
    "to learn to swim",
    "to have fun at school every day",
};
constexpr std::array<std::string_view, 6> kAspirationsOlder{
    "to work with animals",      "to go to college",           "to live independently one day",
    "to get a job in a kitchen", "to travel on the bus alone", "to have a part-time job",
};

template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& options, Rng& rng) {
  return options[static_cast<std::size_t>(rng.below(N))];
}

std::string views_text(const DemoChild& d, int age, Rng& rng) {
  const std::string name = d.child.given_name.empty() ? std::string("The child") : d.child.given_name;
  const auto interest = pick(kInterests, rng);
  if (age < 5) {
    return name + "'s family say " + name + " loves " + std::string(interest) + " and they want " + name + " " +
           std::string(pick(kAspirationsYoung, rng)) + ".";
  }
  const auto aspiration = age >= 13 ? pick(kAspirationsOlder, rng) : pick(kAspirationsYoung, rng);
  return name + " enjoys " + std::string(interest) + " and would like " + std::string(aspiration) + ".";
}

std::string health_text(std::string_view need) {
  if (need == "PMLD") return "Complex health needs: epilepsy, gastrostomy feeding and reduced mobility.";
  if (need == "PD") return "A physical disability affecting mobility and fine-motor skills; seen by physiotherapy.";
  if (need == "SEMH") return "Anxiety and low mood; known to the child and adolescent mental health service.";
  if (need == "HI") return "Permanent hearing loss; wears hearing aids, reviewed by audiology.";
  if (need == "VI") return "Vision impairment; under review by the eye clinic.";
  if (need == "ASD") return "Diagnosed autism; sensory sensitivities and disturbed sleep.";
  return "No health needs beyond those described in section B.";
}

bool disabled_child_need(std::string_view need) {
  return need == "PMLD" || need == "SLD" || need == "PD" || need == "MSI" || need == "DS" || need == "ASD";
}

// ---- Choosing the lines ------------------------------------------------------------

bool has_rule(const ResponsibilityMatrix& m, std::string_view category) {
  return std::any_of(m.rules.begin(), m.rules.end(),
                     [&](const ResponsibilityRule& r) { return r.category == category; });
}

std::vector<LineTemplate> choose_lines(const DemoChild& d, SettingType setting, int age,
                                       const ResponsibilityMatrix& matrix, Rng& rng) {
  const std::string& need = d.child.primary_need;
  const bool high = need == "ASD" || need == "PD" || need == "SLD" || need == "PMLD" || need == "MSI" || need == "DS";
  std::vector<LineTemplate> out;

  switch (setting) {
    case SettingType::mainstream: out.push_back(high ? kTaFullTime : kTaPartTime); break;
    case SettingType::mainstream_unit: out.push_back(kResourcedPlace); break;
    case SettingType::special: out.push_back(kSpecialPlace); break;
    case SettingType::ap_pru: out.push_back(kApTeaching); break;
    case SettingType::further_education: out.push_back(kCollegeSupport); break;
    case SettingType::early_years: out.push_back(kEarlyYears); break;
    case SettingType::neet: out.push_back(kPathwaySupport); break;
    case SettingType::educated_elsewhere:
    case SettingType::other: out.push_back(kTuition); break;
  }

  if (need == "ASD") {
    out.push_back(kSltBlock);
    out.push_back(kSocialGroup);
    if (setting != SettingType::special) out.push_back(kAutismOutreach);
    if (rng.chance(0.3)) out.push_back(kSensoryOt);
  } else if (need == "SLCN") {
    out.push_back(rng.chance(0.5) ? kSltWeekly : kSltBlock);
    out.push_back(kLanguageGroup);
  } else if (need == "SEMH") {
    out.push_back(kMentoring);
    out.push_back(kCamhs);
    if (rng.chance(0.5)) out.push_back(kEpConsultation);
    if (rng.chance(0.3)) out.push_back(kParenting);
  } else if (need == "PD") {
    out.push_back(kPhysio);
    out.push_back(kOtHandwriting);
    out.push_back(kLearningEquipment);
    if (rng.chance(0.4)) out.push_back(kHealthEquipment);
  } else if (need == "PMLD") {
    out.push_back(has_rule(matrix, "continuing_care") ? kContinuingCare : kNursing);
    out.push_back(kPhysio);
    out.push_back(kSltBlock);
    out.push_back(kContinence);
  } else if (need == "SLD" || need == "DS") {
    out.push_back(kSltBlock);
    out.push_back(kSmallGroupBasics);
    if (rng.chance(0.4)) out.push_back(kContinence);
  } else if (need == "MLD") {
    out.push_back(kSmallGroupBasics);
    if (rng.chance(0.5)) out.push_back(kEpConsultation);
  } else if (need == "SPLD") {
    out.push_back(kLiteracy);
    out.push_back(kLearningEquipment);
  } else if (need == "HI") {
    out.push_back(kQtod);
    out.push_back(kRadioAid);
    if (rng.chance(0.4)) out.push_back(kSltBlock);
  } else if (need == "VI") {
    out.push_back(kQtvi);
    out.push_back(kHabilitation);
  } else if (need == "MSI") {
    out.push_back(kIntervenor);
    out.push_back(kQtod);
  } else {
    out.push_back(kEpConsultation);
  }

  if (disabled_child_need(need) && age >= 5) {
    if (need == "PMLD" && rng.chance(0.5)) {
      out.push_back(kOvernight);
    } else if (rng.chance(0.35)) {
      out.push_back(kShortBreaks);
    }
  }
  if (age >= 14 && setting != SettingType::neet && rng.chance(0.4)) out.push_back(kTransition);
  return out;
}

std::int64_t cost_in_pounds(const LineTemplate& t, Rng& rng) {
  const auto steps = static_cast<std::uint64_t>((t.max_pounds - t.min_pounds) / 100);
  return t.min_pounds + 100 * static_cast<std::int64_t>(rng.below(steps + 1));
}

// Running numbers for ids, shared by all the area's plans.
struct Counters {
  std::uint64_t plans = 0;
  std::uint64_t lines = 0;
};

SettingType current_setting(const DemoChild& d) {
  return d.placements.empty() || d.placements.back().end_date ? SettingType::other : d.placements.back().setting_type;
}

bool names_an_institution(SettingType t) {
  return t != SettingType::neet && t != SettingType::educated_elsewhere && t != SettingType::other;
}

Plan build_plan(const DemoChild& d, PlanStage stage, const Assessment* source, const ResponsibilityMatrix& matrix,
                const PlanOptions& o, Counters& counters, Rng& rng) {
  const bool is_final = stage == PlanStage::final;
  const int age = age_on(d.child.date_of_birth, o.today);
  const SettingType setting = current_setting(d);

  Plan plan;
  plan.id = o.id_prefix + "p-" + zero_pad(++counters.plans, 6);
  plan.child_id = d.child.id;
  plan.stage = stage;

  // A and B.
  plan.views = views_text(d, age, rng);
  plan.needs.primary_need = d.child.primary_need;
  for (const auto& s : d.needs) {
    if (find_need(s.code)) plan.needs.secondary_needs.push_back(s.code);
  }
  const auto primary = find_need(d.child.primary_need);
  plan.needs.text = primary ? std::string(primary->name) + " (" + std::string(primary->broad_area) +
                                  "), as described in the advice in section K."
                            : std::string("As described in the advice in section K.");

  // C and D.
  plan.health_needs = health_text(d.child.primary_need);

  // E to H: an outcome for each theme the lines serve (2 to 4 of them), and
  // each line linked to its theme's outcome (the first outcome if its theme
  // did not make the cut).
  const auto templates = choose_lines(d, setting, age, matrix, rng);
  std::vector<Theme> themes;
  for (const auto& t : templates) {
    if (std::find(themes.begin(), themes.end(), t.theme) == themes.end()) themes.push_back(t.theme);
  }
  const auto wanted = static_cast<std::size_t>(rng.between(2, 4));
  if (themes.size() > wanted) themes.resize(wanted);
  for (const Theme extra : {Theme::independence, Theme::learning, Theme::social}) {
    if (themes.size() >= 2) break;
    if (std::find(themes.begin(), themes.end(), extra) == themes.end()) themes.push_back(extra);
  }
  std::map<Theme, std::string> outcome_of;
  for (std::size_t i = 0; i < themes.size(); ++i) {
    const auto texts = outcome_texts(themes[i]);
    Outcome out;
    out.id = plan.id + "-o" + std::to_string(i + 1);
    out.text = std::string(texts[static_cast<std::size_t>(rng.below(texts.size()))]);
    out.target_date = o.today + std::chrono::days{rng.between(365, 730)};
    outcome_of.emplace(themes[i], out.id);
    plan.outcomes.push_back(std::move(out));
  }

  const std::string school = is_final && names_an_institution(setting) && !d.child.setting_name.empty()
                                 ? d.child.setting_name
                                 : std::string("The school or setting");
  bool social_care = false;
  for (const auto& t : templates) {
    ProvisionLine line;
    line.section = t.section;
    line.category = std::string(t.category);
    line.what = std::string(t.what);
    line.how_much = std::string(t.how_much);
    line.how_often = std::string(t.how_often);
    line.provider.name = t.provider.empty() ? school : std::string(t.provider);
    line.level = t.level;
    line.educates_or_trains = t.educates;
    line.annual_cost = Pence::from_pounds(cost_in_pounds(t, rng));
    const auto linked = outcome_of.find(t.theme);
    line.outcome_ids.push_back(linked == outcome_of.end() ? plan.outcomes.front().id : linked->second);
    const Proposal p = propose_responsibility(line, matrix);
    if (p.paying.empty()) continue;  // a split the area has not agreed: not invented here
    line = apply_proposal(std::move(line), p);
    line.id = o.id_prefix + "pl-" + zero_pad(++counters.lines, 7);
    line.icb_agreed = is_final && line.section == Section::G;
    if (line.section == Section::H1 || line.section == Section::H2) social_care = true;
    plan.provision.push_back(std::move(line));
  }

  plan.social_care_needs = d.child.looked_after ? "Looked after by the council; the care plan sets out the care."
                           : social_care        ? "Needs support from social care, set out in section H."
                                                : "No social care needs identified in the assessment.";

  // I: the current setting; a draft names none (CFA s38(5)).
  if (is_final) {
    PlacementSection placement;
    placement.setting_type = setting;
    if (names_an_institution(setting) && !d.child.setting_name.empty()) {
      placement.setting_name = d.child.setting_name;
      placement.urn = d.child.setting_urn;
      placement.ukprn = d.child.setting_ukprn;
    }
    plan.placement = std::move(placement);
  }

  // J: direct payments for one line other than a place.
  if (rng.chance(kPersonalBudget)) {
    const ProvisionLine* paid = nullptr;
    for (const auto& line : plan.provision) {
      if (line.category == "special_school_place" || line.category == "resourced_provision") continue;
      if (!paid || line.section == Section::H1 || line.section == Section::H2) paid = &line;
      if (line.section == Section::H1 || line.section == Section::H2) break;
    }
    if (paid) {
      PersonalBudgetSection budget;
      budget.direct_payment_line_ids.push_back(paid->id);
      budget.outcome_ids = paid->outcome_ids;
      budget.text = "The family receive direct payments for \"" + paid->what +
                    "\" and arrange it themselves, with help from the council's direct payments team.";
      plan.personal_budget = std::move(budget);
    }
  }

  // K: the advice gathered in the assessment.
  if (source) {
    for (const auto& v : source->advice) {
      if (!v.received_on) continue;
      plan.advice.push_back(
          {v.id, std::string(advice_kind_label(v.kind)) + " advice, " + format_date_long(*v.received_on)});
    }
  }
  return plan;
}

}  // namespace

std::vector<Plan> generate_plans(const DemoArea& area, const std::vector<Assessment>& assessments,
                                 const ResponsibilityMatrix& matrix, const PlanOptions& o) {
  // The assessment behind each plan: the latest finished one for a final
  // plan, the open one with its draft served for a draft.
  std::map<std::string, const Assessment*> finished;
  std::map<std::string, const Assessment*> drafted;
  for (const auto& a : assessments) {
    const auto stage = stage_of(a);
    if (stage == AssessmentStage::final_issued) {
      auto& slot = finished[a.child_id];
      if (!slot || slot->final_issued_on <= a.final_issued_on) slot = &a;
    } else if (stage == AssessmentStage::draft_issued) {
      drafted.emplace(a.child_id, &a);
    }
  }

  std::vector<Plan> plans;
  Counters counters;
  for (std::size_t i = 0; i < area.children.size(); ++i) {
    const DemoChild& d = area.children[i];
    if (d.child.plan_status == PlanStatus::ehc_plan) {
      const auto it = finished.find(d.child.id);
      Rng rng(mix64(o.seed, mix64(kFinalStream, i)));
      plans.push_back(
          build_plan(d, PlanStage::final, it == finished.end() ? nullptr : it->second, matrix, o, counters, rng));
    }
    if (const auto it = drafted.find(d.child.id); it != drafted.end()) {
      Rng rng(mix64(o.seed, mix64(kDraftStream, i)));
      plans.push_back(build_plan(d, PlanStage::draft, it->second, matrix, o, counters, rng));
    }
  }
  return plans;
}

}  // namespace tandem::demo
