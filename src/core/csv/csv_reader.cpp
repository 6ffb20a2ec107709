#include "core/csv/csv_reader.hpp"

#include <fmt/format.h>

namespace recall {

namespace {
constexpr int end_of_input = -1;
constexpr std::size_t chunk_size = 1 << 16;

bool is_continuation_byte(int byte) { return (byte & 0xC0) == 0x80; }
}  // namespace

CsvReader::CsvReader(std::istream& in, std::string source_name, CsvLimits limits)
    : in_(in), source_name_(std::move(source_name)), limits_(limits), buffer_(chunk_size) {}

SourceLocation CsvReader::location(int line, int column, std::string field) const {
  return SourceLocation{source_name_, line, column, std::move(field)};
}

bool CsvReader::refill() {
  if (!in_) return false;
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  const auto got = in_.gcount();
  if (in_.bad()) throw_invalid("the input could not be read", location(line_, column_));
  pos_ = 0;
  end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
  return end_ > 0;
}

int CsvReader::peek() {
  if (pos_ == end_ && !refill()) return end_of_input;
  return static_cast<unsigned char>(buffer_[pos_]);
}

// Consumes one byte and moves the line and column on. CR, LF and CRLF each end one line.
int CsvReader::get() {
  const int byte = peek();
  if (byte == end_of_input) return byte;
  ++pos_;
  ++bytes_read_;
  if (byte == '\r') {
    ++line_;
    column_ = 1;
    after_cr_ = true;
  } else if (byte == '\n') {
    if (!after_cr_) {
      ++line_;
      column_ = 1;
    }
    after_cr_ = false;
  } else {
    after_cr_ = false;
    if (!is_continuation_byte(byte)) ++column_;
  }
  return byte;
}

CsvField& CsvReader::start_field(CsvRecord& record) {
  if (record.count_ == limits_.max_fields) {
    throw_invalid(fmt::format("a record has more than {} fields", limits_.max_fields),
                  location(line_, column_));
  }
  if (record.count_ == record.fields_.size()) record.fields_.emplace_back();
  CsvField& field = record.fields_[record.count_++];
  field.text.clear();
  field.line = line_;
  field.column = column_;
  field.quoted = false;
  return field;
}

void CsvReader::append(CsvField& field, int byte) {
  if (field.text.size() == limits_.max_field_bytes) {
    throw_invalid(fmt::format("field longer than {} bytes", limits_.max_field_bytes),
                  location(field.line, field.column));
  }
  field.text.push_back(static_cast<char>(byte));
}

void CsvReader::read_quoted(CsvField& field) {
  field.quoted = true;
  get();  // the opening quote
  for (;;) {
    // Take the run up to the next quote or line break in one go; those two go byte by byte below.
    std::size_t stop = pos_;
    int characters = 0;
    while (stop < end_) {
      const auto byte = static_cast<unsigned char>(buffer_[stop]);
      if (byte == '"' || byte == '\r' || byte == '\n') break;
      if (!is_continuation_byte(byte)) ++characters;
      ++stop;
    }
    if (const auto length = stop - pos_; length > 0) {
      if (field.text.size() + length > limits_.max_field_bytes) {
        throw_invalid(fmt::format("field longer than {} bytes", limits_.max_field_bytes),
                      location(field.line, field.column));
      }
      field.text.append(buffer_.data() + pos_, length);
      column_ += characters;
      bytes_read_ += length;
      pos_ = stop;
      after_cr_ = false;
    }
    const int byte = get();
    if (byte == end_of_input) {
      throw_invalid("unterminated quoted field: the closing quote is missing",
                    location(field.line, field.column));
    }
    if (byte == '"') {
      if (peek() != '"') return;
      get();
    }
    append(field, byte);
  }
}

// The common case, taken a buffer at a time: an unquoted field holds no line break, so only the
// column moves, by one for each byte that starts a character.
void CsvReader::read_unquoted(CsvField& field) {
  for (;;) {
    if (pos_ == end_ && !refill()) return;
    std::size_t stop = pos_;
    int characters = 0;
    while (stop < end_) {
      const auto byte = static_cast<unsigned char>(buffer_[stop]);
      if (byte == ',' || byte == '\r' || byte == '\n' || byte == '"') break;
      if (!is_continuation_byte(byte)) ++characters;
      ++stop;
    }
    const auto length = stop - pos_;
    if (length > 0) {
      if (field.text.size() + length > limits_.max_field_bytes) {
        throw_invalid(fmt::format("field longer than {} bytes", limits_.max_field_bytes),
                      location(field.line, field.column));
      }
      field.text.append(buffer_.data() + pos_, length);
      column_ += characters;
      bytes_read_ += length;
      pos_ = stop;
      after_cr_ = false;
    }
    if (stop < end_) return;
  }
}

bool CsvReader::next(CsvRecord& record) {
  if (!started_) {
    started_ = true;
    // A UTF-8 byte order mark is not data; skip it without counting it as a column.
    static constexpr unsigned char bom[] = {0xEF, 0xBB, 0xBF};
    if (peek() == bom[0]) {
      if (end_ - pos_ >= 3 && static_cast<unsigned char>(buffer_[pos_ + 1]) == bom[1] &&
          static_cast<unsigned char>(buffer_[pos_ + 2]) == bom[2]) {
        pos_ += 3;
        bytes_read_ += 3;
      }
    }
  }
  if (peek() == end_of_input) return false;
  record.count_ = 0;
  record.line_ = line_;
  for (;;) {
    CsvField& field = start_field(record);
    if (peek() == '"') {
      read_quoted(field);
      const int next = peek();
      if (next != ',' && next != '\r' && next != '\n' && next != end_of_input) {
        throw_invalid("unexpected text after a closing quote (a quote inside a quoted field must be doubled)",
                      location(line_, column_));
      }
    } else {
      read_unquoted(field);
      if (peek() == '"') {
        throw_invalid("a quote inside an unquoted field (quote the whole field and double the quote)",
                      location(line_, column_));
      }
    }
    if (peek() == ',') {
      get();
      continue;
    }
    record.end_column_ = column_;
    const int terminator = get();
    if (terminator == '\r' && peek() == '\n') get();
    return true;
  }
}

}  // namespace recall
