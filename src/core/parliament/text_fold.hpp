#pragma once
// Folding text for search: lower case, accents removed ("Ynys Môn" -> "ynys mon", "Sinn Féin" ->
// "sinn fein"), apostrophes dropped, any other punctuation a single space.
#include <string>
#include <string_view>

namespace recall {

std::string fold_for_search(std::string_view utf8);

}  // namespace recall
