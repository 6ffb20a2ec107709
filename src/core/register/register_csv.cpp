#include "core/register/register_csv.hpp"

#include <fmt/format.h>

#include "core/parliament/parliament.hpp"

namespace recall {

namespace {
// Indexes into register_columns, named so the reader reads like the format document.
enum Column : std::size_t {
  elector_number, change, cause, applied_on, effective_on, surname, forenames, address_1, address_2,
  address_3, postcode, date_of_birth, markers, absent_vote, proxy_name, proxy_address
};

void write_field(std::ostream& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << text;
    return;
  }
  out << '"';
  for (char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}
}  // namespace

RegisterReader::RegisterReader(std::istream& in, std::string source_name) : table_(in, std::move(source_name)) {
  for (std::size_t i = 0; i < register_columns.size(); ++i) col_[i] = table_.column(register_columns[i]);
}

bool RegisterReader::next(RegisterEntry& entry) {
  if (!table_.next_row()) return false;
  entry = RegisterEntry{};
  entry.elector_number = table_.trimmed(col_[elector_number]);
  if (!is_valid_elector_number(entry.elector_number)) {
    table_.fail(col_[elector_number],
                fmt::format("expected an elector number such as \"SA-123\", found \"{}\"", entry.elector_number));
  }
  const std::string change_text = table_.trimmed(col_[change]);
  const auto kind = parse_change_kind(change_text);
  if (!kind) table_.fail(col_[change], fmt::format("expected addition, deletion or correction, found \"{}\"", change_text));
  entry.change = *kind;
  const std::string cause_text = table_.trimmed(col_[cause]);
  const auto why = parse_change_cause(cause_text);
  if (!why) {
    table_.fail(col_[cause], fmt::format("expected application, late-application, court-order or error-correction, "
                                         "found \"{}\"", cause_text));
  }
  entry.cause = *why;
  const auto date_at = [this](std::size_t column) {
    const std::string text = table_.trimmed(col_[column]);
    const auto date = try_parse_iso_date(text);
    if (!date) table_.fail(col_[column], fmt::format("expected a date as YYYY-MM-DD, found \"{}\"", text));
    return *date;
  };
  entry.applied_on = date_at(applied_on);
  entry.effective_on = date_at(effective_on);
  if (entry.effective_on < entry.applied_on) {
    table_.fail(col_[effective_on], "the entry takes effect before it was applied for");
  }
  if (entry.change == ChangeKind::deletion) {
    require_empty_details();
  } else {
    read_details(entry);
  }
  return true;
}

void RegisterReader::require_empty_details() const {
  for (std::size_t i = surname; i < register_columns.size(); ++i) {
    if (!table_.trimmed(col_[i]).empty()) table_.fail(col_[i], "a deletion names only the elector number and dates");
  }
}

void RegisterReader::read_details(RegisterEntry& entry) {
  const std::string marker_text = table_.trimmed(col_[markers]);
  const auto flags = parse_markers(marker_text);
  if (!flags) table_.fail(col_[markers], fmt::format("expected letters from F, N, A once each, found \"{}\"", marker_text));
  entry.markers = *flags;
  entry.surname = table_.trimmed(col_[surname]);
  entry.forenames = table_.trimmed(col_[forenames]);
  entry.address_1 = table_.trimmed(col_[address_1]);
  entry.address_2 = table_.trimmed(col_[address_2]);
  entry.address_3 = table_.trimmed(col_[address_3]);
  const std::string postcode_text = table_.trimmed(col_[postcode]);
  if (!postcode_text.empty()) {
    const auto normal = normalise_postcode(postcode_text);
    if (!normal) table_.fail(col_[postcode], fmt::format("\"{}\" is not a UK postcode", postcode_text));
    entry.postcode = *normal;
  }
  // Anonymous entries are published without name or address; everyone else needs them.
  if (!entry.markers.anonymous) {
    for (std::size_t column : {surname, address_1, postcode}) {
      if (table_.trimmed(col_[column]).empty()) table_.fail(col_[column], "required unless the entry is anonymous (N)");
    }
  }
  const std::string dob_text = table_.trimmed(col_[date_of_birth]);
  if (entry.markers.attainer || !dob_text.empty()) {
    // Attainers must have one; anyone else may, as a personal identifier (held for absent voters and
    // used to check who is signing online).
    const auto dob = try_parse_iso_date(dob_text);
    if (!dob) {
      table_.fail(col_[date_of_birth], entry.markers.attainer
                                           ? fmt::format("an attainer (A) needs a date of birth as YYYY-MM-DD, found \"{}\"", dob_text)
                                           : fmt::format("a date of birth is YYYY-MM-DD, found \"{}\"", dob_text));
    }
    entry.date_of_birth = *dob;
  }
  const std::string vote_text = table_.trimmed(col_[absent_vote]);
  const auto vote = parse_absent_vote(vote_text);
  if (!vote) table_.fail(col_[absent_vote], fmt::format("expected empty, P, X or Z, found \"{}\"", vote_text));
  entry.absent_vote = *vote;
  entry.proxy_name = table_.trimmed(col_[proxy_name]);
  entry.proxy_address = table_.trimmed(col_[proxy_address]);
  const bool has_proxy = entry.absent_vote == AbsentVote::proxy || entry.absent_vote == AbsentVote::postal_proxy;
  for (std::size_t column : {proxy_name, proxy_address}) {
    const bool empty = table_.trimmed(col_[column]).empty();
    if (has_proxy && empty) table_.fail(col_[column], "a proxy (X or Z) needs the proxy's name and address");
    if (!has_proxy && !empty) table_.fail(col_[column], "only proxy votes (X or Z) name a proxy");
  }
}

std::vector<RegisterEntry> read_register(std::istream& in, const std::string& source_name) {
  RegisterReader reader(in, source_name);
  std::vector<RegisterEntry> out;
  RegisterEntry entry;
  while (reader.next(entry)) out.push_back(entry);
  return out;
}

void write_register_header(std::ostream& out) {
  for (std::size_t i = 0; i < register_columns.size(); ++i) {
    if (i > 0) out << ',';
    out << register_columns[i];
  }
  out << '\n';
}

void write_register_row(std::ostream& out, const RegisterEntry& entry) {
  const auto date_text = [](const std::optional<Date>& date) { return date ? to_iso(*date) : std::string(); };
  const std::array<std::string, register_columns.size()> fields{
      entry.elector_number, std::string(to_string(entry.change)), std::string(to_string(entry.cause)),
      to_iso(entry.applied_on), to_iso(entry.effective_on), entry.surname, entry.forenames, entry.address_1,
      entry.address_2, entry.address_3, entry.postcode, date_text(entry.date_of_birth), to_code(entry.markers),
      std::string(to_code(entry.absent_vote)), entry.proxy_name, entry.proxy_address};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    write_field(out, fields[i]);
  }
  out << '\n';
}

}  // namespace recall
