#include "argparse.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "model/python_int.hpp"

namespace fwctl::cli::argparse {
namespace {

struct Tuple {
  int action = -1;  // -1: looks like an option, but there is none by that name
  std::string option_string;
  std::optional<std::string> explicit_arg;
};

Unexpected usage_error(std::string message) {
  return fail(Code::INVALID_OPTION, std::move(message));
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// "-5", "-.5", "-1.5": argparse takes these for positionals when no option looks like one.
bool negative_number(const std::string& s) {
  if (s.size() < 2 || s[0] != '-') return false;
  auto dot = s.find('.');
  auto digits = [](std::string_view v) {
    return std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); });
  };
  std::string_view rest(s);
  rest.remove_prefix(1);
  if (dot == std::string::npos) return digits(rest);
  std::string_view tail = std::string_view(s).substr(dot + 1);
  return digits(rest.substr(0, dot - 1)) && !tail.empty() && digits(tail);
}

class Parser {
 public:
  explicit Parser(const std::vector<Option>& options) : options_(options) {
    for (size_t i = 0; i < options.size(); ++i)
      for (const auto& name : options[i].names) strings_.emplace_back(name, static_cast<int>(i));
  }

  int find(const std::string& s) const {
    for (const auto& [name, index] : strings_)
      if (name == s) return index;
    return -1;
  }

  std::string action_name(int i) const {
    std::string out;
    for (const auto& name : options_[static_cast<size_t>(i)].names)
      out += (out.empty() ? "" : "/") + name;
    return out;
  }

  Unexpected argument_error(int action, const std::string& message) const {
    return usage_error("argument " + action_name(action) + ": " + message);
  }

  // _parse_optional: nullopt for a positional.
  Result<std::optional<Tuple>> parse_optional(const std::string& arg) const {
    if (arg.empty() || arg[0] != '-') return std::optional<Tuple>{};
    if (int i = find(arg); i >= 0) return std::optional<Tuple>{Tuple{i, arg, std::nullopt}};
    if (arg.size() == 1) return std::optional<Tuple>{};
    if (auto eq = arg.find('='); eq != std::string::npos) {
      std::string name = arg.substr(0, eq);
      if (int i = find(name); i >= 0)
        return std::optional<Tuple>{Tuple{i, name, arg.substr(eq + 1)}};
    }
    auto tuples = option_tuples(arg);
    if (tuples.size() > 1) {
      std::string matches;
      for (const auto& t : tuples) matches += (matches.empty() ? "" : ", ") + t.option_string;
      return usage_error("ambiguous option: " + arg + " could match " + matches);
    }
    if (tuples.size() == 1) return std::optional<Tuple>{tuples.front()};
    if (negative_number(arg) || arg.find(' ') != std::string::npos) return std::optional<Tuple>{};
    return std::optional<Tuple>{Tuple{-1, arg, std::nullopt}};
  }

  // Returns the number of following strings the option takes, or nullopt when the pattern
  // of the following strings ('A' argument, 'O' option, '-' for "--") does not fit.
  std::optional<size_t> match(const Option& o, const std::string& pattern) const {
    auto leading = [&](auto pred) {
      size_t n = 0;
      while (n < pattern.size() && pred(pattern[n])) ++n;
      return n;
    };
    auto is_a = [](char c) { return c == 'A'; };
    switch (o.kind) {
      case Kind::Flag:
        return 0;
      case Kind::Value:
      case Kind::Append:
      case Kind::AppendInt:
        if (!pattern.empty() && pattern[0] == 'A') return 1;
        return std::nullopt;
      case Kind::NArgs:
        if (leading(is_a) >= static_cast<size_t>(o.nargs)) return static_cast<size_t>(o.nargs);
        return std::nullopt;
      case Kind::Star:
        return leading(is_a);
      case Kind::Remainder:
        return leading([](char c) { return c == 'A' || c == 'O'; });
    }
    return std::nullopt;
  }

  std::string nargs_error(const Option& o) const {
    if (o.kind == Kind::NArgs && o.nargs != 1)
      return "expected " + std::to_string(o.nargs) + " arguments";
    return "expected one argument";
  }

