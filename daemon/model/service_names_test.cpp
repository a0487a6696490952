// The embedded netbase service table answers as getservbyname(name, NULL) does on Debian 12.

#include "model/service_names.hpp"

#include <gtest/gtest.h>

namespace fwctl::model {
namespace {

TEST(ServiceNames, ResolvesNamesAndAliases) {
  const std::pair<std::string_view, int> cases[] = {
      {"http", 80},     {"www", 80},     {"https", 443},     {"ssh", 22},        {"ftp-data", 20},
      {"kerberos", 88}, {"x11-1", 6001}, {"clearcase", 371}, {"Clearcase", 371}, {"zserv", 346},
      {"amqp", 5672},   {"mysql", 3306}, {"domain", 53},
  };
  for (auto [name, port] : cases) {
    EXPECT_EQ(lookup_service_port(name), port) << name;
  }
}

TEST(ServiceNames, TakesTheFirstLineForARepeatedName) {
  EXPECT_EQ(lookup_service_port("echo"), 7);     // 7/tcp before 4/ddp
  EXPECT_EQ(lookup_service_port("dicom"), 104);  // alias of acr-nema before its own line
  EXPECT_EQ(lookup_service_port("zip"), 6);      // found in the ddp section too
}

TEST(ServiceNames, KnowsNothingElse) {
  for (std::string_view name : {"", "HTTP", "http ", "80", "nosuchservice", "CLEARCASE"}) {
    EXPECT_EQ(lookup_service_port(name), std::nullopt) << name;
  }
}

}  // namespace
}  // namespace fwctl::model
