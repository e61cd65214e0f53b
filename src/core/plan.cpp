#include "core/plan.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/need.h"

namespace tandem {

namespace {

constexpr std::array<Section, 4> kSections{Section::F, Section::G, Section::H1, Section::H2};

// The fixed list of categories. The first group always educates (CFA s21(5));
// the therapies may or may not, which each line says (educates_or_trains).
constexpr std::array<ProvisionCategory, 21> kCategories{{
    {"teaching_assistant_support", "Teaching assistant support", true},
    {"specialist_teaching", "Specialist teaching", true},
    {"special_school_place", "Place at a special school", true},
    {"resourced_provision", "Place in resourced provision or an SEN unit", true},
    {"specialist_equipment", "Specialist educational equipment", false},
    {"educational_psychology", "Educational psychology", false},
    {"speech_and_language_therapy", "Speech and language therapy", false},
    {"occupational_therapy", "Occupational therapy", false},
    {"physiotherapy", "Physiotherapy", false},
    {"continence_support", "Continence support", false},
    {"health_equipment", "Health equipment", false},
    {"camhs", "Child and adolescent mental health services", false},
    {"community_nursing", "Community nursing", false},
    {"health_placement", "Residential or in-hospital health placement", false},
    {"continuing_care", "Continuing care", false},
    {"s117_aftercare", "Aftercare under the Mental Health Act 1983 s117", false},
    {"short_breaks", "Short breaks", false},
    {"overnight_short_breaks", "Overnight short breaks", false},
    {"residential_care_placement", "Residential care placement", false},
    {"parenting_support", "Parenting support", false},
    {"transition_support", "Transition support", false},
}};

constexpr std::string_view kSlt = "speech_and_language_therapy";
constexpr std::string_view kContinuingCare = "continuing_care";
constexpr std::string_view kS117 = "s117_aftercare";

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool always_educates(std::string_view category) {
  const auto c = find_provision_category(category);
  return c && c->always_educates;
}

bool educates(const ProvisionLine& line) { return line.educates_or_trains || always_educates(line.category); }

std::string category_label(std::string_view category) {
  const auto c = find_provision_category(category);
  return c ? std::string(c->label) : "\"" + std::string(category) + "\"";
}

std::vector<FundingShare> whole(Agency agency) { return {{agency, kWholeShare}}; }

// The duty each section carries, as the rule text cites it.
std::string_view section_law(Section s) {
  switch (s) {
    case Section::F: return "special educational provision, secured by the council (CFA s42(2))";
    case Section::G: return "health provision, secured by the ICB (CFA s42(3), reg 12(2))";
    case Section::H1:
      return "social care under the Chronically Sick and Disabled Persons Act 1970 s2, secured by the council "
             "(CFA s37(2)(e))";
    case Section::H2: return "other social care, secured by the council under its own powers (CFA s37(2)(f))";
  }
  return "";
}

Agency duty_holder(Section s) {
  switch (s) {
    case Section::F: return Agency::council_education;
    case Section::G: return Agency::icb;
    case Section::H1:
    case Section::H2: return Agency::council_social_care;
  }
  return Agency::council_education;
}

const ResponsibilityRule* find_rule(const ResponsibilityMatrix& matrix, std::string_view category, Section section) {
  for (const auto& r : matrix.rules) {
    if (r.category == category && r.section == section) return &r;
  }
  return nullptr;
}

// The matrix row for provision that does not educate: rows for section F are
// left out (they speak of the same category when it does educate, as in
// Blackpool's table, where therapies sit under both health and education);
// the row for the line's own section wins, else the first.
const ResponsibilityRule* find_non_educational_rule(const ResponsibilityMatrix& matrix, const ProvisionLine& line) {
  const ResponsibilityRule* first = nullptr;
  for (const auto& r : matrix.rules) {
    if (r.category != line.category || r.section == Section::F) continue;
    if (r.section == line.section) return &r;
    if (!first) first = &r;
  }
  return first;
}

std::vector<FundingShare> sorted(std::vector<FundingShare> shares) {
  std::sort(shares.begin(), shares.end(), [](const FundingShare& a, const FundingShare& b) {
    return a.agency != b.agency ? a.agency < b.agency : a.basis_points < b.basis_points;
  });
  return shares;
}

bool same_shares(const std::vector<FundingShare>& a, const std::vector<FundingShare>& b) {
  return sorted(a) == sorted(b);
}

std::string percent(std::int64_t basis_points) {
  std::string out = std::to_string(basis_points / 100);
  if (basis_points % 100 != 0) {
    const auto cents = basis_points % 100;
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    if (cents % 10 != 0) out += static_cast<char>('0' + cents % 10);
  }
  return out + "%";
}

std::string describe_shares(const std::vector<FundingShare>& shares) {
  std::string out;
  for (const auto& s : shares) {
    if (!out.empty()) out += ", ";
    out += std::string(agency_label(s.agency)) + " " + percent(s.basis_points);
  }
  return out;
}

void add(std::map<Agency, Pence>& totals, Agency agency, Pence amount) {
  if (amount.value != 0) totals[agency] += amount;
}

}  // namespace

// ---- Sections and categories ---------------------------------------------------

std::string_view to_string(Section s) {
  switch (s) {
    case Section::F: return "F";
    case Section::G: return "G";
    case Section::H1: return "H1";
    case Section::H2: return "H2";
  }
  return "";
}

std::optional<Section> parse_section(std::string_view s) {
  for (Section x : kSections) {
    if (to_string(x) == s) return x;
  }
  return std::nullopt;
}

std::span<const Section> all_sections() { return kSections; }

bool may_secure(Section section, Agency agency) {
  switch (section) {
    case Section::F: return agency == Agency::council_education;
    // NHS England is the responsible commissioning body for specialised
    // services (CFA s42(4)).
    case Section::G: return agency == Agency::icb || agency == Agency::nhs_england;
    case Section::H1:
    case Section::H2: return agency == Agency::council_social_care;
  }
  return false;
}

std::span<const ProvisionCategory> provision_categories() { return kCategories; }

std::optional<ProvisionCategory> find_provision_category(std::string_view id) {
  for (const auto& c : kCategories) {
    if (c.id == id) return c;
  }
  return std::nullopt;
}

std::optional<Level> parse_level(std::string_view s) {
  for (const Level l : {Level::universal, Level::specialist, Level::highly_specialist}) {
    if (to_string(l) == s) return l;
  }
  return std::nullopt;
}

std::string_view to_string(Level l) {
  switch (l) {
    case Level::universal: return "universal";
    case Level::specialist: return "specialist";
    case Level::highly_specialist: return "highly_specialist";
  }
  return "";
}

// ---- Shares and allocation -----------------------------------------------------

Result<void> validate_shares(std::span<const FundingShare> shares, std::string_view field) {
  const std::string name(field);
  if (shares.empty()) {
    return fail(name, name + " has no shares; give at least one agency and its share, summing to 100%");
  }
  std::int64_t sum = 0;
  std::set<Agency> seen;
  for (const auto& s : shares) {
    if (s.basis_points <= 0) {
      return fail(name, name + " gives " + std::string(agency_label(s.agency)) + " a share of " +
                            percent(s.basis_points) + "; each share must be more than 0%");
    }
    if (!seen.insert(s.agency).second) {
      return fail(name, name + " lists " + std::string(agency_label(s.agency)) + " twice; give each agency once");
    }
    sum += s.basis_points;
  }
  if (sum != kWholeShare) {
    return fail(name, name + " shares sum to " + percent(sum) + " (" + std::to_string(sum) +
                          " basis points); they must sum to exactly 100% (10,000 basis points)");
  }
  return {};
}

Result<std::int32_t> parse_share_percent(std::string_view field, std::string_view text) {
  const auto allowed = [&] {
    return fail(std::string(field),
                "Give the share as a percentage above 0 and at most 100, with at most two "
                "decimal places, like 50 or 33.33");
  };
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '%')) text.remove_suffix(1);
  if (text.empty()) return allowed();
  std::int64_t whole = 0, hundredths = 0;
  int decimals = -1;  // -1 until the point
  for (const char c : text) {
    if (c == '.' && decimals < 0) {
      decimals = 0;
    } else if (c >= '0' && c <= '9') {
      if (decimals < 0) {
        whole = whole * 10 + (c - '0');
        if (whole > 100) return allowed();
      } else {
        if (++decimals > 2) return allowed();
        hundredths += (c - '0') * (decimals == 1 ? 10 : 1);
      }
    } else {
      return allowed();
    }
  }
  const std::int64_t basis_points = whole * 100 + hundredths;
  if (basis_points <= 0 || basis_points > kWholeShare) return allowed();
  return static_cast<std::int32_t>(basis_points);
}

