// Families' feedback on the Local Offer and on its services, as the SEND team
// triages it, and the "You said, we did" items it publishes.
//
// The council must publish the comments it receives about its Local Offer and
// its response (SEND Regulations 2014 reg 56; Code of Practice 4.22-4.26).
// What a family wrote may name a child or a family, so it is never published:
// staff write a short summary ("you said") beside the response ("we did"), and
// only items with both, and neither looking like personal data, can be
// published.
//
//   auto f = new_feedback({.id = "f-1", .area_id = "demo", .from = "parent_carer", .comment = "..."}, today, now);
//   auto t = triage(*f, {.status = "responded", .category = "information", ...}, today);
//
// Reports for commissioners run over half-years (Blackpool's plan reviews the
// offer against families' comments every six months, seed 001 section 5.4).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace tandem {

// `new_`: `new` is a keyword; its text id is "new".
enum class FeedbackStatus { new_, triaged, responded, closed };
std::string_view to_string(FeedbackStatus s);
std::string_view feedback_status_label(FeedbackStatus s);
std::optional<FeedbackStatus> parse_feedback_status(std::string_view text);
std::span<const FeedbackStatus> all_feedback_statuses();

// What the feedback is about, as the SEND team files it.
enum class FeedbackCategory { information, access, quality, gap, praise, other };
std::string_view to_string(FeedbackCategory c);
std::string_view feedback_category_label(FeedbackCategory c);
std::optional<FeedbackCategory> parse_feedback_category(std::string_view text);
std::span<const FeedbackCategory> all_feedback_categories();

// Who gave it.
enum class FeedbackFrom { parent_carer, young_person, professional, other };
std::string_view to_string(FeedbackFrom f);
std::string_view feedback_from_label(FeedbackFrom f);
std::optional<FeedbackFrom> parse_feedback_from(std::string_view text);
std::span<const FeedbackFrom> all_feedback_froms();

struct Feedback {
  std::string id;
  std::string area_id;
  std::string service_id;  // empty: the Local Offer as a whole
  Date received_on{};
  std::int64_t received_at = 0;  // microseconds since the epoch, UTC
  FeedbackFrom from = FeedbackFrom::parent_carer;
  std::string comment;       // as given; may hold personal data, so never published
  std::string contact;       // optional, for a reply; never published
  std::string submitted_by;  // the staff member who recorded it; empty from the public pages
  FeedbackStatus status = FeedbackStatus::new_;
  std::optional<FeedbackCategory> category;
  std::string need_code;  // a DfE primary-need code, or empty
  std::string you_said;   // the comment summarised for publication
  std::string we_did;     // the response
  std::optional<Date> published_on;
  std::int64_t version = 1;

  bool published() const { return published_on.has_value(); }
};

constexpr std::size_t kMaxComment = 4000;
constexpr std::size_t kMaxContact = 200;
constexpr std::size_t kMaxPublished = 1000;

// Feedback as a form or the API gives it, every field as text.
struct FeedbackInput {
  std::string id;
  std::string area_id;
  std::string service_id;
  std::string from;
  std::string comment;
  std::string contact;
  std::string submitted_by;
};
// Checks the input: names each wrong field and what is allowed.
Result<Feedback> new_feedback(const FeedbackInput& in, Date today, std::int64_t now);

// The SEND team's triage of one item, every field as text.
struct TriageInput {
  std::string status;
  std::string category;
  std::string need_code;
  std::string you_said;
  std::string we_did;
  bool publish = false;
};
// Whether feedback in status `from` may move to `to` (staying put is allowed;
// nothing goes back to new; closed feedback reopens as triaged).
bool may_move(FeedbackStatus from, FeedbackStatus to);
// Applies a triage: the category is needed once the item leaves new; a
// response needs the words "we did"; publishing needs a response given (or
// closed after one), both texts, and no personal data in either. Publishing
// keeps the first day it was published; unpublishing clears it.
Result<Feedback> triage(const Feedback& current, const TriageInput& in, Date today);

// True when the text holds what looks like an email address, a phone number or
// a full postcode: words that identify a family and must not be published.
bool looks_personal(std::string_view text);

// A half-year: January to June (half 1) or July to December (half 2).
struct HalfYear {
  int year = 2026;
  int half = 1;
  bool operator==(const HalfYear&) const = default;
};
HalfYear half_year_of(Date d);
Date first_day(HalfYear h);
Date last_day(HalfYear h);
HalfYear previous(HalfYear h);
std::string to_string(HalfYear h);        // "2026-H1"
std::string half_year_label(HalfYear h);  // "January to June 2026"
Result<HalfYear> parse_half_year(std::string_view field, std::string_view text);

// One line of the six-monthly report: feedback about one service, or about one
// need, received in the period.
struct FeedbackCount {
  std::string key;  // service id or need code; empty: the Local Offer as a whole / no need recorded
  int received = 0;
  int open = 0;       // new or triaged
  int responded = 0;  // a response written (responded, or closed after one)
  int published = 0;
  std::array<int, 6> by_category{};  // in all_feedback_categories() order; uncategorised not counted
};
struct FeedbackReport {
  HalfYear period;
  FeedbackCount total;
  std::vector<FeedbackCount> by_service;  // most feedback first, then by key
  std::vector<FeedbackCount> by_need;
};
// Counts the feedback received in the period (by received_on).
FeedbackReport feedback_report(std::span<const Feedback> all, HalfYear period);

}  // namespace tandem
