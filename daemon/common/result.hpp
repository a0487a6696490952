#pragma once
// Result<T>: a value or an Error, shaped like C++23 std::expected so that the switch is a rename.
//
// g++ 12 offers <expected> only with -std=c++23, and the project builds as C++20.

#include <cassert>
#include <cerrno>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "common/error.hpp"

namespace fwctl {

// Wraps an Error so that `return Unexpected{err};` reads like std::unexpected.
struct Unexpected {
  Error error;
};

inline Unexpected fail(Code code, std::string detail = {}) {
  return Unexpected{Error{code, std::move(detail), {}, 0}};
}

// COMMAND_FAILED "what: <strerror(errno)>", for a system call that just failed.
inline Unexpected errno_error(const std::string& what) {
  return fail(Code::COMMAND_FAILED, what + ": " + std::strerror(errno));
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Unexpected u) : v_(std::in_place_index<1>, std::move(u.error)) {}  // NOLINT
  // A failed Status or Result of another type passes its error on: `if (!st) return st;`.
  template <typename U>
  requires(!std::is_same_v<U, T>) Result(const Result<U>& failed)
      : v_(std::in_place_index<1>, failed.error()) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!has_value());
    return std::get<1>(v_);
  }
  Error& error() {
    assert(!has_value());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Unexpected u) : error_(std::move(u.error)), ok_(false) {}  // NOLINT
  // A failed Result<T> passes its error on: `if (!r) return r;` in a function returning Status.
  template <typename U>
  Result(const Result<U>& failed) : error_(failed.error()), ok_(false) {}  // NOLINT

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }
  Error& error() {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Status ok() { return {}; }

}  // namespace fwctl