Result<std::vector<Pence>> allocate(Pence total, std::span<const FundingShare> shares) {
  if (auto ok = validate_shares(shares); !ok) return tl::unexpected(ok.error());
  if (total.value < 0) return fail("total", "The amount to split must not be negative");

  // Worked as quotient and remainder of 10,000 so no product can overflow:
  // total * bp / 10,000 = q * bp + r * bp / 10,000, with r * bp < 10^8.
  const std::int64_t q = total.value / kWholeShare;
  const std::int64_t r = total.value % kWholeShare;
  std::vector<Pence> parts;
  std::vector<std::int64_t> fraction;  // the dropped fraction of each part, in 1/10,000 of a penny
  std::int64_t given = 0;
  for (const auto& s : shares) {
    const std::int64_t exact = r * s.basis_points;
    const std::int64_t part = q * s.basis_points + exact / kWholeShare;
    parts.emplace_back(part);
    fraction.push_back(exact % kWholeShare);
    given += part;
  }

  // Largest remainder first; a stable sort keeps ties in the order listed.
  std::vector<std::size_t> order(shares.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return fraction[a] > fraction[b]; });
  std::int64_t left = total.value - given;  // fewer pence than there are shares
  for (std::size_t i = 0; left > 0; ++i, --left) parts[order[i]] += Pence(1);
  return parts;
}

