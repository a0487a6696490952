#pragma once
// A minimal JSON value for `fwctl --json`: built in code order (object members keep the order
// they were added in, so the documents are stable) and printed the way `jq .` prints.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace fwctl::cli {

class Json {
 public:
  enum class Kind { Null, Bool, Number, String, Array, Object };

  Json() = default;
  Json(bool b) : kind_(Kind::Bool), bool_(b) {}                        // NOLINT: implicit
  Json(int64_t n) : kind_(Kind::Number), number_(n) {}                 // NOLINT
  Json(int n) : Json(static_cast<int64_t>(n)) {}                       // NOLINT
  Json(std::string s) : kind_(Kind::String), string_(std::move(s)) {}  // NOLINT
  Json(const char* s) : Json(std::string(s)) {}                        // NOLINT
  Json(const std::vector<std::string>& items);                         // NOLINT: string array

  static Json array();
  static Json object();

  Kind kind() const { return kind_; }
  // Appends to an array.
  Json& push(Json value);
  // Sets a member of an object (replacing one of the same key in place).
  Json& set(const std::string& key, Json value);
  const Json* find(const std::string& key) const;
  size_t size() const { return kind_ == Kind::Object ? members_.size() : items_.size(); }

  // Pretty-printed with two-space indents, no trailing newline.
  std::string dump() const;

 private:
  void dump(std::string& out, int depth) const;
  Kind kind_ = Kind::Null;
  bool bool_ = false;
  int64_t number_ = 0;
  std::string string_;
  std::vector<Json> items_;
  std::vector<std::pair<std::string, Json>> members_;
};

// A JSON string literal for `s` (quotes included), escaping as RFC 8259 requires.
std::string json_quote(const std::string& s);

}  // namespace fwctl::cli
