#pragma once
// Check-digit-guided correction of OCR confusions, used by parse() with
// ParseOptions::correct. Two stages:
//  1. normalisation by character class, for every field: a letter where only digits may
//     stand (dates, check digits) becomes its look-alike digit, a digit where only letters
//     may stand (codes, names) its look-alike letter;
//  2. for each field whose check digit still fails, the smallest set of look-alike
//     substitutions that makes it pass; across fields, the combination must also make the
//     composite pass, and it must be the only one. Otherwise nothing is changed and a
//     warning says why.
#include "scanner/mrz/mrzlayout_p.h"

namespace Kiosk::Mrz::detail {

void correct(Grid &grid, QList<Correction> &corrections, QList<Issue> &warnings);

} // namespace Kiosk::Mrz::detail
