// Families' voice in the Local Offer: feedback and its triage, the published
// "You said, we did" items, the six-monthly feedback report, and requests for
// provision the offer does not list, from the family's or a caseworker's
// request through the five checks to the decision. Every write is audited;
// a request linked to a child is a read or a write of that child's record and
// is logged as one.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/assessments.h"
#include "app/auth.h"
#include "app/local_offer.h"
#include "core/feedback.h"
#include "core/provision_request.h"
#include "store/database.h"

namespace tandem::app {

// ---- Feedback ------------------------------------------------------------------

struct FeedbackForm {
  std::string service_id;  // empty: the Local Offer as a whole
  std::string from;
  std::string comment;
  std::string contact;
};
// Records feedback given on the public pages (user none) or by staff. The
// service must be one the Local Offer lists. Returns the new item's id.
Result<std::string> give_feedback(store::Database& db, const Clock& clock, LocalOffer& offer,
                                  const std::optional<SignedIn>& user, const FeedbackForm& form);

// A service's name for display: "the Local Offer as a whole" when empty.
std::string service_name(LocalOffer& offer, const std::string& service_id);
// Whether the Local Offer lists a service with this id.
bool in_local_offer(LocalOffer& offer, const std::string& service_id);

struct FeedbackRow {
  Feedback feedback;
  std::string service_name;
};
// The user's area's feedback with `status` ("" for all), newest first.
Result<std::vector<FeedbackRow>> feedback_list(store::Database& db, LocalOffer& offer, const SignedIn& user,
                                               const std::string& status);
std::optional<FeedbackRow> feedback_item(store::Database& db, LocalOffer& offer, const SignedIn& user,
                                         const std::string& id);

struct TriageForm {
  std::string status, category, need_code, you_said, we_did, publish, version;
};
// Applies the SEND team's triage (core/feedback.h triage()); a stale version
// is refused on "version". Returns the saved item.
Result<Feedback> triage_feedback(store::Database& db, const Clock& clock, const SignedIn& user, const std::string& id,
                                 const TriageForm& form);

// What the public "You said, we did" page shows: no comment, no contact.
struct PublishedItem {
  std::string service_id;
  std::string service_name;
  std::string category;  // label
  std::string you_said;
  std::string we_did;
  Date published_on{};
};
std::vector<PublishedItem> you_said_we_did(store::Database& db, LocalOffer& offer);

struct ReportLine {
  FeedbackCount count;
  std::string name;  // the service's or need's name
};
struct FeedbackReportView {
  HalfYear period;
  FeedbackCount total;
  std::vector<ReportLine> by_service, by_need;
  std::vector<HalfYear> periods;  // the half-years to choose from, newest first
};
// `period` empty: the half-year before today's (the last complete one).
Result<FeedbackReportView> feedback_report_for(store::Database& db, const Clock& clock, LocalOffer& offer,
                                               const SignedIn& user, const std::string& period);
// The report as CSV: one row per service, then one per need.
std::string feedback_report_csv(const FeedbackReportView& report);

// ---- Requests for provision not in the offer -----------------------------------

struct RequestForm {
  std::string child_id;  // staff only
  std::string provision, provider, reason, need_code, age, contact;
};
// From the public form: the family's request. Returns its id.
Result<std::string> request_provision(store::Database& db, const Clock& clock, LocalOffer& offer,
                                      const RequestForm& form);
// From a member of staff, optionally linked to a child they are involved with:
// the request is then written to the child's record (audited with the child).
std::variant<std::string, Refused, Error> request_provision_for(RegisterServices& s, const SignedIn& user,
                                                                const RequestForm& form);

struct RequestRow {
  ProvisionRequest request;
  RequestStage stage = RequestStage::received;
};
Result<std::vector<RequestRow>> provision_request_list(store::Database& db, const SignedIn& user,
                                                       const std::string& stage);

struct RequestView {
  ProvisionRequest request;
  RequestStage stage = RequestStage::received;
  // The linked child's name, only for a user involved with the child (the
  // read is logged); otherwise empty while child_linked says there is one.
  std::string child_name;
  bool child_linked = false;
  bool child_visible = false;
  std::string service_name;  // the service a decision to add made
};
std::variant<RequestView, Refused> open_provision_request(RegisterServices& s, const SignedIn& user,
                                                          const std::string& id, const std::string& route);

struct ProvisionCheckForm {
  std::string criterion, finding, note, version;
};
std::variant<ProvisionRequest, Refused, Error> check_provision_request(RegisterServices& s, const SignedIn& user,
                                                                       const std::string& id,
                                                                       const ProvisionCheckForm& form);

struct ProvisionDecisionForm {
  std::string decision, reasons, version;
};
// Records the decision. Adding to the offer also needs the directory
// permission (core/access.h edit_directory) and creates a draft service
// (status inactive, for the staff edit pages to complete) in the same
// transaction.
std::variant<ProvisionRequest, Refused, Error> decide_provision_request(RegisterServices& s, LocalOffer* offer,
                                                                        const SignedIn& user, const std::string& id,
                                                                        const ProvisionDecisionForm& form);

}  // namespace tandem::app
