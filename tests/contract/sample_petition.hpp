#pragma once
// What the petition contract tests need in place before a petition can be stored: a register to
// refer to, accounts to record sheets, and a Petition as opening would build it (Peterborough 2019,
// timetable computed with its Easter closures).
#include <cstdint>
#include <functional>
#include <string>

#include "core/base/error.hpp"
#include "store/store.hpp"

namespace recall::contract {

// Imports a small register for the constituency and returns its id.
std::int64_t import_sample_register(Store& store, const std::string& ons_code);

// Adds a staff account (signing-place clerk) and returns its id.
std::int64_t add_clerk(Store& store, const std::string& email);

// Peterborough: notice Tue 5 Mar 2019, designated day Tue 19 Mar, extended over Good Friday and Easter
// Monday to Wed 1 May. id 0; register_id as given.
Petition sample_petition(const std::string& ons_code, std::int64_t register_id);

// A signing place of the petition with Peterborough's longer hours (from 07:00 on Tuesdays, until
// 22:00 on Thursdays).
SigningPlace sample_place(std::int64_t petition_id, const std::string& name);

// An accepted in-person sheet for the elector at the place.
SignatureSheet in_person_sheet(std::int64_t petition_id, const std::string& elector_number,
                               std::int64_t place_id, std::int64_t clerk_id);

// The kind of the Error `work` throws (and the field it names, into `field`); fails the test if none.
ErrorKind error_kind_of(const std::function<void()>& work, std::string* field = nullptr);

}  // namespace recall::contract
