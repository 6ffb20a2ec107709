#include "store/sql_public_petition_rows.hpp"

#include <fmt/format.h>

#include "core/auth/clock.hpp"
#include "core/base/error.hpp"
#include "core/public_petition/utc_timestamp.hpp"
#include "store/sql_fields.hpp"

namespace recall::public_rows {

namespace pp = public_petition;
namespace sf = sql_fields;

void check_instant(std::int64_t at, std::string_view file, std::string_view field, int line) {
  if (at < first_instant || at > last_instant) {
    throw_invalid(fmt::format("{} seconds is outside the years 1970 to 9999", at),
                  SourceLocation{std::string(file), line, 0, std::string(field)});
  }
}

SqlValue instant(std::int64_t at) { return sql_text(format_utc_timestamp(at)); }

SqlValue optional_instant(const std::optional<std::int64_t>& at) {
  if (!at) return nullptr;
  return instant(*at);
}

std::int64_t read_instant(const SqlRow& row, std::size_t column, std::string_view what) {
  const std::string text = row.text(column);
  const auto at = pp::try_parse_utc_timestamp(text);
  if (!at) sf::corrupt(what, fmt::format("'{}' is not a UTC time", text));
  return *at;
}

std::optional<std::int64_t> read_optional_instant(const SqlRow& row, std::size_t column,
                                                  std::string_view what) {
  if (row.is_null(column)) return std::nullopt;
  return read_instant(row, column, what);
}

pp::IpAddress ip_from_sort_key(const std::array<std::uint8_t, 16>& key) {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    high = (high << 8) | key[i];
    low = (low << 8) | key[8 + i];
  }
  if (high == 0 && (low >> 32) == 0xFFFF) return pp::IpAddress::v4(static_cast<std::uint32_t>(low));
  return pp::IpAddress::v6(high, low);
}

std::string bind(SqlParams& params, SqlValue value) {
  params.push_back(std::move(value));
  return fmt::format("${}", params.size());
}

std::string id_list(std::span<const std::int64_t> ids, SqlParams& params) {
  std::string list;
  for (const std::int64_t id : ids) {
    if (!list.empty()) list += ", ";
    list += bind(params, sql_int(id));
  }
  return list;
}

std::string bind_binary(SqlParams& params, const BinaryColumns& binary, ledger::ByteView octets) {
  params.push_back(binary.value(octets));
  return binary.param(static_cast<int>(params.size()));
}

const std::string_view petition_columns =
    "id, action, background, details, member_id, ons_code, state, creator_signature_id, sponsor_count,"
    " sponsored_at, created_at, opened_at, closes_at, closed_at, moderation_reason, moderation_note,"
    " moderated_at, moderated_by, anonymised_at";

PublicPetitionRecord read_petition(const SqlRow& row) {
  PublicPetitionRecord record;
  pp::PublicPetition& p = record.petition;
  p.id = row.integer(0);
  p.text = pp::PetitionText{row.text(1), row.text(2), row.text(3)};
  p.target = pp::PetitionTarget{row.optional_text(4), row.optional_text(5)};
  const std::string state = row.text(6);
  const auto parsed = pp::parse_public_petition_state(state);
  if (!parsed) sf::corrupt("public petition state", fmt::format("'{}' is not a state", state));
  p.state = *parsed;
  record.creator_signature_id = sf::read_optional_int(row, 7);
  p.sponsor_count = static_cast<int>(row.integer(8));
  p.sponsored_at = read_optional_instant(row, 9, "public petition sponsored_at");
  p.created_at = read_instant(row, 10, "public petition created_at");
  p.opened_at = read_optional_instant(row, 11, "public petition opened_at");
  p.closes_at = read_optional_instant(row, 12, "public petition closes_at");
  p.closed_at = read_optional_instant(row, 13, "public petition closed_at");
  if (!row.is_null(14)) {
    const std::string reason = row.text(14);
    const auto parsed_reason = pp::parse_moderation_reason(reason);
    if (!parsed_reason)
      sf::corrupt("public petition moderation_reason", fmt::format("'{}' is not a reason", reason));
    p.moderation = pp::ModerationDecision{*parsed_reason, row.optional_text(15).value_or(""),
                                          read_instant(row, 16, "public petition moderated_at")};
  }
  record.moderated_by = sf::read_optional_int(row, 17);
  record.anonymised_at = read_optional_instant(row, 18, "public petition anonymised_at");
  return record;
}