 private:
  std::vector<Tuple> option_tuples(const std::string& arg) const {
    std::vector<Tuple> out;
    if (arg[1] == '-') {
      auto eq = arg.find('=');
      std::string prefix = arg.substr(0, eq);
      std::optional<std::string> explicit_arg;
      if (eq != std::string::npos) explicit_arg = arg.substr(eq + 1);
      for (const auto& [name, index] : strings_)
        if (starts_with(name, prefix) && !options_[static_cast<size_t>(index)].exact)
          out.push_back({index, name, explicit_arg});
    } else {
      std::string short_prefix = arg.substr(0, 2);
      for (const auto& [name, index] : strings_) {
        if (name == short_prefix) out.push_back({index, name, arg.substr(2)});
        else if (starts_with(name, arg)) out.push_back({index, name, std::nullopt});
      }
    }
    return out;
  }

  const std::vector<Option>& options_;
  std::vector<std::pair<std::string, int>> strings_;  // every option string, in table order
};

class Run {
 public:
  Run(const std::vector<Option>& options, const std::vector<std::string>& argv)
      : options_(options), argv_(argv), parser_(options) {
    parsed_.values.resize(options.size());
    seen_.assign(options.size(), false);
  }

  Result<Parsed> parse() {
    if (auto s = classify(); !s) return s;
    size_t start = 0;
    std::vector<std::string> extras;
    while (true) {
      auto next = std::find_if(tuples_.begin(), tuples_.end(),
                               [&](const auto& t) { return t.first >= start; });
      if (next == tuples_.end()) break;
      for (size_t i = start; i < next->first; ++i) extras.push_back(argv_[i]);
      auto stop = consume_optional(next->first, next->second, extras);
      if (!stop) return stop;
      start = *stop;
    }
    for (size_t i = start; i < argv_.size(); ++i) extras.push_back(argv_[i]);
    if (!extras.empty()) {
      std::string joined;
      for (const auto& e : extras) joined += (joined.empty() ? "" : " ") + e;
      return usage_error("unrecognized arguments: " + joined);
    }
    return parsed_;
  }

 private:
  Status classify() {
    for (size_t i = 0; i < argv_.size(); ++i) {
      if (argv_[i] == "--") {
        pattern_ += '-';
        pattern_.append(argv_.size() - i - 1, 'A');
        break;
      }
      auto t = parser_.parse_optional(argv_[i]);
      if (!t) return t;
      if (*t) tuples_.emplace_back(i, **t);
      pattern_ += *t ? 'O' : 'A';
    }
    return ok();
  }

  Result<size_t> consume_optional(size_t index, Tuple t, std::vector<std::string>& extras) {
    if (t.action < 0) {
      extras.push_back(argv_[index]);
      return index + 1;
    }
    std::vector<std::pair<int, std::vector<std::string>>> actions;
    size_t stop = 0;
    while (true) {
      const Option& o = options_[static_cast<size_t>(t.action)];
      if (t.explicit_arg) {
        auto count = parser_.match(o, "A");
        if (count && *count == 0 && t.option_string[1] != '-' && !t.explicit_arg->empty()) {
          // -qv: -q, then -v from the rest of the same string.
          actions.push_back({t.action, {}});
          std::string next = std::string("-") + (*t.explicit_arg)[0];
          std::string rest = t.explicit_arg->substr(1);
          int i = parser_.find(next);
          if (i < 0)
            return parser_.argument_error(
                t.action, "ignored explicit argument " + python_repr(*t.explicit_arg));
          t = Tuple{i, next, rest.empty() ? std::nullopt : std::optional<std::string>(rest)};
          continue;
        }
        if (count && *count == 1) {
          actions.push_back({t.action, {*t.explicit_arg}});
          stop = index + 1;
          break;
        }
        if (!count) return parser_.argument_error(t.action, parser_.nargs_error(o));
        return parser_.argument_error(t.action,
                                      "ignored explicit argument " + python_repr(*t.explicit_arg));
      }
      auto count = parser_.match(o, pattern_.substr(index + 1));
      if (!count) return parser_.argument_error(t.action, parser_.nargs_error(o));
      actions.push_back({t.action,
                         {argv_.begin() + static_cast<long>(index) + 1,
                          argv_.begin() + static_cast<long>(index + 1 + *count)}});
      stop = index + 1 + *count;
      break;
    }
    for (auto& [action, args] : actions)
      if (auto s = take_action(action, std::move(args)); !s) return s;
    return stop;
  }

