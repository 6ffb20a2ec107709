#include "core/calendar/bank_holidays.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall {

namespace {

constexpr int supported_year_count = last_supported_year - first_supported_year + 1;
constexpr std::string_view substitute_suffix = " (substitute day)";

Date first_monday(int year, unsigned month) {
  return Date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::Monday[1]};
}

Date last_monday(int year, unsigned month) {
  return Date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::Monday[std::chrono::last]};
}

// The one-off changes by royal proclamation. Every one of them applied in all three parts of the UK.
struct OneOffMove {
  int year;
  unsigned from_month, from_day;
  unsigned to_month, to_day;
  const char* name;
};
struct OneOffAddition {
  int year;
  unsigned month, day;
  const char* name;
};

constexpr std::array one_off_moves = {
    OneOffMove{2012, 5, 28, 6, 4, "Spring bank holiday"},               // Diamond Jubilee
    OneOffMove{2020, 5, 4, 5, 8, "Early May bank holiday (VE day)"},    // VE Day 75th anniversary
    OneOffMove{2022, 5, 30, 6, 2, "Spring bank holiday"},               // Platinum Jubilee
};
constexpr std::array one_off_additions = {
    OneOffAddition{2011, 4, 29, "Royal wedding"},
    OneOffAddition{2012, 6, 5, "Queen's Diamond Jubilee"},
    OneOffAddition{2022, 6, 3, "Platinum Jubilee bank holiday"},
    OneOffAddition{2022, 9, 19, "Bank holiday for the State Funeral of Queen Elizabeth II"},
    OneOffAddition{2023, 5, 8, "Bank holiday for the coronation of King Charles III"},
};

// Collects one year's holidays. Fixed-date holidays that fall at a weekend wait until every other
// holiday is known, because a substitute must land on a weekday that is not already a holiday.
class YearBuilder {
 public:
  explicit YearBuilder(int year) : year_(year) {}

  void add(Date date, std::string name) { days_.push_back({date, std::move(name)}); }

  void add_fixed(unsigned month, unsigned day, std::string name) {
    const Date date = make_date(year_, month, day);
    if (is_weekend(date)) {
      weekend_.push_back({date, std::move(name)});
    } else {
      add(date, std::move(name));
    }
  }

  void apply_one_offs() {
    for (const auto& move : one_off_moves) {
      if (move.year != year_) continue;
      const Date from = make_date(year_, move.from_month, move.from_day);
      auto it = std::find_if(days_.begin(), days_.end(), [&](const BankHoliday& h) { return h.date == from; });
      if (it == days_.end()) {
        throw Error(ErrorKind::internal, fmt::format("one-off move from {} finds no holiday there", to_iso(from)));
      }
      it->date = make_date(year_, move.to_month, move.to_day);
      it->name = move.name;
    }
    for (const auto& addition : one_off_additions) {
      if (addition.year == year_) add(make_date(year_, addition.month, addition.day), addition.name);
    }
  }

  std::vector<BankHoliday> finish() {
    std::sort(weekend_.begin(), weekend_.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    for (auto& holiday : weekend_) {
      Date substitute = holiday.date + std::chrono::days{1};
      while (is_weekend(substitute) || taken(substitute)) substitute += std::chrono::days{1};
      add(substitute, holiday.name + std::string(substitute_suffix));
    }
    std::sort(days_.begin(), days_.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    return std::move(days_);
  }

 private:
  bool taken(Date date) const {
    return std::any_of(days_.begin(), days_.end(), [&](const BankHoliday& h) { return h.date == date; });
  }

  int year_;
  std::vector<BankHoliday> days_;
  std::vector<BankHoliday> weekend_;
};

std::vector<BankHoliday> compute_year(HolidayRegion region, int year) {
  YearBuilder builder(year);
  const Date easter = easter_sunday(year);
  builder.add_fixed(1, 1, "New Year's Day");
  if (region == HolidayRegion::scotland) builder.add_fixed(1, 2, "2nd January");
  if (region == HolidayRegion::northern_ireland) builder.add_fixed(3, 17, "St Patrick's Day");
  builder.add(easter - std::chrono::days{2}, "Good Friday");
  if (region != HolidayRegion::scotland) builder.add(easter + std::chrono::days{1}, "Easter Monday");
  builder.add(first_monday(year, 5), "Early May bank holiday");
  builder.add(last_monday(year, 5), "Spring bank holiday");
  if (region == HolidayRegion::northern_ireland) builder.add_fixed(7, 12, "Battle of the Boyne (Orangemen's Day)");
  builder.add(region == HolidayRegion::scotland ? first_monday(year, 8) : last_monday(year, 8),
              "Summer bank holiday");
  if (region == HolidayRegion::scotland) builder.add_fixed(11, 30, "St Andrew's Day");
  builder.add_fixed(12, 25, "Christmas Day");
  builder.add_fixed(12, 26, "Boxing Day");
  builder.apply_one_offs();
  return builder.finish();
}

constexpr std::array all_regions = {HolidayRegion::england_and_wales, HolidayRegion::scotland,
                                    HolidayRegion::northern_ireland};

// Every supported year is computed once, on first use; afterwards lookups only read.
using YearTable = std::array<std::vector<BankHoliday>, supported_year_count>;
const YearTable& table_for(HolidayRegion region) {
  static const std::array<YearTable, all_regions.size()> tables = [] {
    std::array<YearTable, all_regions.size()> out;
    for (std::size_t r = 0; r < all_regions.size(); ++r) {
      for (int y = first_supported_year; y <= last_supported_year; ++y) {
        out[r][static_cast<std::size_t>(y - first_supported_year)] = compute_year(all_regions[r], y);
      }
    }
    return out;
  }();
  return tables.at(static_cast<std::size_t>(region));
}

const std::vector<BankHoliday>& year_list(HolidayRegion region, int year) {
  if (year < first_supported_year || year > last_supported_year) {
    throw_invalid(fmt::format("bank holidays are known for {} to {} only, not {}", first_supported_year,
                              last_supported_year, year));
  }
  return table_for(region)[static_cast<std::size_t>(year - first_supported_year)];
}

}  // namespace

std::vector<BankHoliday> bank_holidays(HolidayRegion region, int year) { return year_list(region, year); }

std::optional<BankHoliday> find_bank_holiday(HolidayRegion region, Date date) {
  const auto& list = year_list(region, year_of(date));
  auto it = std::find_if(list.begin(), list.end(), [&](const BankHoliday& h) { return h.date == date; });
  if (it == list.end()) return std::nullopt;
  return *it;
}

bool is_bank_holiday(HolidayRegion region, Date date) { return find_bank_holiday(region, date).has_value(); }

}  // namespace recall
