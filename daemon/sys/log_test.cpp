#include "sys/log.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fwctl::sys::log {
namespace {

using S = Sink;

DaemonOptions with(LogTarget target, int debug = 0, bool nofork = false) {
  DaemonOptions o;
  o.log_target = target;
  o.debug = debug;
  o.nofork = nofork;
  return o;
}

TEST(LogRoute, BeforeConfigureErrorsGoToStderrInfoToStdoutAndDebugNowhere) {
  DaemonOptions o = with(LogTarget::Syslog, 10);
  EXPECT_EQ(route(o, false, Severity::Error, 0), std::vector<Sink>{S::Stderr});
  EXPECT_EQ(route(o, false, Severity::Warning, 0), std::vector<Sink>{S::Stderr});
  EXPECT_EQ(route(o, false, Severity::Info, 1), std::vector<Sink>{S::Stdout});
  EXPECT_TRUE(route(o, false, Severity::Info, 2).empty());
  EXPECT_TRUE(route(o, false, Severity::Debug, 1).empty());
}

TEST(LogRoute, SingleTargetsTakeEverythingThatIsOn) {
  for (auto [target, sink] : {std::pair{LogTarget::Syslog, S::Journal},
                              {LogTarget::File, S::File},
                              {LogTarget::Console, S::Stdout}}) {
    DaemonOptions o = with(target);
    EXPECT_EQ(route(o, true, Severity::Fatal, 0), std::vector<Sink>{sink});
    EXPECT_EQ(route(o, true, Severity::Error, 0), std::vector<Sink>{sink});
    EXPECT_EQ(route(o, true, Severity::Info, 1), std::vector<Sink>{sink});
    EXPECT_TRUE(route(o, true, Severity::Info, 2).empty()) << "INFO2 needs --debug";
    EXPECT_TRUE(route(o, true, Severity::Debug, 1).empty()) << "debug needs --debug";
  }
}

TEST(LogRoute, DebugLevelBoundsDebugAndOpensEveryInfoLevel) {
  DaemonOptions o = with(LogTarget::File, 3);
  EXPECT_EQ(route(o, true, Severity::Debug, 3), std::vector<Sink>{S::File});
  EXPECT_TRUE(route(o, true, Severity::Debug, 4).empty());
  EXPECT_EQ(route(o, true, Severity::Info, 5), std::vector<Sink>{S::File});
}

TEST(LogRoute, MixedSendsProblemsToJournalAndFileInfoToStdoutDebugToFile) {
  DaemonOptions o = with(LogTarget::Mixed);
  EXPECT_EQ(route(o, true, Severity::Error, 0), (std::vector<Sink>{S::Journal, S::File}));
  EXPECT_EQ(route(o, true, Severity::Warning, 0), (std::vector<Sink>{S::Journal, S::File}));
  EXPECT_EQ(route(o, true, Severity::Info, 1), std::vector<Sink>{S::Stdout});

  DaemonOptions d = with(LogTarget::Mixed, 2);
  EXPECT_EQ(route(d, true, Severity::Info, 1), (std::vector<Sink>{S::Stdout, S::File}));
  EXPECT_EQ(route(d, true, Severity::Debug, 2), std::vector<Sink>{S::File});

  DaemonOptions f = with(LogTarget::Mixed, 2, true);
  EXPECT_EQ(route(f, true, Severity::Debug, 2), (std::vector<Sink>{S::File, S::Stdout}));
}

TEST(LogFormat, LabelsAsFirewalldWithTheFileDate) {
  std::tm when{};
  when.tm_year = 2024 - 1900;
  when.tm_mon = 4;
  when.tm_mday = 7;
  when.tm_hour = 9;
  when.tm_min = 5;
  when.tm_sec = 3;
  EXPECT_EQ(format(Severity::Error, 0, "INVALID_ZONE: foo", nullptr), "ERROR: INVALID_ZONE: foo");
  EXPECT_EQ(format(Severity::Warning, 0, "ALREADY_ENABLED: x", nullptr),
            "WARNING: ALREADY_ENABLED: x");
  EXPECT_EQ(format(Severity::Fatal, 0, "gone", nullptr), "FATAL ERROR: gone");
  EXPECT_EQ(format(Severity::Debug, 2, "detail", nullptr), "DEBUG2: detail");
  EXPECT_EQ(format(Severity::Info, 1, "started", &when), "2024-05-07 09:05:03 started");
  EXPECT_EQ(format(Severity::Error, 0, "bad", &when), "2024-05-07 09:05:03 ERROR: bad");
}

class LogFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/fwctl-log-test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    reset();
    std::string cmd = "rm -rf '" + dir_ + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
  }
  std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::string dir_;
};

