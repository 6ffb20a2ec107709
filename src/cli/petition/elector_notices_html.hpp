#pragma once
// The s.7 notice to each elector, like a poll card: which petition, when and where they may sign, and
// their elector number. One printable HTML document, one notice per printed page.
#include <ostream>
#include <vector>

#include "core/petition/petition.hpp"
#include "service/petition_service.hpp"

namespace recall::cli {

void write_elector_notices_html(std::ostream& out, const Petition& petition,
                                const std::vector<ElectorNotice>& notices);

}  // namespace recall::cli