std::vector<pp::ThresholdMark> load_thresholds(SqlConnection& db, std::int64_t petition_id) {
  std::vector<pp::ThresholdMark> marks;
  for (const SqlRow& row :
       db.query("SELECT signatures, reached_at FROM public_petition_thresholds WHERE petition_id = $1"
                " ORDER BY signatures",
                {sql_int(petition_id)})) {
    marks.push_back({row.integer(0), read_optional_instant(row, 1, "public petition threshold reached_at")});
  }
  return marks;
}

std::vector<PublicPetitionRecord> load_petitions(SqlConnection& db, std::string_view sql,
                                                 const SqlParams& params) {
  std::vector<PublicPetitionRecord> out;
  for (const SqlRow& row : db.query(sql, params)) out.push_back(read_petition(row));
  // One small query per petition: lists are a moderator's page, never the signing path.
  for (PublicPetitionRecord& record : out)
    record.petition.thresholds = load_thresholds(db, record.petition.id);
  return out;
}

std::string signature_columns(const BinaryColumns& binary) {
  return fmt::format(
      "id, petition_id, name, email, canonical_email, postcode, ons_code, {}, email_domain, uk_resident, "
      "sponsor,"
      " state, standing, suspect_reason, {}, created_at, confirmed_at, invalidated_at, invalidation_id",
      binary.column("ip"), binary.column("confirm_token_hash"));
}

namespace {

PublicSignatureState read_signature_state(const SqlRow& row, std::size_t column) {
  const std::string text = row.text(column);
  for (const auto state :
       {PublicSignatureState::pending, PublicSignatureState::confirmed, PublicSignatureState::invalidated}) {
    if (text == to_string(state)) return state;
  }
  sf::corrupt("public signature state", fmt::format("'{}' is not a state", text));
}

pp::Screening read_screening(const SqlRow& row, std::size_t standing_column, std::size_t reason_column) {
  const std::string standing = row.text(standing_column);
  if (standing == pp::to_string(pp::SignatureStanding::counted)) return {};
  if (standing != pp::to_string(pp::SignatureStanding::suspect)) {
    sf::corrupt("public signature standing", fmt::format("'{}' is not a standing", standing));
  }
  const std::string reason = row.optional_text(reason_column).value_or("");
  const auto parsed = pp::parse_suspect_reason(reason);
  if (!parsed) sf::corrupt("public signature suspect_reason", fmt::format("'{}' is not a reason", reason));
  return {pp::SignatureStanding::suspect, parsed};
}

}  // namespace

PublicSignatureRecord read_signature(const SqlRow& row, const BinaryColumns& binary) {
  PublicSignatureRecord s;
  s.id = row.integer(0);
  s.petition_id = row.integer(1);
  s.name = row.optional_text(2);
  s.email = row.optional_text(3);
  s.canonical_email = row.optional_text(4);
  s.postcode = row.optional_text(5);
  s.ons_code = row.optional_text(6);
  if (!row.is_null(7)) {
    std::array<std::uint8_t, 16> key{};
    binary.read(row, 7, key, "public signature ip");
    s.ip = ip_from_sort_key(key);
  }
  s.email_domain = row.optional_text(8);
  s.uk_resident = sf::read_boolean(row, 9);
  s.sponsor = sf::read_boolean(row, 10);
  s.state = read_signature_state(row, 11);
  s.screening = read_screening(row, 12, 13);
  if (!row.is_null(14)) {
    TokenHash token{};
    binary.read(row, 14, token, "public signature confirm_token_hash");
    s.confirm_token_hash = token;
  }
  s.created_at = read_instant(row, 15, "public signature created_at");
  s.confirmed_at = read_optional_instant(row, 16, "public signature confirmed_at");
  s.invalidated_at = read_optional_instant(row, 17, "public signature invalidated_at");
  s.invalidation_id = sf::read_optional_int(row, 18);
  return s;
}

std::optional<pp::BlockKind> parse_block_kind(std::string_view text) {
  for (const auto kind : {pp::BlockKind::ip, pp::BlockKind::domain, pp::BlockKind::email}) {
    if (text == pp::to_string(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace recall::public_rows

namespace recall {

std::string_view to_string(PublicSignatureState state) {
  switch (state) {
    case PublicSignatureState::pending:
      return "pending";
    case PublicSignatureState::confirmed:
      return "confirmed";
    case PublicSignatureState::invalidated:
      return "invalidated";
  }
  return "pending";
}

}  // namespace recall