// ---- Responsibility ------------------------------------------------------------

std::string_view to_string(LineFlag f) {
  switch (f) {
    case LineFlag::needs_partner_agreement: return "needs_partner_agreement";
    case LineFlag::sep_in_health_section: return "sep_in_health_section";
    case LineFlag::no_area_rule: return "no_area_rule";
    case LineFlag::split_not_agreed: return "split_not_agreed";
  }
  return "";
}

Proposal propose_responsibility(const ProvisionLine& line, const ResponsibilityMatrix& matrix) {
  Proposal p;
  const std::string label = category_label(line.category);

  // 1 and 2: the law decides the section and who secures; the area may only
  // say who pays.
  const bool is_slt = line.category == kSlt;
  if (educates(line) || is_slt) {
    p.section = Section::F;
    p.securing = Agency::council_education;
    p.rule = educates(line) ? "Educates or trains, so special educational provision (CFA s21(5)): section F, secured "
                              "by the council (CFA s42(2))"
                            : "Speech and language therapy is normally special educational provision, communication "
                              "being central to learning (Code 9.74; R v Lancashire ex p M 1989): section F, secured "
                              "by the council (CFA s42(2))";
    if (const auto* rule = find_rule(matrix, line.category, Section::F)) {
      p.paying = rule->paying;
      p.rule += "; paid " + describe_shares(rule->paying) + " under the area's rule (" + rule->basis + ")";
    } else {
      p.paying = whole(Agency::council_education);
      p.rule += "; paid by the council";
    }
    return p;
  }

  // 3: the area's agreement.
  if (const auto* rule = find_non_educational_rule(matrix, line)) {
    p.section = rule->section;
    p.securing = rule->securing;
    p.paying = rule->paying;
    p.rule = label + " under the area's rule (" + rule->basis + "): section " + std::string(to_string(rule->section)) +
             ", " + std::string(section_law(rule->section)) + "; paid " + describe_shares(rule->paying);
    return p;
  }

  // 4: the law's default, flagged so officers know the area has not agreed it.
  p.flags.push_back(LineFlag::no_area_rule);
  if (line.category == kContinuingCare) {
    p.section = Section::G;
    p.securing = Agency::icb;
    p.paying = whole(Agency::icb);
    p.rule =
        "Continuing care is led by the ICB (NHS Act 2006 s3; National Framework for Children and Young People's "
        "Continuing Care 2016): section G, secured and paid by the ICB; the area has no agreed split";
    return p;
  }
  if (line.category == kS117) {
    // A joint duty: choosing a split here would invent one.
    p.section = Section::G;
    p.securing = Agency::icb;
    p.flags.push_back(LineFlag::split_not_agreed);
    p.rule =
        "Aftercare under the Mental Health Act 1983 s117 is a joint duty of the ICB and the council: section G, "
        "secured by the ICB; the area has no agreed split, so record one with the panel's reason";
    return p;
  }
  p.section = line.section;
  p.securing = duty_holder(line.section);
  p.paying = whole(p.securing);
  p.rule = "Section " + std::string(to_string(line.section)) + ": " + std::string(section_law(line.section)) +
           ", who pays it all; the area has no rule for " + label;
  return p;
}

ProvisionLine apply_proposal(ProvisionLine line, const Proposal& proposal) {
  line.section = proposal.section;
  line.securing = proposal.securing;
  line.paying = proposal.paying;
  line.rule = proposal.rule;
  line.override_reason.reset();
  return line;
}

