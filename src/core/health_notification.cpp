#include "core/health_notification.h"

#include <vector>

namespace tandem {

Result<HealthNotification> validate_health_notification(const HealthNotificationForm& form, Date date_of_birth,
                                                        Date today) {
  std::vector<FieldError> errors;
  HealthNotification n;
  if (auto d = parse_date("notified_on", form.notified_on); !d) {
    errors.push_back(d.error().fields.front());
  } else if (*d > today) {
    errors.push_back({"notified_on", "The date of the notice cannot be in the future"});
  } else if (*d < date_of_birth) {
    errors.push_back({"notified_on", "The date of the notice cannot be before the child was born"});
  } else if (age_on(date_of_birth, *d) >= 5) {
    errors.push_back({"notified_on",
                      "A health notice under CFA s23 is for a child under compulsory school age; this "
                      "child was 5 or older then: record a request for an EHC needs assessment instead"});
  } else {
    n.notified_on = *d;
  }
  if (form.from_body.empty()) {
    errors.push_back({"from_body", "Say which health body sent the notice, for example the health visiting team"});
  } else if (form.from_body.size() > 200) {
    errors.push_back({"from_body", "The health body must be 200 characters or fewer"});
  }
  if (form.details.size() > 2000) errors.push_back({"details", "Details must be 2,000 characters or fewer"});
  if (!errors.empty()) return fail(std::move(errors));
  n.from_body = form.from_body;
  n.details = form.details;
  return n;
}

}  // namespace tandem
