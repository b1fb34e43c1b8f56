#pragma once

#include <string>

#include "storage/file_store.h"

namespace trellis::storage {

// Where an S3-compatible bucket is and how to sign in to it (TRELLIS_S3_*).
struct S3Settings {
    std::string endpoint; // "https://s3.eu-west-2.amazonaws.com", "http://127.0.0.1:9000"
    std::string bucket;
    std::string region;
    std::string access_key;
    std::string secret_key;
};

// Files as objects in an S3-compatible bucket, addressed path-style (ENDPOINT/BUCKET/KEY) so any
// S3-compatible store works without DNS names per bucket. Every request is signed with AWS
// Signature Version 4 by libcurl (through web_client), with the payload's SHA-256 signed too.
// Several servers pointed at one bucket see the same files.
class S3Store : public FileStore {
  public:
    explicit S3Store(S3Settings settings);

    void put(const std::string& key, const std::string& bytes) override;
    std::string get(const std::string& key) override;
    std::optional<std::uint64_t> size_of(const std::string& key) override;
    bool read_range(const std::string& key, std::uint64_t offset, std::uint64_t length,
                    const Receiver& receive) override;
    void remove(const std::string& key) override;
    std::vector<std::string> list(const std::string& prefix) override;
    void check() override;
    std::string where() const override;

  private:
    std::string url_of(const std::string& key) const;

    S3Settings m_settings;
};

// The text of each <Key> in a ListObjectsV2 answer, entities decoded (for tests).
std::vector<std::string> keys_in_listing(const std::string& xml);
// The <NextContinuationToken> of a listing that is truncated, or "" when it is the last page.
std::string next_page_of_listing(const std::string& xml);

} // namespace trellis::storage
