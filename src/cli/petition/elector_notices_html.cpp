#include "cli/petition/elector_notices_html.hpp"

#include <fmt/format.h>

#include "http/html_escape.hpp"

namespace recall::cli {

namespace {

using http::html_escape;

std::string address_html(const std::string& address) {
  std::string out;
  std::size_t start = 0;
  while (start <= address.size()) {
    const std::size_t end = std::min(address.find('\n', start), address.size());
    if (!out.empty()) out += "<br>";
    out += html_escape(std::string_view(address).substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string elector_address(const RegisterEntry& entry) {
  std::string out;
  for (const std::string* line : {&entry.address_1, &entry.address_2, &entry.address_3, &entry.postcode}) {
    if (line->empty()) continue;
    if (!out.empty()) out += "<br>";
    out += html_escape(*line);
  }
  return out;
}

}  // namespace

void write_elector_notices_html(std::ostream& out, const Petition& petition,
                                const std::vector<ElectorNotice>& notices) {
  const std::string title = fmt::format("Recall petition: {}", petition.constituency_name);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>" << html_escape(title) << "</title>\n"
      << "<style>\n"
         "body { font-family: Arial, sans-serif; font-size: 12pt; color: #0b0c0c; margin: 0; }\n"
         ".notice { padding: 15mm; border-bottom: 1px dashed #b1b4b6; }\n"
         "h1 { font-size: 16pt; margin: 0 0 4mm; }\n"
         "dl { display: grid; grid-template-columns: 45mm auto; gap: 2mm 4mm; }\n"
         "dt { font-weight: bold; }\n"
         "@media print { .notice { border: 0; page-break-after: always; break-after: page; } }\n"
         "</style>\n</head>\n<body>\n";
  for (const ElectorNotice& notice : notices) {
    const RegisterEntry& entry = notice.elector.entry;
    // Anonymous electors' notices carry only their number: no name or address is printed for them.
    const std::string name = entry.markers.anonymous
                                 ? std::string("The elector")
                                 : html_escape(fmt::format("{} {}", entry.forenames, entry.surname));
    out << "<section class=\"notice\">\n"
        << "<h1>" << html_escape(title) << "</h1>\n"
        << "<p>" << name << (entry.markers.anonymous ? "" : "<br>" + elector_address(entry)) << "</p>\n"
        << "<p>A recall petition about " << html_escape(petition.mp_name) << ", the MP for "
        << html_escape(petition.constituency_name) << ", is open for signing from "
        << html_escape(to_long_form(petition.timetable.designated_day)) << " to "
        << html_escape(to_long_form(last_signing_day(petition)))
        << ". You may sign it, or not; nobody will be told "
        << "whether you signed while the petition is open.</p>\n"
        << "<dl>\n"
        << "<dt>Your elector number</dt><dd>" << html_escape(entry.elector_number) << "</dd>\n"
        << "<dt>Your signing place</dt><dd>" << html_escape(notice.place.name) << "<br>"
        << address_html(notice.place.address) << "<br>" << html_escape(notice.place.postcode) << "</dd>\n"
        << "<dt>Opening hours</dt><dd>" << html_escape(describe_opening_hours(notice.place.hours))
        << " (closed on bank holidays)</dd>\n"
        << "<dt>Why</dt><dd>" << html_escape(petition.condition_detail) << "</dd>\n"
        << "</dl>\n"
        << "<p>Bring photo identification. If you have a postal or proxy arrangement, it applies to this "
           "petition.</p>\n"
        << "</section>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace recall::cli
