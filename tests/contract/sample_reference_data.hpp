#pragma once
// A small but realistic ReferenceData for the contract suite: five constituencies across the four
// nations with 2017 and 2019 results, MPs of both Parliaments including party changes with known
// and unknown dates, hexes and example postcodes.
#include "core/parliament/model.hpp"

namespace recall::contract {

ReferenceData sample_reference_data();

}  // namespace recall::contract
