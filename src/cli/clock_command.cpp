#include "cli/clock_command.h"

#include <ostream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/ehc_clock.h"
#include "profile/bank_holidays.h"

namespace tandem::cli {

namespace {

// "mediation_informed" -> "--mediation-informed": errors name the option the
// user typed, whether they came from this file or from core.
std::string option_name(std::string_view field) {
  std::string name = "--";
  for (char c : field) name += c == '_' ? '-' : c;
  return name;
}

// Parses an optional date option, collecting the error under its option name.
std::optional<Date> read_date(std::string_view field, const std::optional<std::string>& text,
                              std::vector<FieldError>& errors) {
  if (!text) return std::nullopt;
  auto d = parse_date(option_name(field), *text);
  if (!d) {
    errors.insert(errors.end(), d.error().fields.begin(), d.error().fields.end());
    return std::nullopt;
  }
  return *d;
}

void add_error(std::vector<FieldError>& errors, const Error& e) {
  for (const auto& f : e.fields) {
    errors.push_back({f.field.starts_with("--") ? f.field : option_name(f.field), f.message});
  }
}

void put(nlohmann::ordered_json& out, nlohmann::ordered_json& basis, const char* key, const Deadline& d) {
  out[key] = format_date(d.date);
  basis[key] = d.basis;
}

}  // namespace

int clock_command(const ClockArgs& args, std::ostream& out, std::ostream& err) {
  std::vector<FieldError> errors;
  const auto received = read_date("received", std::optional<std::string>(args.received), errors);
  const auto advice_requested = read_date("advice_requested", args.advice_requested, errors);
  const auto issued = read_date("issued", args.issued, errors);
  const auto review_meeting = read_date("review_meeting", args.review_meeting, errors);
  const auto mediation_informed = read_date("mediation_informed", args.mediation_informed, errors);

  std::optional<TransferKind> transfer;
  if (args.transfer) {
    if (auto kind = parse_transfer_kind("--transfer", *args.transfer)) {
      transfer = *kind;
    } else {
      add_error(errors, kind.error());
    }
    if (!args.year) {
      errors.push_back({"--transfer", "Give the calendar year of the transfer with --year, for example --year 2026"});
    }
  }
  if (args.year && (*args.year < 1900 || *args.year > 9999)) {
    errors.push_back({"--year", "Enter the calendar year of the transfer as four digits, for example 2026"});
  } else if (args.year && !args.transfer) {
    errors.push_back({"--year", "--year is the year of a transfer: give --transfer school or --transfer post16 too"});
  }

  nlohmann::ordered_json json;
  nlohmann::ordered_json basis = nlohmann::ordered_json::object();
  if (received) {
    json["received"] = format_date(*received);
    const auto a = assessment_deadlines(*received);
    put(json, basis, "decide_whether_to_assess", a.decide_whether_to_assess);
    put(json, basis, "notify_decision_not_to_issue", a.notify_decision_not_to_issue);
    put(json, basis, "draft_plan_planning", a.draft_plan_planning);
    put(json, basis, "latest_draft_service", a.latest_draft_service);
    put(json, basis, "final_plan", a.final_plan);
    if (advice_requested) {
      if (auto advice = advice_due(*received, *advice_requested)) {
        put(json, basis, "advice_due", *advice);
      } else {
        add_error(errors, advice.error());
      }
    }
  }
  if (issued) {
    const auto review = review_due(*issued);
    put(json, basis, "first_annual_review", review.annual_review);
    put(json, basis, "under_fives_review_advised", review.under_fives_advised);
  }
  if (transfer && args.year && errors.empty()) {
    put(json, basis, "phase_transfer", phase_transfer_deadline(*transfer, *args.year));
  }
  if (review_meeting) {
    const auto review = review_meeting_deadlines(*review_meeting);
    put(json, basis, "review_decision", review.review_decision);
    put(json, basis, "amended_plan", review.amended_plan);
  }
  if (mediation_informed) {
    if (auto certificate = mediation_certificate_due(shipped_calendar(), *mediation_informed)) {
      put(json, basis, "mediation_certificate", *certificate);
    } else {
      add_error(errors, certificate.error());
    }
  }

  if (!errors.empty()) {
    for (const auto& f : errors) err << "tandem clock: " << f.field << ": " << f.message << "\n";
    return 2;
  }
  json["basis"] = basis;
  out << json.dump(2) << "\n";
  return 0;
}

}  // namespace tandem::cli
