#include "check_config.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace fwctl::cli {
namespace {

TEST(CheckConfigReport, SuccessWhenThereIsNoError) {
  std::ostringstream out, err;
  CheckReport report;
  report.warnings.push_back(Error{Code::INVALID_RULE, "bad", "/etc/firewalld/zones/a.xml", 7});
  EXPECT_EQ(print_check_report(report, false, out, err), 0);
  EXPECT_EQ(out.str(), "success\n");
  EXPECT_EQ(err.str(), "/etc/firewalld/zones/a.xml:7: Warning: INVALID_RULE: bad\n");
}

TEST(CheckConfigReport, QuietSuppressesSuccess) {
  std::ostringstream out, err;
  EXPECT_EQ(print_check_report({}, true, out, err), 0);
  EXPECT_EQ(out.str(), "");
}

TEST(CheckConfigReport, ExitsWithTheFirstErrorsCodeAndPrintsEveryError) {
  std::ostringstream out, err;
  CheckReport report;
  report.errors.push_back(Error{Code::INVALID_PORT, "99999", "/s/zones/a.xml", 4});
  report.errors.push_back(Error{Code::INVALID_SERVICE, "nope", "/s/zones/b.xml", 0});
  EXPECT_EQ(print_check_report(report, false, out, err), 102);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str(),
            "/s/zones/a.xml:4: Error: INVALID_PORT: 99999\n"
            "/s/zones/b.xml: Error: INVALID_SERVICE: nope\n");
}

TEST(CheckConfig, TheRepositoryTreeIsValid) {
  auto report = check_config({FWCTL_SOURCE_DIR, FWCTL_TEST_DATA "/broken/ok-minimal"});
  for (const auto& e : report.errors) ADD_FAILURE() << e.located_message();
  EXPECT_TRUE(report.warnings.empty());
}

TEST(CheckConfig, ABadPortIsReportedWithFileAndLine) {
  auto report = check_config({FWCTL_SOURCE_DIR, FWCTL_TEST_DATA "/broken/bad-port"});
  ASSERT_FALSE(report.errors.empty());
  EXPECT_EQ(report.errors.front().code, Code::INVALID_PORT);
  EXPECT_EQ(report.errors.front().file, FWCTL_TEST_DATA "/broken/bad-port/zones/foo.xml");
  EXPECT_GT(report.errors.front().line, 0);
}

}  // namespace
}  // namespace fwctl::cli
