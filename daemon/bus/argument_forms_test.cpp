#include "bus/argument_forms.hpp"

#include <gtest/gtest.h>

namespace fwctl::bus {
namespace {

Value str(std::string s, std::string sig = "s") {
  Value v;
  v.kind = Value::Kind::String;
  v.signature = std::move(sig);
  v.text = std::move(s);
  return v;
}
Value num(std::int64_t i, std::string sig = "i") {
  Value v;
  v.kind = Value::Kind::Int;
  v.signature = std::move(sig);
  v.integer = i;
  return v;
}
Value boolean(bool b) {
  Value v;
  v.kind = Value::Kind::Bool;
  v.signature = "b";
  v.boolean = b;
  return v;
}
Value list(std::vector<Value> items, std::string sig) {
  Value v;
  v.kind = Value::Kind::List;
  v.signature = std::move(sig);
  v.items = std::move(items);
  return v;
}
Value tuple(std::vector<Value> items) {
  Value v;
  v.kind = Value::Kind::Tuple;
  v.items = std::move(items);
  v.signature = "(";
  for (const Value& i : v.items) v.signature += i.signature;
  v.signature += ")";
  return v;
}

const std::vector<std::string> kAddPort = {"zone", "port", "protocol", "timeout"};

std::string refusal(const std::variant<std::vector<Value>, Refusal>& r) {
  const auto* x = std::get_if<Refusal>(&r);
  return x ? x->message : "";
}

TEST(ArgumentForms, IntegerOfAnotherWidthAndBoolForInt) {
  auto r = convert_arguments("addPort", kAddPort, "sssi",
                             {str("public"), str("80"), str("tcp"), num(5, "t")});
  ASSERT_TRUE(std::holds_alternative<std::vector<Value>>(r));
  EXPECT_EQ(std::get<0>(r)[3].signature, "i");
  EXPECT_EQ(std::get<0>(r)[3].integer, 5);
  r = convert_arguments("addPort", kAddPort, "sssi",
                        {str("public"), str("80"), str("tcp"), boolean(true)});
  EXPECT_EQ(std::get<0>(r)[3].integer, 1);  // python: True is an int
}

TEST(ArgumentForms, ObjectPathIsAString) {
  auto r = convert_arguments("getZoneSettings2", {"zone"}, "s", {str("/x", "o")});
  EXPECT_EQ(std::get<0>(r)[0].signature, "s");
}

TEST(ArgumentForms, WrongTypeIsDbusToPythonsTypeError) {
  auto r = convert_arguments("addPort", kAddPort, "sssi", {num(1), str("80"), str("tcp"), num(0)});
  EXPECT_EQ(refusal(r), "1 is <class 'int'>, expected <class 'str'>");
  r = convert_arguments("setMasquerade", {"enable"}, "b", {num(1, "u")});
  EXPECT_EQ(refusal(r), "1 is <class 'int'>, expected <class 'bool'>");
}

TEST(ArgumentForms, OutOfRangeIsRefused) {
  auto r = convert_arguments("addPort", kAddPort, "sssi",
                             {str("public"), str("80"), str("tcp"), num(1LL << 40, "x")});
  EXPECT_NE(refusal(r), "");
}

TEST(ArgumentForms, ArityIsPythonsTypeError) {
  auto r = convert_arguments("addPort", kAddPort, "sssi", {str("public"), str("80")});
  EXPECT_EQ(refusal(r),
            "addPort() missing 2 required positional arguments: 'protocol' and 'timeout'");
  r = convert_arguments("getZones", {}, "", {str("x"), str("y")});
  EXPECT_EQ(refusal(r), "getZones() got multiple values for argument 'sender'");
  r = convert_arguments("addPort", kAddPort, "sssi", {str("a")});
  EXPECT_EQ(refusal(r),
            "addPort() missing 3 required positional arguments: 'port', 'protocol', and 'timeout'");
}

TEST(ArgumentForms, TopLevelStructFromArrayOfVariants) {
  // docker: config.addService-like settings as av; inner lists of variants become typed lists
  Value settings = list({str("1.0"), str("x"), list({}, "av"), boolean(false)}, "av");
  auto r = convert_arguments("addThing", {"name", "settings"}, "s(ssasb)", {str("n"), settings});
  ASSERT_TRUE(std::holds_alternative<std::vector<Value>>(r)) << refusal(r);
  EXPECT_EQ(std::get<0>(r)[1].signature, "(ssasb)");
  EXPECT_EQ(std::get<0>(r)[1].items[2].signature, "as");
}

TEST(ArgumentForms, StructSizeAndNestedTuplesAsFirewalldChecks) {
  Value short_settings = list({str("1.0")}, "av");
  auto r = convert_arguments("addThing", {"name", "settings"}, "s(ss)", {str("n"), short_settings});
  EXPECT_EQ(refusal(r), "INVALID_TYPE: structure size mismatch 1 != 2");
  // a port as a list inside the settings: _check_config_structure wants a tuple
  Value port_as_list = list({str("80"), str("tcp")}, "as");
  Value settings = tuple({list({port_as_list}, "aas")});
  r = convert_arguments("update", {"settings"}, "(a(ss))", {settings});
  EXPECT_EQ(refusal(r),
            "INVALID_TYPE: '['80', 'tcp']' not of type <class 'tuple'>, but <class 'list'>");
  settings = tuple({list({tuple({str("80"), str("tcp")})}, "a(ss)")});
  r = convert_arguments("update", {"settings"}, "(a(ss))", {settings});
  EXPECT_TRUE(std::holds_alternative<std::vector<Value>>(r));
}

TEST(ArgumentForms, ConfigAddZoneTakesAShorterTuple) {
  std::vector<Value> five = {str("1.0"), str("z"), str(""), boolean(false), str("ACCEPT")};
  auto r = convert_arguments("FirewallDConfig.addZone", {"zone", "settings"}, "s(sssbsasb)",
                             {str("z"), list(five, "av")});
  ASSERT_TRUE(std::holds_alternative<std::vector<Value>>(r)) << refusal(r);
  EXPECT_EQ(std::get<0>(r)[1].signature, "(sssbsasb)");
  EXPECT_EQ(std::get<0>(r)[1].items[6].kind, Value::Kind::Bool);
  five.pop_back();
  r = convert_arguments("FirewallDConfig.addZone", {"zone", "settings"}, "s(sssbsasb)",
                        {str("z"), list(five, "av")});
  EXPECT_EQ(refusal(r), "list index out of range");
  r = convert_arguments("FirewallDConfigZone.update", {"settings"}, "(sssbsasb)",
                        {list(five, "av")});
  EXPECT_EQ(refusal(r), "INVALID_TYPE: structure size mismatch 4 != 7");
}

TEST(ArgumentForms, ShorterZoneUpdateIsUpdate2WithTheFieldsGiven) {
  std::vector<Value> six = {str("1.0"),     str("z"),      str(""),
                            boolean(false), str("ACCEPT"), list({str("ssh")}, "as")};
  auto r = partial_update("FirewallDConfigZone.update", "(sssbsasb)", {list(six, "av")});
  ASSERT_TRUE(r.has_value());
  const auto& rewritten = std::get<Rewritten>(*r);
  EXPECT_EQ(rewritten.member, "update2");
  ASSERT_EQ(rewritten.args.size(), 1u);
  EXPECT_EQ(rewritten.args[0].signature, "a{sv}");
  ASSERT_EQ(rewritten.args[0].items.size(), 10u);  // 5 keys: the unused field is left out
  EXPECT_EQ(rewritten.args[0].items[6].text, "target");
  EXPECT_EQ(rewritten.args[0].items[9].signature, "as");
  six.resize(4);
  r = partial_update("FirewallDConfigZone.update", "(sssbsasb)", {list(six, "av")});
  EXPECT_EQ(std::get<Refusal>(*r).message, "list index out of range");
  EXPECT_FALSE(partial_update("FirewallDConfigIcmpType.update", "(ss)", {list({str("")}, "av")}));
}

TEST(ArgumentForms, CanonicalGivesHomogeneousVariantArraysTheirItemType) {
  bool changed = false;
  Value v = canonical(list({str("a"), str("b")}, "av"), changed);
  EXPECT_TRUE(changed);
  EXPECT_EQ(v.signature, "as");
  changed = false;
  v = canonical(list({str("a"), num(1)}, "av"), changed);
  EXPECT_FALSE(changed);
  EXPECT_EQ(v.signature, "av");
  changed = false;
  v = canonical(list({str("a")}, "as"), changed);
  EXPECT_FALSE(changed);
  v = canonical(num(-5, "n"), changed);
  EXPECT_TRUE(changed);
  EXPECT_EQ(v.signature, "i");
}

TEST(ArgumentForms, SplitSignature) {
  EXPECT_EQ(split_signature("sa(ss)ia{sv}"),
            (std::vector<std::string>{"s", "a(ss)", "i", "a{sv}"}));
}

}  // namespace
}  // namespace fwctl::bus
