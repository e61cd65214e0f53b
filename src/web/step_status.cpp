#include "web/step_status.h"

namespace tandem::web {

std::string status_tag(StepStatus s) {
  switch (s) {
    case StepStatus::overdue: return "govuk-tag--red";
    case StepStatus::at_risk: return "govuk-tag--orange";
    case StepStatus::on_time: return "govuk-tag--green";
    case StepStatus::exception_applies: return "govuk-tag--purple";
    case StepStatus::done_on_time: return "govuk-tag--grey";
    case StepStatus::done_late: return "govuk-tag--pink";
  }
  return "govuk-tag--grey";
}

std::string status_text(StepStatus s) {
  switch (s) {
    case StepStatus::overdue: return "Overdue";
    case StepStatus::at_risk: return "At risk";
    case StepStatus::on_time: return "On time";
    case StepStatus::exception_applies: return "Exception: as soon as practicable";
    case StepStatus::done_on_time: return "Done on time";
    case StepStatus::done_late: return "Done late";
  }
  return "";
}

}  // namespace tandem::web
