#include "sys/options.hpp"

#include <gtest/gtest.h>

namespace fwctl::sys {
namespace {

TEST(DaemonOptions, DefaultsAreFirewalldPaths) {
  auto opts = parse_daemon_options({});
  ASSERT_TRUE(opts);
  EXPECT_FALSE(opts->nofork);
  EXPECT_FALSE(opts->nopid);
  EXPECT_EQ(opts->system_config, "/etc/firewalld");
  EXPECT_EQ(opts->default_config, "/usr/lib/firewalld");
  EXPECT_EQ(opts->log_target, LogTarget::Mixed);
  EXPECT_EQ(opts->debug, 0);
}

TEST(DaemonOptions, AcceptsEveryFirewalldOptionInBothSpellings) {
  auto opts =
      parse_daemon_options({"--nofork", "--nopid", "--system-config", "/s", "--default-config=/d",
                            "--log-file", "/l", "--log-target=console", "--debug=3"});
  ASSERT_TRUE(opts) << opts.error().message();
  EXPECT_TRUE(opts->nofork);
  EXPECT_TRUE(opts->nopid);
  EXPECT_EQ(opts->system_config, "/s");
  EXPECT_EQ(opts->default_config, "/d");
  EXPECT_EQ(opts->log_file, "/l");
  EXPECT_EQ(opts->log_target, LogTarget::Console);
  EXPECT_EQ(opts->debug, 3);
}

TEST(DaemonOptions, AcceptsDebugGcAsANoOp) {
  auto opts = parse_daemon_options({"--debug-gc"});
  ASSERT_TRUE(opts);
  EXPECT_EQ(opts->debug, 0);
  EXPECT_FALSE(parse_daemon_options({"--debug-gc=1"}));
}

TEST(DaemonOptions, PathsBecomeAbsoluteAndNormal) {
  DaemonOptions opts;
  opts.default_config = "..";
  opts.system_config = "etc/./fw/";
  opts.log_file = "/var/log/firewalld";
  make_paths_absolute(opts, "/work/tree/build");
  EXPECT_EQ(opts.default_config, "/work/tree");
  EXPECT_EQ(opts.system_config, "/work/tree/build/etc/fw");
  EXPECT_EQ(opts.log_file, "/var/log/firewalld");
}

TEST(DaemonOptions, BareDebugMeansLevelOne) {
  auto opts = parse_daemon_options({"--debug"});
  ASSERT_TRUE(opts);
  EXPECT_EQ(opts->debug, 1);
}

TEST(DaemonOptions, RejectsUnknownAndMalformedOptions) {
  for (auto args : std::vector<std::vector<std::string>>{{"--bogus"},
                                                         {"--log-target", "nowhere"},
                                                         {"--debug=eleven"},
                                                         {"--debug=11"},
                                                         {"--system-config"},
                                                         {"--nofork=yes"}}) {
    auto opts = parse_daemon_options(args);
    ASSERT_FALSE(opts) << args[0];
    EXPECT_EQ(opts.error().code, Code::INVALID_OPTION) << args[0];
  }
}

}  // namespace
}  // namespace fwctl::sys