Result<std::vector<LineFlag>> check_against_proposal(const ProvisionLine& line, const Proposal& proposal) {
  std::vector<FieldError> errors;
  if (educates(line) && line.section != Section::F) {
    errors.push_back({"section",
                      "This provision educates or trains, so it is special educational provision and "
                      "belongs in section F (CFA s21(5)); a reason cannot move it to section " +
                          std::string(to_string(line.section))});
  }
  if (line.securing && !may_secure(line.section, *line.securing)) {
    errors.push_back({"securing", std::string(agency_label(*line.securing)) + " cannot secure provision in section " +
                                      std::string(to_string(line.section)) + ": it is " +
                                      std::string(section_law(line.section))});
  }
  if (!line.paying.empty()) {
    if (auto ok = validate_shares(line.paying); !ok) errors.push_back(ok.error().fields.front());
  }
  if (!errors.empty()) return fail(std::move(errors));

  std::vector<LineFlag> flags = proposal.flags;
  if (!line.securing) return flags;  // not decided yet: nothing to compare

  const bool departs = line.section != proposal.section || *line.securing != proposal.securing ||
                       !same_shares(line.paying, proposal.paying);
  if (!departs) return flags;
  if (!line.override_reason || blank(*line.override_reason)) {
    return fail("override_reason", "This line differs from the proposal (" + proposal.rule +
                                       "); record the reason for the change, for the partners to agree");
  }
  if (!line.paying.empty()) std::erase(flags, LineFlag::split_not_agreed);
  flags.push_back(LineFlag::needs_partner_agreement);
  if (line.category == kSlt && line.section == Section::G) flags.push_back(LineFlag::sep_in_health_section);
  return flags;
}

// ---- Plan validation -----------------------------------------------------------

Result<void> validate_plan(const Plan& plan) {
  std::vector<FieldError> errors;
  const bool is_final = plan.stage == PlanStage::final;
  const auto err = [&](std::string field, std::string message) {
    errors.push_back({std::move(field), std::move(message)});
  };

  // Section B.
  if (plan.needs.primary_need.empty()) {
    if (is_final) err("needs.primary_need", "A final plan needs the primary need in section B (reg 12(1)(b))");
  } else if (!find_need(plan.needs.primary_need)) {
    err("needs.primary_need", "\"" + plan.needs.primary_need + "\" is not a DfE need code, like SLCN or ASD");
  }
  for (std::size_t i = 0; i < plan.needs.secondary_needs.size(); ++i) {
    if (!find_need(plan.needs.secondary_needs[i])) {
      err("needs.secondary_needs[" + std::to_string(i) + "]",
          "\"" + plan.needs.secondary_needs[i] + "\" is not a DfE need code, like SLCN or ASD");
    }
  }

  // Section E: specific, and by when (reg 12(1)(e)).
  std::set<std::string, std::less<>> outcome_ids;
  for (std::size_t i = 0; i < plan.outcomes.size(); ++i) {
    const auto& o = plan.outcomes[i];
    const std::string at = "outcomes[" + std::to_string(i) + "]";
    if (o.id.empty()) {
      err(at + ".id", "Outcome " + std::to_string(i + 1) + " has no id");
    } else if (!outcome_ids.insert(o.id).second) {
      err(at + ".id", "Outcome id \"" + o.id + "\" is used twice; each outcome needs its own");
    }
    if (blank(o.text)) err(at + ".text", "Outcome " + std::to_string(i + 1) + " says nothing; say what is to change");
    if (!o.target_date) {
      err(at + ".target_date", "Outcome " + std::to_string(i + 1) +
                                   " has no target date; an outcome must say by when it should be achieved");
    }
  }

  // Sections F, G, H1 and H2.
  std::set<std::string, std::less<>> line_ids;
  for (std::size_t i = 0; i < plan.provision.size(); ++i) {
    const auto& line = plan.provision[i];
    const std::string at = "provision[" + std::to_string(i) + "]";
    const std::string where = "Line " + std::to_string(i + 1) + " (section " + std::string(to_string(line.section)) +
                              (line.what.empty() ? "" : ", " + line.what) + ")";
    if (line.id.empty()) {
      err(at + ".id", where + " has no id");
    } else if (!line_ids.insert(line.id).second) {
      err(at + ".id", where + ": line id \"" + line.id + "\" is used twice");
    }
    if (!find_provision_category(line.category)) {
      err(at + ".category", where + ": \"" + line.category + "\" is not a provision category Tandem knows");
    }
    if (line.securing && !may_secure(line.section, *line.securing)) {
      err(at + ".securing", where + ": " + std::string(agency_label(*line.securing)) + " cannot secure it; section " +
                                std::string(to_string(line.section)) + " is " + std::string(section_law(line.section)));
    }
    if (!line.paying.empty()) {
      if (auto ok = validate_shares(line.paying, at + ".paying"); !ok) errors.push_back(ok.error().fields.front());
    }
    if (line.annual_cost.value < 0) err(at + ".annual_cost", where + ": the annual cost must not be negative");
    for (const auto& id : line.outcome_ids) {
      if (!outcome_ids.contains(id)) {
        err(at + ".outcome_ids", where + " serves outcome \"" + id + "\", which the plan does not have");
      }
    }
    if (!is_final) continue;
    if (!line.securing) err(at + ".securing", where + " has no agency to secure it; a final plan needs one");
    if (line.paying.empty()) err(at + ".paying", where + " has no paying agencies; a final plan needs them");
    if (line.section == Section::G && !line.icb_agreed) {
      err(at + ".icb_agreed",
          where + " is health provision the ICB has not agreed; section G holds only what it has agreed (reg 12(2))");
    }
  }

  // Section I.
  if (!is_final && plan.placement) {
    err("placement",
        "A draft plan must not name a school or other institution, nor its type (CFA s38(5)), so the family can "
        "ask for the one they prefer first");
  }
  if (is_final && (!plan.placement || !plan.placement->setting_type)) {
    err("placement", "A final plan names the setting and its type, or the type only, in section I (reg 12(1)(i))");
  }

  // Section J: payments for lines the plan has.
  if (plan.personal_budget) {
    for (const auto& id : plan.personal_budget->direct_payment_line_ids) {
      if (!line_ids.contains(id)) {
        err("personal_budget.direct_payment_line_ids",
            "Section J pays for line \"" + id + "\", which the plan does not have");
      }
    }
    for (const auto& id : plan.personal_budget->outcome_ids) {
      if (!outcome_ids.contains(id)) {
        err("personal_budget.outcome_ids", "Section J serves outcome \"" + id + "\", which the plan does not have");
      }
    }
  }

  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

std::vector<std::string> lines_without_outcomes(const Plan& plan) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < plan.provision.size(); ++i) {
    if (plan.provision[i].outcome_ids.empty()) out.push_back("provision[" + std::to_string(i) + "]");
  }
  return out;
}