TEST_F(LogFile, FileTargetAppendsDatedLinesOfTheLevelsThatAreOn) {
  DaemonOptions o = with(LogTarget::File, 1);
  o.log_file = dir_ + "/log";
  ASSERT_TRUE(configure(o));
  error("INVALID_SERVICE: nope");
  info("started");
  info("more", 5);
  debug(1, "applied");
  debug(2, "not on");
  EXPECT_TRUE(debug_enabled(1));
  EXPECT_FALSE(debug_enabled(2));
  reset();

  // Each line is "YYYY-MM-DD hh:mm:ss <message>": check the date's shape, then the message.
  // (No std::regex: g++ 12 warns inside <regex> under the sanitizers, and we build with -Werror.)
  std::istringstream lines(read(o.log_file));
  std::vector<std::string> messages;
  for (std::string line; std::getline(lines, line);) {
    ASSERT_GT(line.size(), 20u) << line;
    const std::string shape = "dddd-dd-dd dd:dd:dd";
    for (std::size_t i = 0; i < shape.size(); ++i) {
      if (shape[i] == 'd')
        EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(line[i])) != 0) << line;
      else EXPECT_EQ(line[i], shape[i]) << line;
    }
    EXPECT_EQ(line[19], ' ') << line;
    messages.push_back(line.substr(20));
  }
  EXPECT_EQ(messages, (std::vector<std::string>{"ERROR: INVALID_SERVICE: nope", "started", "more",
                                                "DEBUG1: applied"}));
  struct stat st {};
  ASSERT_EQ(::stat(o.log_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

// firewalld's lines stay exactly its own (the suite greps them, e.g. case 143); where in which
// file the problem was goes on a debug line of its own.
TEST_F(LogFile, ProblemsAreLoggedAsFirewalldWordsThemWithTheirPlaceAtDebugLevel) {
  DaemonOptions o = with(LogTarget::File, 1);
  o.log_file = dir_ + "/log";
  ASSERT_TRUE(configure(o));
  problem(Error{Code::ALREADY_ENABLED, "'1234:tcp' already in 'foobar'", "./zones/foobar.xml", 5});
  Error failed{Code::INVALID_TYPE, "Not a valid file", "./direct.xml", 0};
  failed.log_level = Error::LogLevel::Error;
  failed.log_text = "Failed to load direct rules file './direct.xml': INVALID_TYPE: x";
  problem(failed);
  problem(Error{Code::COMMAND_FAILED, "bare", {}, 0});
  reset();
  std::istringstream lines(read(o.log_file));
  std::vector<std::string> messages;
  for (std::string line; std::getline(lines, line);) messages.push_back(line.substr(20));
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "WARNING: ALREADY_ENABLED: '1234:tcp' already in 'foobar'",
                          "DEBUG1:   at ./zones/foobar.xml:5",
                          "ERROR: Failed to load direct rules file './direct.xml': INVALID_TYPE: x",
                          "DEBUG1:   at ./direct.xml", "WARNING: COMMAND_FAILED: bare"}));
}

TEST_F(LogFile, AnUnopenableFileIsReportedAndLoggingGoesOn) {
  DaemonOptions o = with(LogTarget::File);
  o.log_file = dir_ + "/missing/log";
  Status st = configure(o);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message(), "COMMAND_FAILED: Failed to open log file '" + o.log_file +
                                      "': No such file or directory");
  testing::internal::CaptureStderr();
  error("still reported");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "ERROR: still reported\n");
}

}  // namespace
}  // namespace fwctl::sys::log
