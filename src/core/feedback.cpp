#include "core/feedback.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/directory.h"
#include "core/named.h"
#include "core/need.h"

namespace tandem {

namespace {

constexpr std::array<Named<FeedbackStatus>, 4> kStatuses{{
    {FeedbackStatus::new_, "new", "New"},
    {FeedbackStatus::triaged, "triaged", "Triaged"},
    {FeedbackStatus::responded, "responded", "Responded"},
    {FeedbackStatus::closed, "closed", "Closed"},
}};
constexpr std::array<Named<FeedbackCategory>, 6> kCategories{{
    {FeedbackCategory::information, "information", "Information in the Local Offer"},
    {FeedbackCategory::access, "access", "Getting a service"},
    {FeedbackCategory::quality, "quality", "Quality of a service"},
    {FeedbackCategory::gap, "gap", "Provision missing"},
    {FeedbackCategory::praise, "praise", "Praise"},
    {FeedbackCategory::other, "other", "Other"},
}};
constexpr std::array<Named<FeedbackFrom>, 4> kFroms{{
    {FeedbackFrom::parent_carer, "parent_carer", "A parent or carer"},
    {FeedbackFrom::young_person, "young_person", "A child or young person"},
    {FeedbackFrom::professional, "professional", "A professional"},
    {FeedbackFrom::other, "other", "Someone else"},
}};

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string_view to_string(FeedbackStatus s) { return id_of(kStatuses, s); }
std::string_view feedback_status_label(FeedbackStatus s) { return label_of(kStatuses, s); }
std::optional<FeedbackStatus> parse_feedback_status(std::string_view text) { return parse_of(kStatuses, text); }
std::span<const FeedbackStatus> all_feedback_statuses() {
  static constexpr auto values = values_in(kStatuses);
  return values;
}

std::string_view to_string(FeedbackCategory c) { return id_of(kCategories, c); }
std::string_view feedback_category_label(FeedbackCategory c) { return label_of(kCategories, c); }
std::optional<FeedbackCategory> parse_feedback_category(std::string_view text) { return parse_of(kCategories, text); }
std::span<const FeedbackCategory> all_feedback_categories() {
  static constexpr auto values = values_in(kCategories);
  return values;
}

std::string_view to_string(FeedbackFrom f) { return id_of(kFroms, f); }
std::string_view feedback_from_label(FeedbackFrom f) { return label_of(kFroms, f); }
std::optional<FeedbackFrom> parse_feedback_from(std::string_view text) { return parse_of(kFroms, text); }
std::span<const FeedbackFrom> all_feedback_froms() {
  static constexpr auto values = values_in(kFroms);
  return values;
}

Result<Feedback> new_feedback(const FeedbackInput& in, Date today, std::int64_t now) {
  std::vector<FieldError> errors;
  Feedback f;
  f.id = in.id;
  f.area_id = in.area_id;
  f.service_id = in.service_id;
  f.received_on = today;
  f.received_at = now;
  f.comment = in.comment;
  f.contact = in.contact;
  f.submitted_by = in.submitted_by;
  if (auto from = parse_feedback_from(in.from))
    f.from = *from;
  else
    errors.push_back({"from", "Say who you are: " + ids_of(kFroms)});
  if (blank(in.comment))
    errors.push_back({"comment", "Enter your feedback"});
  else if (in.comment.size() > kMaxComment)
    errors.push_back({"comment", "Feedback must be " + std::to_string(kMaxComment) + " characters or fewer"});
  if (in.contact.size() > kMaxContact)
    errors.push_back({"contact", "Contact details must be " + std::to_string(kMaxContact) + " characters or fewer"});
  if (!in.service_id.empty() && !is_uuid(in.service_id))
    errors.push_back({"service_id", "Choose a service from the Local Offer, or none for the Local Offer as a whole"});
  if (!errors.empty()) return fail(std::move(errors));
  return f;
}

bool may_move(FeedbackStatus from, FeedbackStatus to) {
  if (from == to) return true;
  switch (from) {
    case FeedbackStatus::new_: return to == FeedbackStatus::triaged || to == FeedbackStatus::closed;
    case FeedbackStatus::triaged: return to == FeedbackStatus::responded || to == FeedbackStatus::closed;
    case FeedbackStatus::responded: return to == FeedbackStatus::closed;
    case FeedbackStatus::closed: return to == FeedbackStatus::triaged;
  }
  return false;
}

Result<Feedback> triage(const Feedback& current, const TriageInput& in, Date today) {
  std::vector<FieldError> errors;
  Feedback f = current;
  const auto status = parse_feedback_status(in.status);
  if (!status) {
    errors.push_back({"status", "Choose a status: " + ids_of(kStatuses)});
  } else if (!may_move(current.status, *status)) {
    errors.push_back({"status", "Feedback that is " + std::string(to_string(current.status)) + " cannot become " +
                                    std::string(to_string(*status)) +
                                    "; it moves from new to triaged, then responded, then closed"});
  } else {
    f.status = *status;
  }
  if (in.category.empty()) {
    f.category.reset();
    if (status && *status != FeedbackStatus::new_)
      errors.push_back({"category", "Choose what the feedback is about before moving it on from new"});
  } else if (auto c = parse_feedback_category(in.category)) {
    f.category = *c;
  } else {
    errors.push_back({"category", "Choose a category: " + ids_of(kCategories)});
  }
  if (!in.need_code.empty() && !find_need(in.need_code))
    errors.push_back({"need_code", "Choose a need from the list (a DfE primary-need code such as ASD), or none"});
  else
    f.need_code = in.need_code;
  f.you_said = in.you_said;
  f.we_did = in.we_did;
  if (in.you_said.size() > kMaxPublished)
    errors.push_back({"you_said", "Keep the summary to " + std::to_string(kMaxPublished) + " characters or fewer"});
  if (in.we_did.size() > kMaxPublished)
    errors.push_back({"we_did", "Keep the response to " + std::to_string(kMaxPublished) + " characters or fewer"});
  if (status == FeedbackStatus::responded && blank(in.we_did))
    errors.push_back({"we_did", "Write the response (what we did) before marking the feedback responded"});
  if (in.publish) {
    const bool answered = status == FeedbackStatus::responded || status == FeedbackStatus::closed;
    if (!answered)
      errors.push_back({"publish",
                        "Only feedback that has been responded to (or closed after a response) can be "
                        "published"});
    if (blank(in.you_said))
      errors.push_back({"you_said", "Summarise what was said, without names or contact details, to publish it"});
    else if (looks_personal(in.you_said))
      errors.push_back({"you_said", "Remove email addresses, phone numbers and postcodes before publishing"});
    if (blank(in.we_did))
      errors.push_back({"we_did", "Write what we did to publish the feedback"});
    else if (looks_personal(in.we_did))
      errors.push_back({"we_did", "Remove email addresses, phone numbers and postcodes before publishing"});
    if (!f.published_on) f.published_on = today;
  } else {
    f.published_on.reset();
  }
  if (!errors.empty()) return fail(std::move(errors));
  return f;
}

bool looks_personal(std::string_view text) {
  // An email address: text@text.text
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    const bool before = at > 0 && !std::isspace(static_cast<unsigned char>(text[at - 1]));
    const auto end = text.find_first_of(" \t\n", at);
    const auto domain = text.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1);
    if (before && domain.find('.') != std::string_view::npos && domain.front() != '.') return true;
  }
  // A phone number: ten or more digits, allowing spaces, dashes and a leading +.
  int digits = 0;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (++digits >= 10) return true;
    } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
      digits = 0;
    }
  }
  // A full postcode: an outward code followed by digit-letter-letter ("QS4 7RW").
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  auto inward = [](const std::string& w) {
    return w.size() == 3 && std::isdigit(static_cast<unsigned char>(w[0])) &&
           std::isalpha(static_cast<unsigned char>(w[1])) && std::isalpha(static_cast<unsigned char>(w[2]));
  };
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const auto& w = words[i];
    const bool outward =
        w.size() >= 2 && w.size() <= 4 && std::isalpha(static_cast<unsigned char>(w[0])) &&
        std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (outward && !postcode_district(w).empty() && inward(words[i + 1])) return true;
  }
  return false;
}