// ---- Money ---------------------------------------------------------------------

Pence AnnualCosts::total() const {
  Pence sum = school_notional;
  for (const auto& [agency, amount] : by_agency) sum += amount;
  return sum;
}

bool meets_notional_threshold(SettingType type) {
  return type == SettingType::mainstream || type == SettingType::further_education;
}

AnnualCosts annual_cost_by_agency(const Plan& plan, Pence notional_threshold, bool mainstream) {
  AnnualCosts out;
  Pence education_sep;  // the council's education share of section F
  for (const auto& line : plan.provision) {
    const auto parts = allocate(line.annual_cost, line.paying);
    if (!parts) continue;  // validate_plan reports it
    for (std::size_t i = 0; i < line.paying.size(); ++i) {
      const Agency agency = line.paying[i].agency;
      if (line.section == Section::F && agency == Agency::council_education) {
        education_sep += (*parts)[i];
      } else {
        add(out.by_agency, agency, (*parts)[i]);
      }
    }
  }
  // Elements 1 and 2 first, then element 3 (HNF guide; Blackpool seed 9.3).
  const Pence threshold = std::max(notional_threshold, Pence(0));
  out.school_notional = mainstream ? std::min(threshold, education_sep) : Pence(0);
  out.high_needs_top_up = education_sep - out.school_notional;
  add(out.by_agency, Agency::council_education, out.high_needs_top_up);
  return out;
}

AnnualCosts area_annual_cost_by_agency(std::span<const Plan> plans, Pence notional_threshold) {
  AnnualCosts out;
  for (const auto& plan : plans) {
    const bool mainstream =
        plan.placement && plan.placement->setting_type && meets_notional_threshold(*plan.placement->setting_type);
    const AnnualCosts one = annual_cost_by_agency(plan, notional_threshold, mainstream);
    for (const auto& [agency, amount] : one.by_agency) add(out.by_agency, agency, amount);
    out.school_notional += one.school_notional;
    out.high_needs_top_up += one.high_needs_top_up;
  }
  return out;
}

}  // namespace tandem