  Status take_action(int action, std::vector<std::string> args) {
    const Option& o = options_[static_cast<size_t>(action)];
    if (o.kind != Kind::Remainder) {
      auto dash = std::find(args.begin(), args.end(), "--");
      if (dash != args.end()) args.erase(dash);
    }
    if (o.kind == Kind::AppendInt) {
      for (const auto& a : args)
        if (!model::parse_python_int(a, model::PythonIntBase::Decimal))
          return parser_.argument_error(action, "invalid int value: " + python_repr(a));
    }
    seen_[static_cast<size_t>(action)] = true;
    for (size_t other = 0; other < options_.size(); ++other) {
      if (o.group < 0 || static_cast<int>(other) == action || !seen_[other]) continue;
      if (options_[other].group == o.group)
        return parser_.argument_error(
            action, "not allowed with argument " + parser_.action_name(static_cast<int>(other)));
    }
    Value& v = parsed_.values[static_cast<size_t>(action)];
    v.seen = true;
    if (o.kind == Kind::Value || o.kind == Kind::NArgs || o.kind == Kind::Star ||
        o.kind == Kind::Remainder)
      v.values = std::move(args);
    else v.values.insert(v.values.end(), args.begin(), args.end());
    return ok();
  }

  const std::vector<Option>& options_;
  const std::vector<std::string>& argv_;
  Parser parser_;
  Parsed parsed_;
  std::vector<bool> seen_;
  std::string pattern_;
  std::vector<std::pair<size_t, Tuple>> tuples_;
};

bool shell_safe(unsigned char c) {
  return std::isalnum(c) || c == '_' ||
         std::string_view("@%+=:,./-").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string Option::dest() const {
  const std::string* chosen = &names.front();
  for (const auto& n : names)
    if (n.size() > 2 && n[1] == '-') {
      chosen = &n;
      break;
    }
  std::string d = chosen->substr(chosen->find_first_not_of('-'));
  std::replace(d.begin(), d.end(), '-', '_');
  return d;
}

Result<Parsed> parse(const std::vector<Option>& options, const std::vector<std::string>& argv) {
  return Run(options, argv).parse();
}

std::string shell_quote(const std::string& s) {
  if (s.empty()) return "''";
  if (std::all_of(s.begin(), s.end(), [](unsigned char c) { return shell_safe(c); })) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\"'\"'") : std::string(1, c);
  return out + "'";
}

std::string join_args(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& a : args) out += (out.empty() ? "" : " ") + shell_quote(a);
  return out;
}

std::optional<std::vector<std::string>> split_args(const std::string& s) {
  std::vector<std::string> out;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) out.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\'') {
      auto end = s.find('\'', i + 1);
      if (end == std::string::npos) return std::nullopt;  // "No closing quotation"
      word += s.substr(i + 1, end - i - 1);
      i = end;
    } else if (c == '"') {
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size() &&
            std::string_view("\\\"$`\n").find(s[i + 1]) != std::string_view::npos)
          ++i;
        word += s[i];
      }
      if (i >= s.size()) return std::nullopt;
    } else if (c == '\\') {
      if (++i >= s.size()) return std::nullopt;  // "No escaped character"
      if (s[i] != '\n') word += s[i];
    } else {
      word += c;
    }
  }
  if (in_word) out.push_back(std::move(word));
  return out;
}

std::string python_repr(const std::string& s) {
  char quote = (s.find('\'') != std::string::npos && s.find('"') == std::string::npos) ? '"' : '\'';
  std::string out(1, quote);
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == quote) out += std::string("\\") + c;
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out + quote;
}

}  // namespace fwctl::cli::argparse
