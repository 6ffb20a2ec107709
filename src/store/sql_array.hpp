#pragma once
// A column of values as one PostgreSQL array parameter, in the array's text form ({1,NULL,"a\"b"}), for
// `INSERT … SELECT … FROM unnest($1::bigint[], $2::text[], …)`: a batch of any size is one statement
// with one text, prepared once, where a multi-row VALUES list is a new text (and a new executor tree
// of rows × columns expressions) for each size. The connection sends parameters as text, so the
// array goes as its literal; each element is what the value would have been as a parameter of its own
// (a bytea as its "\x…" hex form, an integer in decimal), quoted and escaped.
#include <span>
#include <string>

#include "store/sql_value.hpp"

namespace recall {

[[nodiscard]] std::string postgres_array_literal(std::span<const SqlValue> values);

}  // namespace recall
