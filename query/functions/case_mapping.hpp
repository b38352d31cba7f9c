// Upper- and lower-casing of UTF-8 strings for toUpper() and toLower().
//
// Coverage: the one-to-one case pairs of Basic Latin, Latin-1, Latin Extended-A, Latin Extended
// Additional, Greek and Coptic, Cyrillic (with its Supplement), Armenian, Glagolitic, Roman
// numerals, circled Latin letters and fullwidth Latin, plus Java's two common one-to-many
// mappings: upper('ß') = 'SS' and lower('İ') = 'i̇' (i + U+0307). Other characters, final-sigma
// context and locale-specific rules (Turkish dotless i) are left as they are.
#pragma once

#include <string>
#include <string_view>

namespace kg::query {

std::string to_upper_case(std::string_view s);
std::string to_lower_case(std::string_view s);

}  // namespace kg::query
