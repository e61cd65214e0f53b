// Cells of the CSV files Tandem writes for spreadsheets (RFC 4180).
#pragma once

#include <string>

#include "core/money.h"

namespace tandem::app {

// Quoted when it must be; a leading = + - or @ is made text, so a
// spreadsheet never runs a name typed into Tandem as a formula.
std::string csv_cell(const std::string& text);

// Pounds and pence with no symbol or thousands separator: 6400.00, -12.50.
std::string csv_pounds(Pence p);

}  // namespace tandem::app
