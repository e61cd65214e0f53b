#include "profile/area_profiles.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "profile/detail/files.h"
#include "profile/detail/school_terms_reader.h"
#include "profile/detail/toml_reader.h"

namespace tandem {

namespace {

using profile_detail::Need;
using profile_detail::Problems;
using profile_detail::TableReader;

// The DfE code reserved for made-up areas; no real local authority has it.
constexpr std::string_view kFictionalLaCode = "999";
constexpr std::string_view kEngland = "Europe/London";

// English regions as DfE statistics name them (region_name in caseload.csv).
constexpr std::array<std::string_view, 9> kRegions{
    "North East",    "North West",    "Yorkshire and The Humber",
    "East Midlands", "West Midlands", "East of England",
    "London",        "South East",    "South West",
};

constexpr std::array<std::string_view, 2> kNonWorkingDayRules{"next_working_day", "same_day"};

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_id(std::string_view s) {
  if (s.empty() || s.front() < 'a' || s.front() > 'z') return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::vector<std::string_view> role_ids() {
  std::vector<std::string_view> out;
  for (Role r : all_roles()) out.push_back(to_string(r));
  return out;
}

std::vector<std::string_view> agency_ids() {
  std::vector<std::string_view> out;
  for (Agency a : all_agencies()) out.push_back(to_string(a));
  return out;
}

template <std::size_t N>
std::vector<std::string_view> as_list(const std::array<std::string_view, N>& items) {
  return {items.begin(), items.end()};
}

// "17:00" on the 24-hour clock.
std::optional<std::chrono::minutes> parse_clock_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':' || !all_digits(s.substr(0, 2)) || !all_digits(s.substr(3, 2))) return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return std::chrono::hours{h} + std::chrono::minutes{m};
}

std::string format_clock_time(std::chrono::minutes t) {
  const auto h = t.count() / 60;
  const auto m = t.count() % 60;
  std::string out;
  out += static_cast<char>('0' + h / 10);
  out += static_cast<char>('0' + h % 10);
  out += ':';
  out += static_cast<char>('0' + m / 10);
  out += static_cast<char>('0' + m % 10);
  return out;
}

std::string count(std::size_t n, std::string_view thing) {
  return std::to_string(n) + " " + std::string(thing) + (n == 1 ? "" : "s");
}

void read_identity(Problems& problems, TableReader& top, AreaProfile& area) {
  if (auto id = top.text("id", "id = \"halton\"", Need::required)) {
    if (is_id(id->value)) {
      area.id = id->value;
    } else {
      reject(problems, *id,
             "is not a usable id; use lower-case letters, digits and _, starting with a letter, like \"halton\"");
    }
  }
  if (auto name = top.text("name", "name = \"Halton\"", Need::required)) area.name = name->value;

  const auto fictional = top.boolean("fictional", "fictional = true", Need::optional);
  area.fictional = fictional && fictional->value;

  if (auto la = top.text("la_code", "la_code = \"876\"", Need::required)) {
    if (la->value.size() != 3 || !all_digits(la->value)) {
      reject(problems, *la, "is not a DfE local authority number; it has three digits, like \"876\" for Halton");
    } else if (la->value == kFictionalLaCode && !area.fictional) {
      reject(problems, *la, "is kept for made-up areas; a real area uses its DfE number, or add fictional = true");
    } else if (la->value != kFictionalLaCode && area.fictional) {
      reject(problems, *la, "belongs to a real area; a fictional area uses \"999\"");
    } else {
      area.la_code = la->value;
    }
  }

  if (auto ons = top.text("ons_code", "ons_code = \"E06000006\"", Need::required)) {
    if (ons->value.size() != 9 || ons->value[0] != 'E' || !all_digits(std::string_view(ons->value).substr(1))) {
      reject(problems, *ons, "is not an ONS code for an English area; it is E and eight digits, like \"E06000006\"");
    } else {
      area.ons_code = ons->value;
    }
  }

  if (auto region = top.text("region", "region = \"North West\"", Need::required)) {
    if (std::find(kRegions.begin(), kRegions.end(), region->value) == kRegions.end()) {
      reject(problems, *region, "is not an English region; allowed: " + profile_detail::join(as_list(kRegions)));
    } else {
      area.region = region->value;
    }
  }

  const auto calibrate = top.text("calibrate_from", "calibrate_from = \"356\"", Need::optional);
  if (calibrate) {
    if (!area.fictional) {
      reject(problems, *calibrate, "is only for a fictional area (fictional = true); a real area has its own figures");
    } else if (calibrate->value.size() != 3 || !all_digits(calibrate->value) || calibrate->value == kFictionalLaCode) {
      reject(problems, *calibrate, "must be the three-digit DfE number of a real area, like \"356\"");
    } else {
      area.calibrate_from = calibrate->value;
    }
  } else if (area.fictional) {
    problems.add("calibrate_from", 1,
                 "calibrate_from is missing; a fictional area must say whose published figures it copies, like "
                 "calibrate_from = \"356\"");
  }
}

void read_partners(Problems& problems, TableReader& top, AreaProfile& area) {
  const auto partners = top.tables("partners", "[[partners]] with id, agency and name", Need::required);
  if (!partners) return;
  std::set<std::string, std::less<>> ids;
  for (const auto& sub : *partners) {
    TableReader t(problems, *sub.table, sub.path, sub.line);
    Partner p{};
    bool ok = true;
    if (auto id = t.text("id", "id = \"icb\"", Need::required)) {
      if (!is_id(id->value)) {
        reject(problems, *id, "is not a usable id; use lower-case letters, digits and _, like \"icb\"");
        ok = false;
      } else if (!ids.insert(id->value).second) {
        reject(problems, *id, "is used by an earlier partner; each partner needs its own id");
        ok = false;
      } else {
        p.id = id->value;
      }
    } else {
      ok = false;
    }
    if (auto agency = t.text("agency", "agency = \"icb\"", Need::required)) {
      if (auto a = parse_agency(agency->value)) {
        p.agency = *a;
      } else {
        reject(problems, *agency, "is not an agency; allowed: " + profile_detail::join(agency_ids()));
        ok = false;
      }
    } else {
      ok = false;
    }
    if (auto name = t.text("name", "name = \"NHS Cheshire and Merseyside ICB\"", Need::required)) {
      p.name = name->value;
    } else {
      ok = false;
    }
    if (auto formerly =
            t.text_list("formerly", "formerly = [\"Halton NHS Clinical Commissioning Group\"]", Need::optional)) {
      for (auto& f : *formerly) p.formerly.push_back(std::move(f.value));
    }
    t.finish();
    if (ok) area.partners.push_back(std::move(p));
  }

  // The statutory partners for joint commissioning (Children and Families Act
  // 2014 s26): the council for education and for social care, and the ICB.
  const std::uint32_t line = partners->empty() ? top.line() : partners->front().line;
  for (Agency needed : {Agency::council_education, Agency::council_social_care, Agency::icb}) {
    const bool present = std::any_of(partners->begin(), partners->end(), [&](const TableReader::Sub& s) {
      const toml::node* a = s.table->get("agency");
      return a && a->is_string() && a->as_string()->get() == to_string(needed);
    });
    if (!present) {
      problems.add("partners", line,
                   "partners has no " + std::string(to_string(needed)) +
                       " partner; every area needs council_education, council_social_care and at least one icb "
                       "(Children and Families Act 2014 s26)");
    }
  }
}

void read_roles(Problems& problems, TableReader& top, AreaProfile& area) {
  const auto roles = top.tables("roles", "[[roles]] with id = \"caseworker\"", Need::required);
  if (!roles) return;
  std::set<Role> seen;
  for (const auto& sub : *roles) {
    TableReader t(problems, *sub.table, sub.path, sub.line);
    const auto id = t.text("id", "id = \"caseworker\"", Need::required);
    const auto local = t.text("local_name", "local_name = \"SEN officer\"", Need::optional);
    t.finish();
    if (!id) continue;
    const auto role = parse_role(id->value);
    if (!role) {
      reject(problems, *id, "is not a role; allowed: " + profile_detail::join(role_ids()));
      continue;
    }
    if (!seen.insert(*role).second) {
      reject(problems, *id, "is listed twice; give each role once");
      continue;
    }
    area.roles.push_back({*role, local ? std::optional<std::string>(local->value) : std::nullopt});
  }
}

void read_receipt(Problems& problems, TableReader& top, AreaProfile& area) {
  const auto sub =
      top.table("receipt", "[receipt] with cut_off, on_non_working_day, time_zone, confirmed_by_area", Need::required);
  if (!sub) return;
  TableReader t(problems, *sub->table, sub->path, sub->line);
  if (auto cut = t.text("cut_off", "cut_off = \"17:00\"", Need::optional)) {
    if (auto time = parse_clock_time(cut->value)) {
      area.receipt.cut_off = *time;
    } else {
      reject(problems, *cut, "is not a time; write it as HH:MM on the 24-hour clock, like \"17:00\"");
    }
  }
  if (auto rule = t.text("on_non_working_day", "on_non_working_day = \"next_working_day\"", Need::required)) {
    if (rule->value == "next_working_day") {
      area.receipt.on_non_working_day = NonWorkingDayReceipt::next_working_day;
    } else if (rule->value == "same_day") {
      area.receipt.on_non_working_day = NonWorkingDayReceipt::same_day;
    } else {
      reject(problems, *rule,
             "is not a rule Tandem knows; allowed: " + profile_detail::join(as_list(kNonWorkingDayRules)));
    }
  }
  if (auto zone = t.text("time_zone", "time_zone = \"Europe/London\"", Need::required)) {
    if (zone->value != kEngland) {
      reject(problems, *zone, "is not England's time zone; allowed: Europe/London");
    } else {
      area.receipt.time_zone = zone->value;
    }
  }
  if (auto confirmed = t.boolean("confirmed_by_area", "confirmed_by_area = false", Need::required)) {
    area.receipt.confirmed_by_area = confirmed->value;
  }
  t.finish();
}

std::vector<std::string> read_names(Problems& problems, TableReader& top, std::string_view key,
                                    std::string_view example) {
  std::vector<std::string> out;
  const auto names = top.text_list(key, example, Need::optional);
  if (!names) return out;
  for (const auto& n : *names) {
    if (std::find(out.begin(), out.end(), n.value) != out.end()) {
      reject(problems, n, "is listed twice");
      continue;
    }
    out.push_back(n.value);
  }
  return out;
}

// ---- [contacts] ----------------------------------------------------------------
// Each service is its own optional table, [contacts.mediation],
// [contacts.disagreement_resolution], [contacts.information_advice_support],
// [contacts.send_team] and [contacts.local_offer], with a name and
// at least one of phone, email and web. A made-up area may only use contact
// details reserved for fiction, and a real area may never use them, so a demo
// letter can never send a family to a real number, and a real letter never to
// a made-up one.

// Ofcom keeps 01632 960000 to 960999 for drama; RFC 2606 keeps ".example".
constexpr std::string_view kDramaPhonePrefix = "01632960";
constexpr std::string_view kReservedDomain = ".example";

struct ContactKey {
  std::string_view key;
  std::optional<Contact> Contacts::*member;
  std::string_view example_name;
};

constexpr std::array<ContactKey, 5> kContactKeys{{
    {"mediation", &Contacts::mediation, "name = \"Tandem Demo Mediation Service\""},
    {"disagreement_resolution", &Contacts::disagreement_resolution,
     "name = \"Tandem Demo Disagreement Resolution Service\""},
    {"information_advice_support", &Contacts::information_advice_support, "name = \"Tandem Demo SENDIASS\""},
    {"send_team", &Contacts::send_team, "name = \"Tandem Demo SEND Team\""},
    {"local_offer", &Contacts::local_offer, "name = \"Tandem Demo Local Offer\""},
}};

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// A UK number as a family would dial it: digits and spaces, starting 0 with 10
// or 11 digits, or +44 and then 10 digits.
bool is_uk_phone(std::string_view s) {
  std::string_view rest = s;
  const bool international = rest.starts_with("+44");
  if (international) rest.remove_prefix(3);
  if (!std::all_of(rest.begin(), rest.end(), [](char c) { return (c >= '0' && c <= '9') || c == ' '; })) return false;
  const std::string d = digits_of(rest);
  if (international) return d.size() == 10 && d.front() != '0';
  return (d.size() == 10 || d.size() == 11) && d.front() == '0';
}

bool is_drama_phone(std::string_view s) {
  std::string d = digits_of(s);
  if (s.starts_with("+44")) d = "0" + d.substr(2);
  return d.size() == 11 && d.starts_with(kDramaPhonePrefix);
}

bool has_space(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// A host name with at least one dot, not starting or ending with one.
bool is_host(std::string_view h) {
  return !h.empty() && h.find('.') != std::string_view::npos && h.front() != '.' && h.back() != '.' &&
         h.find("..") == std::string_view::npos && !has_space(h) && h.find('@') == std::string_view::npos;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The host of an email address, or empty when it is not one.
std::string email_host(std::string_view s) {
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos || has_space(s)) {
    return "";
  }
  const std::string_view host = s.substr(at + 1);
  return is_host(host) ? lower(host) : "";
}

// The host of a web address written with or without https://, or empty.
std::string web_host(std::string_view s) {
  if (has_space(s)) return "";
  std::string_view rest = s;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else if (rest.find("://") != std::string_view::npos) {
    return "";
  }
  const std::string_view host = rest.substr(0, rest.find('/'));
  return is_host(host) ? lower(host) : "";
}

bool is_reserved_host(std::string_view host) {
  return host == kReservedDomain.substr(1) || host.ends_with(kReservedDomain);
}

std::optional<Contact> read_contact(Problems& problems, TableReader& contacts, const ContactKey& which,
                                    bool fictional) {
  const std::string example = "[contacts." + std::string(which.key) + "] with name and phone, email or web";
  const auto sub = contacts.table(which.key, example, Need::optional);
  if (!sub) return std::nullopt;
  TableReader t(problems, *sub->table, sub->path, sub->line);
  Contact c;
  bool ok = true;
  if (auto name = t.text("name", which.example_name, Need::required)) {
    c.name = name->value;
  } else {
    ok = false;
  }

  const std::string_view fiction_rule =
      fictional ? "is a real-looking contact; a fictional area uses only contacts kept for "
                  "fiction: 01632 960000 to 01632 960999 and addresses ending .example"
                : "is kept for fiction (Ofcom's drama numbers, the .example domain); a real "
                  "area gives the contact it publishes";
  if (auto phone = t.text("phone", "phone = \"01632 960001\"", Need::optional)) {
    if (!is_uk_phone(phone->value)) {
      reject(problems, *phone, "is not a UK phone number; write it with digits and spaces, like \"01632 960001\"");
      ok = false;
    } else if (is_drama_phone(phone->value) != fictional) {
      reject(problems, *phone, fiction_rule);
      ok = false;
    } else {
      c.phone = phone->value;
    }
  }
  if (auto email = t.text("email", "email = \"mediation@tandem-demo.example\"", Need::optional)) {
    const std::string host = email_host(email->value);
    if (host.empty()) {
      reject(problems, *email, "is not an email address; write it like \"mediation@tandem-demo.example\"");
      ok = false;
    } else if (is_reserved_host(host) != fictional) {
      reject(problems, *email, fiction_rule);
      ok = false;
    } else {
      c.email = email->value;
    }
  }
  if (auto web = t.text("web", "web = \"https://mediation.tandem-demo.example\"", Need::optional)) {
    const std::string host = web_host(web->value);
    if (host.empty()) {
      reject(problems, *web,
             "is not a web address; write it like \"https://mediation.tandem-demo.example\" or "
             "\"www.essentialmediation.co.uk\"");
      ok = false;
    } else if (is_reserved_host(host) != fictional) {
      reject(problems, *web, fiction_rule);
      ok = false;
    } else {
      c.web = web->value;
    }
  }
  const bool reachable = sub->table->contains("phone") || sub->table->contains("email") || sub->table->contains("web");
  if (!reachable) {
    problems.add(sub->path, sub->line,
                 sub->path + " gives no way to reach " + (c.name.empty() ? "the service" : c.name) +
                     "; add at least one of phone, email and web, like phone = \"01632 960001\"");
    ok = false;
  }
  t.finish();
  if (!ok) return std::nullopt;
  return c;
}

void read_contacts(Problems& problems, TableReader& top, AreaProfile& area) {
  const auto sub = top.table("contacts",
                             "[contacts.mediation], [contacts.disagreement_resolution], "
                             "[contacts.information_advice_support], [contacts.send_team] or [contacts.local_offer]",
                             Need::optional);
  if (!sub) return;
  TableReader t(problems, *sub->table, sub->path, sub->line);
  for (const auto& which : kContactKeys) area.contacts.*which.member = read_contact(problems, t, which, area.fictional);
  t.finish();
}

// ---- [[responsibility]] ---------------------------------------------------------
// The area's responsibility matrix, one table per provision category and
// section:
//
//   [[responsibility]]
//   category = "continuing_care"
//   section = "G"
//   securing = "icb"
//   paying = [
//     { agency = "council_social_care", share_percent = 50 },
//     { agency = "icb", share_percent = 50 },
//   ]
//   basis = "seed 003, forums table: Continuing Care Panel"
//
// The law is checked here too, so a profile cannot give section F to the ICB
// to secure (CFA s42(2)), and shares must sum to exactly 100%.

std::vector<std::string_view> category_ids() {
  std::vector<std::string_view> out;
  for (const auto& c : provision_categories()) out.push_back(c.id);
  return out;
}

std::vector<std::string_view> section_ids() {
  std::vector<std::string_view> out;
  for (Section s : all_sections()) out.push_back(to_string(s));
  return out;
}

std::uint32_t line_of(const toml::node& n, std::uint32_t fallback) {
  const auto l = n.source().begin.line;
  return l == 0 ? fallback : l;
}

// "50", "33.33": basis points shown as a percentage.
std::string show_percent(std::int64_t basis_points) {
  std::string out = std::to_string(basis_points / 100);
  const auto hundredths = basis_points % 100;
  if (hundredths != 0) {
    out += '.';
    out += static_cast<char>('0' + hundredths / 10);
    if (hundredths % 10 != 0) out += static_cast<char>('0' + hundredths % 10);
  }
  return out;
}

// A percentage written as a whole number (50) or with at most two decimal
// places (33.33), as basis points; nothing if it is not such a number.
std::optional<std::int32_t> percent_as_basis_points(const toml::node& n) {
  if (const auto* i = n.as_integer()) {
    const std::int64_t v = i->get();
    if (v < 0 || v > 100) return std::nullopt;
    return static_cast<std::int32_t>(v * 100);
  }
  if (const auto* f = n.as_floating_point()) {
    const double v = f->get();
    if (!(v >= 0.0 && v <= 100.0)) return std::nullopt;
    const double scaled = v * 100.0;
    const auto bp = static_cast<std::int32_t>(std::lround(scaled));
    // More than two decimal places does not survive the round trip.
    const double diff = scaled - static_cast<double>(bp);
    if (diff > 1e-6 || diff < -1e-6) return std::nullopt;
    return bp;
  }
  return std::nullopt;
}

// One { agency, share_percent } entry. share_percent is a number, which the
// text-only TableReader does not read, so this entry checks its own keys,
// worded as TableReader words them.
std::optional<FundingShare> read_share(Problems& problems, const TableReader::Sub& sub) {
  constexpr std::string_view kExample = "share_percent = 50";
  std::optional<FundingShare> out;
  TableReader t(problems, *sub.table, sub.path, sub.line);
  const auto agency = t.text("agency", "agency = \"icb\"", Need::required);
  std::optional<Agency> a;
  if (agency) {
    a = parse_agency(agency->value);
    if (!a) reject(problems, *agency, "is not an agency; allowed: " + profile_detail::join(agency_ids()));
  }
  const std::string share_path = sub.path + ".share_percent";
  std::optional<std::int32_t> bp;
  if (const toml::node* n = sub.table->get("share_percent")) {
    bp = percent_as_basis_points(*n);
    if (!bp) {
      std::string found = "something else";
      if (const auto* text = n->as_string()) {
        found = "text \"" + text->get() + "\"";
      } else if (n->is_integer() || n->is_floating_point()) {
        found = "a number outside 0 to 100, or with more than two decimal places";
      }
      problems.add(share_path, line_of(*n, sub.line),
                   share_path +
                       " must be a percentage from 0 to 100 without quotes or % sign, with at most two "
                       "decimal places, like " +
                       std::string(kExample) + "; found " + found);
    }
  } else {
    problems.add(share_path, sub.line, share_path + " is missing; add a line like " + std::string(kExample));
  }
  for (const auto& [k, v] : *sub.table) {
    const std::string_view key = k.str();
    if (key == "agency" || key == "share_percent") continue;
    const auto kl = k.source().begin.line;
    problems.add(
        sub.path + "." + std::string(key), kl != 0 ? kl : line_of(v, sub.line),
        sub.path + "." + std::string(key) + " is not a known key; allowed in " + sub.path + ": agency, share_percent");
  }
  if (a && bp) out = FundingShare{*a, *bp};
  return out;
}

void read_responsibility(Problems& problems, TableReader& top, AreaProfile& area) {
  const auto rows = top.tables("responsibility",
                               "[[responsibility]] with category, section, securing, paying and basis", Need::optional);
  if (!rows) return;
  for (const auto& sub : *rows) {
    TableReader t(problems, *sub.table, sub.path, sub.line);
    ResponsibilityRule rule;
    bool ok = true;

    const auto category = t.text("category", "category = \"continuing_care\"", Need::required);
    if (category && find_provision_category(category->value)) {
      rule.category = category->value;
    } else {
      if (category) {
        reject(problems, *category,
               "is not a provision category Tandem knows; allowed: " + profile_detail::join(category_ids()));
      }
      ok = false;
    }

    const auto section = t.text("section", "section = \"G\"", Need::required);
    // A plain flag beside rule.section, not an optional: GCC 12 at -O2 warns
    // that an optional read later in the loop may be uninitialised.
    bool have_section = false;
    if (const auto parsed = section ? parse_section(section->value) : std::nullopt) {
      rule.section = *parsed;
      have_section = true;
    } else {
      if (section) {
        reject(problems, *section,
               "is not a section of a plan that holds provision; allowed: " + profile_detail::join(section_ids()));
      }
      ok = false;
    }

    const auto securing = t.text("securing", "securing = \"icb\"", Need::required);
    const auto parsed_securing = securing ? parse_agency(securing->value) : std::nullopt;
    if (securing && !parsed_securing) {
      reject(problems, *securing, "is not an agency; allowed: " + profile_detail::join(agency_ids()));
      ok = false;
    } else if (parsed_securing && have_section && !may_secure(rule.section, *parsed_securing)) {
      // The law fixes who secures each section (CFA s42, s37(2)); only who
      // pays is for local agreement.
      std::vector<std::string_view> allowed;
      for (Agency a : all_agencies()) {
        if (may_secure(rule.section, a)) allowed.push_back(to_string(a));
      }
      reject(problems, *securing,
             "cannot secure provision in section " + section->value +
                 " (Children and Families Act 2014 s42, s37(2)); allowed: " + profile_detail::join(allowed));
      ok = false;
    } else if (parsed_securing) {
      rule.securing = *parsed_securing;
    } else {
      ok = false;
    }

    const auto paying = t.tables("paying", "paying = [{ agency = \"icb\", share_percent = 100 }]", Need::required);
    if (paying) {
      std::int64_t sum = 0;
      bool shares_ok = true;
      std::set<Agency> seen;
      for (const auto& share_sub : *paying) {
        const auto share = read_share(problems, share_sub);
        if (!share) {
          shares_ok = false;
          continue;
        }
        if (!seen.insert(share->agency).second) {
          problems.add(share_sub.path + ".agency", share_sub.line,
                       share_sub.path + ".agency = \"" + std::string(to_string(share->agency)) +
                           "\" is listed twice; give each agency once");
          shares_ok = false;
          continue;
        }
        sum += share->basis_points;
        rule.paying.push_back(*share);
      }
      const std::string path = sub.path + ".paying";
      if (paying->empty()) {
        problems.add(path, sub.line,
                     path +
                         " is empty; give at least one agency, like paying = [{ agency = \"icb\", "
                         "share_percent = 100 }]");
        ok = false;
      } else if (shares_ok && sum != kWholeShare) {
        problems.add(path, paying->front().line,
                     path + " shares sum to " + show_percent(sum) + "%; they must sum to exactly 100%");
        ok = false;
      }
      ok = ok && shares_ok;
    } else {
      ok = false;
    }

    if (auto basis = t.text("basis", "basis = \"seed 003, forums table: Continuing Care Panel\"", Need::required)) {
      rule.basis = basis->value;
    } else {
      ok = false;
    }
    t.finish();

    if (ok) {
      const bool twice = std::any_of(
          area.responsibility.rules.begin(), area.responsibility.rules.end(),
          [&](const ResponsibilityRule& r) { return r.category == rule.category && r.section == rule.section; });
      if (twice) {
        reject(problems, *category,
               "already has a rule for section " + section->value + "; give each category one rule per section");
        continue;
      }
      area.responsibility.rules.push_back(std::move(rule));
    }
  }
}

// ---- [[phase_transfers]] -----------------------------------------------------------
// The year groups at which the area's children move between phases of
// education (SEND Regulations 2014 reg 18), when they differ from the two-tier
// default (reception, Year 7, Year 12):
//
//   [[phase_transfers]]
//   into = "year_5"
//   kind = "school"
//   label = "first to middle school"

void read_phase_transfers(Problems& problems, TableReader& top, AreaProfile& area) {
  const auto rows = top.tables("phase_transfers", "[[phase_transfers]] with into, kind and label", Need::optional);
  if (!rows) return;
  for (const auto& sub : *rows) {
    TableReader t(problems, *sub.table, sub.path, sub.line);
    TransferPoint point;
    bool ok = true;
    if (const auto into = t.text("into", "into = \"year_7\"", Need::required)) {
      if (const auto year = parse_year_group("into", into->value)) {
        point.into_year_group = *year;
      } else {
        reject(problems, *into, "is not a year group; allowed: reception, year_1 to year_13");
        ok = false;
      }
    } else {
      ok = false;
    }
    if (const auto kind = t.text("kind", "kind = \"school\"", Need::required)) {
      if (const auto k = parse_transfer_kind("kind", kind->value)) {
        point.kind = *k;
      } else {
        reject(problems, *kind, "is not a kind of transfer; allowed: school, post16 (reg 18(1))");
        ok = false;
      }
    } else {
      ok = false;
    }
    if (const auto label = t.text("label", "label = \"primary to secondary\"", Need::required)) {
      point.label = label->value;
    } else {
      ok = false;
    }
    t.finish();
    if (!ok) continue;
    const bool twice = std::any_of(area.phase_transfers.begin(), area.phase_transfers.end(),
                                   [&](const TransferPoint& p) { return p.into_year_group == point.into_year_group; });
    if (twice) {
      problems.add(sub.path + ".into", sub.line,
                   sub.path + ".into = \"" + year_group_id(point.into_year_group) +
                       "\" is listed twice; give each year group once");
      continue;
    }
    area.phase_transfers.push_back(std::move(point));
  }
}

std::string fmt_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Only the shape is checked here: which codes a year allows is the SEN2
// schema's data, checked when the return is made and by the SEN2 tests for
// every shipped profile.
void read_sen2_return(Problems& problems, TableReader& top, AreaProfile& area) {
  const auto sub = top.table("sen2_return", "[sen2_return] with dmo and dco", Need::optional);
  if (!sub) return;
  TableReader t(problems, *sub->table, sub->path, sub->line);
  for (auto [key, example, slot] :
       {std::tuple{"dmo", "dmo = \"Y\"", &area.sen2_dmo}, std::tuple{"dco", "dco = \"Y\"", &area.sen2_dco}}) {
    const auto code = t.text(key, example, Need::optional);
    if (!code) continue;
    const bool shaped =
        !code->value.empty() && code->value.size() <= 2 &&
        std::all_of(code->value.begin(), code->value.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (shaped)
      *slot = code->value;
    else
      reject(problems, *code, "must be the SEN2 return's code for the officer, one or two capital letters like \"Y\"");
  }
  t.finish();
}

// Each margin is optional; a margin longer than the step it warns of
// would show every case amber from the day it opens.
void read_warnings(Problems& problems, TableReader& top, WarningMargins& margins) {
  const auto sub = top.table("warnings", "[warnings] with assessment_at_risk_days = 14", Need::optional);
  if (!sub) return;
  TableReader t(problems, *sub->table, sub->path, sub->line);
  struct Margin {
    const char* key;
    int* slot;
    int most;
    const char* example;
  };
  for (const auto& m :
       {Margin{"assessment_at_risk_days", &margins.assessment_at_risk_days, 42, "assessment_at_risk_days = 14"},
        Margin{"review_at_risk_days", &margins.review_at_risk_days, 28, "review_at_risk_days = 7"},
        Margin{"review_due_soon_days", &margins.review_due_soon_days, 182, "review_due_soon_days = 56"},
        Margin{"order_at_risk_days", &margins.order_at_risk_days, 28, "order_at_risk_days = 7"},
        Margin{"move_at_risk_days", &margins.move_at_risk_days, 28, "move_at_risk_days = 5"}}) {
    const auto n = t.number(m.key, m.example, Need::optional);
    if (!n) continue;
    if (n->value != std::floor(n->value) || n->value < 0 || n->value > m.most)
      reject(problems, {fmt_number(n->value), n->path, n->line},
             "must be a whole number of days from 0 to " + std::to_string(m.most) + ", like " +
                 std::string(m.example).substr(std::string(m.example).find("= ") + 2));
    else
      *m.slot = static_cast<int>(n->value);
  }
  t.finish();
}

}  // namespace

Result<AreaProfile> parse_area_profile(std::string_view toml_text, std::string_view file_name) {
  Problems problems(file_name);
  const auto root = profile_detail::parse_toml(problems, toml_text, file_name);
  if (!root) return fail(problems.take());

  AreaProfile area;
  TableReader top(problems, *root, "", 1);
  read_identity(problems, top, area);
  read_partners(problems, top, area);
  read_roles(problems, top, area);
  read_receipt(problems, top, area);
  if (const auto forums = top.table("forums", "[forums] with panels and boards", Need::optional)) {
    TableReader t(problems, *forums->table, forums->path, forums->line);
    area.panels = read_names(problems, t, "panels", "panels = [\"SEN Panel\"]");
    area.boards = read_names(problems, t, "boards", "boards = [\"Health and Wellbeing Board\"]");
    t.finish();
  }
  read_contacts(problems, top, area);
  read_responsibility(problems, top, area);
  read_phase_transfers(problems, top, area);
  profile_detail::read_school_terms(problems, top, area.school_terms);
  if (const auto sub = top.table("sufficiency", "[sufficiency] with services_per_100_children", Need::optional)) {
    TableReader t(problems, *sub->table, sub->path, sub->line);
    if (auto n = t.number("services_per_100_children", "services_per_100_children = 5", Need::required)) {
      if (n->value <= 0 || n->value > 1000)
        reject(problems, {fmt_number(n->value), n->path, n->line},
               "must be a number of services above 0 and at most 1000, like 5");
      else
        area.services_per_100_children = n->value;
    }
    t.finish();
  }
  read_sen2_return(problems, top, area);
  read_warnings(problems, top, area.warnings);
  top.finish();

  if (!problems.empty()) return fail(problems.take());
  return area;
}

Result<AreaProfile> load_area_profile_file(const std::filesystem::path& path) {
  auto text = profile_detail::read_text_file(path);
  if (!text) return tl::unexpected(text.error());
  return parse_area_profile(*text, path.string());
}

const std::vector<AreaProfile>& shipped_area_profiles() {
  static const std::vector<AreaProfile> profiles = [] {
    std::vector<AreaProfile> out;
    for (const auto& f : embedded_profile_files()) {
      if (!f.path.starts_with("areas/") || !f.path.ends_with(".toml")) continue;
      auto area = parse_area_profile(f.content, f.path);
      if (!area) throw std::logic_error("shipped area profile does not load: " + area.error().first_message());
      out.push_back(std::move(*area));
    }
    std::sort(out.begin(), out.end(), [](const AreaProfile& a, const AreaProfile& b) { return a.id < b.id; });
    return out;
  }();
  return profiles;
}

Result<AreaProfile> shipped_area_profile(std::string_view id) {
  std::string known;
  for (const auto& area : shipped_area_profiles()) {
    if (area.id == id) return area;
    if (!known.empty()) known += ", ";
    known += area.id;
  }
  return fail("area", "There is no shipped area profile called \"" + std::string(id) + "\"; shipped: " + known);
}

std::string describe_area_profile(const AreaProfile& area) {
  std::string out = area.name;
  out += area.fictional ? " (fictional; figures from DfE " + area.calibrate_from.value_or("") + ")"
                        : " (DfE " + area.la_code + ", " + area.ons_code + ")";
  out += ", " + area.region + ": " + count(area.partners.size(), "partner") + ", " + count(area.roles.size(), "role") +
         ", " + count(area.panels.size(), "panel") + ", " + count(area.boards.size(), "board") + "; ";

  const auto& r = area.receipt;
  const bool next_day = r.on_non_working_day == NonWorkingDayReceipt::next_working_day;
  if (!r.cut_off && !next_day) {
    out += "a request counts as received on the day it arrives";
  } else {
    out += "a request counts as received on the next working day if it arrives ";
    if (r.cut_off) out += "after " + format_clock_time(*r.cut_off) + " (" + r.time_zone + ")";
    if (r.cut_off && next_day) out += " or ";
    if (next_day) out += "on a non-working day";
  }
  out += r.confirmed_by_area ? " (confirmed by the area)" : " (Tandem's default, not yet confirmed by the area)";
  return out;
}

}  // namespace tandem