HalfYear half_year_of(Date d) {
  const std::chrono::year_month_day ymd{d};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()) <= 6 ? 1 : 2};
}
Date first_day(HalfYear h) { return make_date(h.year, h.half == 1 ? 1 : 7, 1); }
Date last_day(HalfYear h) { return h.half == 1 ? make_date(h.year, 6, 30) : make_date(h.year, 12, 31); }
HalfYear previous(HalfYear h) { return h.half == 2 ? HalfYear{h.year, 1} : HalfYear{h.year - 1, 2}; }
std::string to_string(HalfYear h) { return std::to_string(h.year) + "-H" + std::to_string(h.half); }
std::string half_year_label(HalfYear h) {
  return std::string(h.half == 1 ? "January to June " : "July to December ") + std::to_string(h.year);
}

Result<HalfYear> parse_half_year(std::string_view field, std::string_view text) {
  const auto bad = [&] {
    return fail(
        std::string(field),
        "Choose a half-year written as the year, -H1 (January to June) or -H2 (July to December), like 2026-H1");
  };
  if (text.size() != 7 || text.substr(4, 2) != "-H" || (text[6] != '1' && text[6] != '2')) return bad();
  int year = 0;
  for (char c : text.substr(0, 4)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return bad();
    year = year * 10 + (c - '0');
  }
  if (year < 2000 || year > 2100) return bad();
  return HalfYear{year, text[6] - '0'};
}

FeedbackReport feedback_report(std::span<const Feedback> all, HalfYear period) {
  FeedbackReport r;
  r.period = period;
  std::map<std::string, FeedbackCount> services, needs;
  const auto categories = all_feedback_categories();
  auto add = [&](FeedbackCount& c, const Feedback& f) {
    ++c.received;
    if (f.status == FeedbackStatus::new_ || f.status == FeedbackStatus::triaged) ++c.open;
    if (f.status == FeedbackStatus::responded || (f.status == FeedbackStatus::closed && !blank(f.we_did)))
      ++c.responded;
    if (f.published()) ++c.published;
    if (f.category) {
      const auto at = std::find(categories.begin(), categories.end(), *f.category) - categories.begin();
      ++c.by_category[static_cast<std::size_t>(at)];
    }
  };
  const Date from = first_day(period), to = last_day(period);
  for (const auto& f : all) {
    if (f.received_on < from || f.received_on > to) continue;
    add(r.total, f);
    auto& s = services[f.service_id];
    s.key = f.service_id;
    add(s, f);
    auto& n = needs[f.need_code];
    n.key = f.need_code;
    add(n, f);
  }
  auto ordered = [](std::map<std::string, FeedbackCount>& m) {
    std::vector<FeedbackCount> out;
    for (auto& [k, v] : m) out.push_back(std::move(v));
    std::stable_sort(out.begin(), out.end(),
                     [](const FeedbackCount& a, const FeedbackCount& b) { return a.received > b.received; });
    return out;
  };
  r.by_service = ordered(services);
  r.by_need = ordered(needs);
  return r;
}

}  // namespace tandem
