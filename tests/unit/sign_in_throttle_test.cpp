#include <gtest/gtest.h>

#include "accounts/sign_in_throttle.h"
#include "http/client_address.h"

using namespace trellis::accounts;

TEST(SignInThrottle, waits_only_after_the_free_attempts_then_doubles_up_to_fifteen_minutes) {
    FailureRecord record;
    const long long now = 1'000'000;
    for (int i = 0; i < 4; ++i) {
        record = after_failure(record, 5, now);
        EXPECT_EQ(seconds_left(record, now), 0);
    }
    record = after_failure(record, 5, now);
    EXPECT_EQ(seconds_left(record, now), 30);
    record = after_failure(record, 5, now);
    EXPECT_EQ(seconds_left(record, now), 60);
    for (int i = 0; i < 10; ++i)
        record = after_failure(record, 5, now);
    EXPECT_EQ(seconds_left(record, now), 15 * 60);
    EXPECT_EQ(seconds_left(record, now + 15 * 60), 0);
}

TEST(SignInThrottle, failures_over_an_hour_old_are_forgotten) {
    FailureRecord record;
    for (int i = 0; i < 4; ++i)
        record = after_failure(record, 5, 1000);
    record = after_failure(record, 5, 1000 + 3601);
    EXPECT_EQ(record.failures, 1);
    EXPECT_EQ(seconds_left(record, 1000 + 3601), 0);
}

namespace {

httplib::Request request_from(const std::string& remote, const std::string& forwarded) {
    httplib::Request request;
    request.remote_addr = remote;
    if (!forwarded.empty())
        request.set_header("X-Forwarded-For", forwarded);
    return request;
}

} // namespace

TEST(ClientAddress, believes_forwarded_addresses_only_from_trusted_proxies) {
    using trellis::http::client_address;
    const std::vector<std::string> proxies = {"127.0.0.1"};
    EXPECT_EQ(client_address(request_from("127.0.0.1", "203.0.113.9"), proxies), "203.0.113.9");
    // Anyone else may write anything in the header: it is ignored.
    EXPECT_EQ(client_address(request_from("198.51.100.4", "203.0.113.9"), proxies), "198.51.100.4");
    EXPECT_EQ(client_address(request_from("127.0.0.1", "203.0.113.9"), {}), "127.0.0.1");
    // A client's own made-up entries sit to the left of what the proxy appended.
    EXPECT_EQ(client_address(request_from("127.0.0.1", "10.9.9.9, 203.0.113.9"), proxies), "203.0.113.9");
    EXPECT_EQ(client_address(request_from("127.0.0.1", "203.0.113.9, 127.0.0.1"), proxies), "203.0.113.9");
    EXPECT_EQ(client_address(request_from("127.0.0.1", ""), proxies), "127.0.0.1");
}

TEST(ClientAddress, reads_the_trusted_proxy_list) {
    EXPECT_EQ(trellis::http::parse_address_list(" 127.0.0.1, ::1 ,,"),
              (std::vector<std::string>{"127.0.0.1", "::1"}));
    EXPECT_TRUE(trellis::http::parse_address_list("").empty());
}
