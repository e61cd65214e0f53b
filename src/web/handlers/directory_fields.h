// The fields of the Local Offer's staff forms, rendered the same way on every
// form (GOV.UK inputs, textareas, selects and checkboxes, each with its hint
// and error), and the answers shared by their handlers.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/result.h"
#include "web/context.h"

namespace tandem::web::handlers {

struct FormField {
  const char* name;
  const char* label;
  const char* hint;
  const char* kind;   // "input", "textarea", "select" or "checkboxes"
  const char* width;  // GOV.UK width class for inputs
};

using Choices = std::vector<std::pair<std::string, std::string>>;  // value, label

struct FieldValues {
  std::map<std::string, std::string, std::less<>> text;
  std::map<std::string, std::vector<std::string>, std::less<>> ticked;  // checkboxes
  std::map<std::string, Choices, std::less<>> choices;                  // selects and checkboxes
};

// The fields for the directory/fields partial.
mstch::array form_fields(std::span<const FormField> fields, const FieldValues& values, const Error* errors);

// The confirm step before a removal (directory/confirm_remove): what would go,
// and a button that posts the removal; or, when something still depends on
// it, why it cannot go and what depends on it, with no button.
struct RemovalPage {
  std::string title, back_href, back_text, caption, heading, action, version, button, consequence;
  std::vector<std::pair<std::string, std::string>> rows;      // what is removed: label, value
  std::string blocked;                                        // why it cannot be removed; empty: it can
  std::vector<std::pair<std::string, std::string>> blockers;  // what depends on it: name, link
  // Something else to do instead (withdraw rather than remove), shown whether
  // or not the removal is blocked; empty action: nothing.
  std::string alternative_heading, alternative_text, alternative_action, alternative_button;
  // A date the alternative asks for ("from"); empty name: none.
  std::string alternative_date_name, alternative_date_label, alternative_date_hint, alternative_date_value;
  // A last choice that undoes a plan (keep a service that was to close); empty action: none.
  std::string undo_heading, undo_text, undo_action, undo_button;
};
Response removal_page(Ctx& ctx, int status, const RemovalPage& p, const Error* errors);

// 409 when the only error is a stale version, otherwise 400.
int status_for(const Error& e);

// The JSON API's answer to a failed change.
Response api_failure(const Error& e);

}  // namespace tandem::web::handlers
