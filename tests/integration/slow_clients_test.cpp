// Clients that send their request a header line every few seconds hold a connection each. A
// hundred and twenty of them, on loopback for about ten seconds, must not stop the server
// answering everyone else (the test server keeps only 4 threads ready).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "harness.h"

using namespace trellis::testing;

namespace {

constexpr int kSlowClients = 120;

// A connection that has sent the first line of a request and then dawdles.
int open_slow_client(int port) {
    const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(socket_fd);
        return -1;
    }
    const char start[] = "GET /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    (void)::send(socket_fd, start, sizeof start - 1, MSG_NOSIGNAL);
    return socket_fd;
}

} // namespace

TEST(SlowClients, a_hundred_slow_clients_do_not_stop_the_server_answering_others) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    TestServer server(database);
    std::vector<int> slow;
    for (int i = 0; i < kSlowClients; ++i)
        if (int client = open_slow_client(server.port()); client >= 0)
            slow.push_back(client);
    ASSERT_EQ(slow.size(), static_cast<std::size_t>(kSlowClients));

    // For six seconds the slow clients each send another header line every two seconds, while an
    // ordinary visitor asks for the sign-in page every second; each must be answered within seconds.
    for (int second = 0; second < 6; ++second) {
        if (second % 2 == 0)
            for (int client : slow)
                (void)::send(client, "X-Slow: yes\r\n", 13, MSG_NOSIGNAL);
        Browser visitor(server);
        const auto started = std::chrono::steady_clock::now();
        auto page = visitor.get("/sign-in");
        const auto waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        ASSERT_TRUE(page) << "no answer at second " << second;
        EXPECT_EQ(page->status, 200);
        EXPECT_LT(waited, 4.0) << "at second "
                               << second; // queued behind the slow clients, it would wait for ever
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    for (int client : slow)
        ::close(client);
}
